import {
  FormState,
  Locale,
  LocalizedText,
  LocalizedTextFields,
  PageContext,
  parseLocalizedText,
  pickedLocale,
  pickText,
  ProgressBar,
  SelectField,
} from '@chartuloba/platform';
import { PETITION_KINDS } from '../domain/lifecycle';
import { isConsiderationOverdue } from '../dto/petition-response';
import type { Petition } from '../repositories/petition.row';

export const PETITION_STYLES = ['/assets/petitions.css'];

export function Text({ text, locale }: { text: LocalizedText | null; locale: Locale }) {
  const lang = pickedLocale(text, locale);
  return <span lang={lang}>{pickText(text, locale)}</span>;
}

export function StatusBadge({ ctx, petition }: { ctx: PageContext; petition: Petition }) {
  return <span class="badge">{ctx.t(`petitions.status.${petition.status}`)}</span>;
}

export function Progress({ ctx, petition, count }: { ctx: PageContext; petition: Petition; count: number }) {
  if (petition.threshold === null) {
    return <p class="muted">{ctx.t('petitions.detail.no-threshold')}</p>;
  }
  const params = {
    count: ctx.i18n.formatNumber(ctx.locale, count),
    threshold: ctx.i18n.formatNumber(ctx.locale, petition.threshold),
  };
  return (
    <div>
      <p class="petition-count" data-testid="signature-count">
        {ctx.t('petitions.signatures', { count })}
      </p>
      <ProgressBar value={count} max={petition.threshold} label={ctx.t('petitions.progress-label', params)} />
      <p class="muted">{ctx.t('petitions.progress', params)}</p>
    </div>
  );
}

export function Overdue({ ctx, petition }: { ctx: PageContext; petition: Petition }) {
  if (!isConsiderationOverdue(petition) || !petition.considerationDueAt) {
    return null;
  }
  return (
    <p class="overdue" role="status">
      {ctx.t('petitions.overdue', { date: ctx.i18n.formatDate(ctx.locale, petition.considerationDueAt) })}
    </p>
  );
}

/** What a petition says, as both its author's form and staff's general-assembly form ask for it. */
export function PetitionTextFields(props: { ctx: PageContext; form: FormState; titleMaxLength?: number }) {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <>
      <SelectField
        id="kind"
        label={t('petitions.form.kind')}
        errors={form.errors}
        value={form.values['kind']}
        options={PETITION_KINDS.map((kind) => ({ value: kind, label: t(`petitions.kind.${kind}`) }))}
      />
      <LocalizedTextFields
        ctx={ctx}
        name="title"
        legend={t('petitions.form.title')}
        value={parseLocalizedText(form.values, 'title')}
        errors={form.errors}
        maxLength={props.titleMaxLength}
      />
      <LocalizedTextFields
        ctx={ctx}
        name="body"
        legend={t('petitions.form.body')}
        value={parseLocalizedText(form.values, 'body')}
        errors={form.errors}
        multiline
      />
    </>
  );
}
