import { CsrfField, PageContext } from '@chartuloba/platform';

/** A registration or consideration deadline; one already past is said to be overdue. */
export function Due({ ctx, date }: { ctx: PageContext; date: Date | null }) {
  if (!date) {
    return null;
  }
  const text = ctx.i18n.formatDate(ctx.locale, date, 'datetime');
  return date < new Date() ? (
    <span class="overdue">{ctx.t('petitions.admin.overdue', { date: text })}</span>
  ) : (
    <span>{ctx.t('petitions.admin.due', { date: text })}</span>
  );
}

/** A one-button form that posts to `action`. */
export function PostButton({
  ctx,
  action,
  label,
  secondary,
}: {
  ctx: PageContext;
  action: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={action}>
      <CsrfField ctx={ctx} />
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
}
