import { LocalizedText, PageContext, pickedLocale, pickText } from '@chartuloba/platform';
import type { SessionFlags } from '../services/councils-read.service';

/** Staff text in the visitor's language, marked with the language actually shown. */
export function Text({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  return <span lang={pickedLocale(text, ctx.locale)}>{pickText(text, ctx.locale)}</span>;
}

export function when(ctx: PageContext, date: Date): string {
  return ctx.i18n.formatDate(ctx.locale, date, 'datetime');
}

export function day(ctx: PageContext, date: string): string {
  return ctx.i18n.formatDate(ctx.locale, new Date(`${date}T12:00:00Z`));
}

/** Late and missing announcements and minutes are said in words, not only in colour. */
export function FlagBadges({ ctx, flags }: { ctx: PageContext; flags: SessionFlags }) {
  const { t } = ctx;
  const badges: string[] = [];
  if (flags.announcement === 'late') {
    badges.push(t('councils.flag.announcement-late'));
  }
  if (flags.announcement === 'missing') {
    badges.push(t('councils.flag.announcement-missing'));
  }
  if (flags.minutes === 'missing') {
    badges.push(t('councils.flag.minutes-missing'));
  }
  if (flags.minutes === 'published-late') {
    badges.push(t('councils.flag.minutes-late'));
  }
  if (!badges.length) {
    return null;
  }
  return (
    <ul class="tags">
      {badges.map((b) => (
        <li key={b} class="badge flag">
          {b}
        </li>
      ))}
    </ul>
  );
}
