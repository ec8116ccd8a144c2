import {
  CsrfField,
  ErrorSummary,
  Field,
  FormState,
  Layout,
  LocalizedTextFields,
  PageContext,
  pickText,
  SelectField,
} from '@chartuloba/platform';
import { ANSWER_OUTCOMES } from '../domain/lifecycle';
import type { Petition } from '../repositories/petition.row';
import type { SignatureCount, SignatureRow } from '../repositories/signatures.repository';
import { Due, PostButton } from './admin.parts';
import { FlaggedSignatures, PaperListSummary, PaperListsSection } from './admin-paper.parts';
import { PETITION_STYLES, StatusBadge, Text } from './common';

export function AdminPetitionPage(props: {
  ctx: PageContext;
  petition: Petition;
  count: SignatureCount;
  lists: PaperListSummary[];
  flagged: SignatureRow[];
  councilAvailable: boolean;
  form: FormState;
}) {
  const { ctx, petition, count } = props;
  const { errors, values } = props.form;
  const { t } = ctx;
  const base = `/admin/petitions/${petition.id}`;
  const title = pickText(petition.title, ctx.locale);
  return (
    <Layout ctx={ctx} title={title} styles={PETITION_STYLES}>
      <p>
        <a href="/admin/petitions">{t('petitions.admin.title')}</a>
      </p>
      <h1>
        <Text text={petition.title} locale={ctx.locale} />
      </h1>
      <p class="petition-meta">
        <StatusBadge ctx={ctx} petition={petition} />
        <a href={`/petitions/${petition.id}`}>{`/petitions/${petition.id}`}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {t('petitions.admin.counts', {
          counted: count.counted,
          paper: count.paper,
          invalidated: count.invalidated,
          withdrawn: count.withdrawn,
        })}
      </p>
      {petition.registrationDueAt && petition.status === 'threshold-reached' ? (
        <p>
          {t('petitions.detail.certificate')}: <Due ctx={ctx} date={petition.registrationDueAt} />
        </p>
      ) : null}
      {petition.considerationDueAt && ['registered', 'under-consideration'].includes(petition.status) ? (
        <p>
          {t('petitions.timeline.consideration')}: <Due ctx={ctx} date={petition.considerationDueAt} />
        </p>
      ) : null}

      <div class="actions">
        {petition.status === 'submitted' ? (
          <PostButton ctx={ctx} action={`${base}/open`} label={t('petitions.admin.open')} />
        ) : null}
        {petition.status === 'threshold-reached' ? (
          <PostButton ctx={ctx} action={`${base}/register`} label={t('petitions.admin.register')} />
        ) : null}
        {petition.status === 'registered' ? (
          <>
            <PostButton
              ctx={ctx}
              action={`${base}/consider`}
              label={t('petitions.admin.consider')}
              secondary
            />
            {props.councilAvailable ? (
              <PostButton
                ctx={ctx}
                action={`${base}/consider?council=true`}
                label={t('petitions.admin.to-council')}
              />
            ) : null}
          </>
        ) : null}
        {petition.status === 'answered' ? (
          <PostButton ctx={ctx} action={`${base}/close`} label={t('petitions.admin.close')} secondary />
        ) : null}
        {petition.registrationNumber ? (
          <a class="button secondary" href={`/petitions/${petition.id}/certificate`}>
            {t('petitions.detail.certificate')}
          </a>
        ) : null}
        {petition.threshold !== null ? (
          <a class="button secondary" href={`/api/v1/admin/petitions/${petition.id}/signatories.csv`}>
            {t('petitions.admin.export')}
          </a>
        ) : null}
      </div>

      {petition.status === 'submitted' ? (
        <form method="post" action={`${base}/return`}>
          <CsrfField ctx={ctx} />
          <Field id="reason" label={t('petitions.admin.reason')} errors={errors}>
            {(describedBy, invalid) => (
              <textarea id="reason" name="reason" aria-describedby={describedBy} aria-invalid={invalid}>
                {values['reason'] ?? ''}
              </textarea>
            )}
          </Field>
          <button type="submit" class="secondary">
            {t('petitions.admin.return')}
          </button>
        </form>
      ) : null}

      {petition.status === 'registered' || petition.status === 'under-consideration' ? (
        <form method="post" action={`${base}/answer`}>
          <h2>{t('petitions.admin.answer')}</h2>
          <CsrfField ctx={ctx} />
          <SelectField
            id="outcome"
            label={t('petitions.admin.outcome')}
            errors={errors}
            options={ANSWER_OUTCOMES.map((o) => ({ value: o, label: t(`petitions.outcome.${o}`) }))}
          />
          <LocalizedTextFields
            ctx={ctx}
            name="text"
            legend={t('petitions.admin.answer-text')}
            errors={errors}
            multiline
          />
          <button type="submit">{t('petitions.admin.answer')}</button>
        </form>
      ) : null}

      {petition.threshold !== null ? (
        <PaperListsSection ctx={ctx} petition={petition} lists={props.lists} form={props.form} />
      ) : null}

      {props.flagged.length ? <FlaggedSignatures ctx={ctx} flagged={props.flagged} /> : null}
    </Layout>
  );
}
