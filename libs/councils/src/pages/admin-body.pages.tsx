import { AccountContact } from '@chartuloba/identity';
import {
  CsrfField,
  ErrorSummary,
  Field,
  Layout,
  LocalizedTextFields,
  PageContext,
  pickText,
} from '@chartuloba/platform';
import type { BodyEntity, MemberEntity } from '../entities/councils.entities';
import type { RecommendationView, ReportView } from '../services/councils-read.service';
import type { FormState } from './admin.pages';
import { day, Text } from './parts';

/** Which form on the page a failed post belongs to, so only that one shows its errors and values. */
export interface BodyForm extends FormState {
  name: string;
}

function TextInput(props: {
  id: string;
  label: string;
  form?: BodyForm;
  type?: string;
  hint?: string;
  required?: boolean;
  value?: string;
}) {
  const value = props.form?.values[props.id];
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.form?.errors}>
      {(describedBy, invalid) => (
        <input
          type={props.type ?? 'text'}
          id={props.id}
          name={props.id}
          required={props.required}
          value={typeof value === 'string' ? value : (props.value ?? '')}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </Field>
  );
}

export function AdminBodyPage(props: {
  ctx: PageContext;
  body: BodyEntity;
  members: MemberEntity[];
  recommendations: RecommendationView[];
  reports: ReportView[];
  councilAccounts: AccountContact[];
  canManageAll: boolean;
  form?: BodyForm;
}) {
  const { ctx, body } = props;
  const { t } = ctx;
  const base = `/admin/councils/${body.id}`;
  const formFor = (name: string) => (props.form?.name === name ? props.form : undefined);
  return (
    <Layout ctx={ctx} title={pickText(body.name, ctx.locale)}>
      <h1>
        <Text ctx={ctx} text={body.name} />
      </h1>
      <p>
        <a href={`/councils/${body.slug}`}>{t('councils.admin.public-page')}</a> ·{' '}
        <a href={`${base}/sessions/new`}>{t('councils.admin.plan-session')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={props.form?.errors} />

      {props.canManageAll ? (
        <section>
          <h2>{t('councils.admin.settings')}</h2>
          <form method="post" action={`${base}/settings`} class="card">
            <CsrfField ctx={ctx} />
            <TextInput
              id="announcementLeadDays"
              type="number"
              label={t('councils.admin.lead-days')}
              form={formFor('settings')}
              value={String(body.announcementLeadDays)}
            />
            <TextInput
              id="minutesDueDays"
              type="number"
              label={t('councils.admin.minutes-days')}
              form={formFor('settings')}
              value={String(body.minutesDueDays)}
            />
            <TextInput
              id="responseDays"
              type="number"
              label={t('councils.admin.response-days')}
              form={formFor('settings')}
              value={String(body.responseDays)}
            />
            <Field id="quorumRule" label={t('councils.admin.quorum')}>
              {() => (
                <select id="quorumRule" name="quorumRule">
                  {(['more-than-half', 'one-third', 'two-thirds'] as const).map((rule) => (
                    <option key={rule} value={rule} selected={body.quorumRule === rule}>
                      {t(`councils.quorum.${rule}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="majorityRule" label={t('councils.admin.majority')}>
              {() => (
                <select id="majorityRule" name="majorityRule">
                  {(['of-votes-cast', 'of-present', 'of-members'] as const).map((rule) => (
                    <option key={rule} value={rule} selected={body.majorityRule === rule}>
                      {t(`councils.majority.${rule}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextInput
              id="regulationsUrl"
              label={t('councils.admin.regulations-url')}
              form={formFor('settings')}
              value={body.regulationsUrl ?? ''}
            />
            <LocalizedTextFields
              ctx={ctx}
              name="speakRequest"
              legend={t('councils.admin.speak-request')}
              value={body.speakRequest}
              multiline
              maxLength={2000}
            />
            <button type="submit">{t('councils.admin.save')}</button>
          </form>
        </section>
      ) : null}

      <h2>{t('councils.body.members')}</h2>
      <ul>
        {props.members.map((m) => (
          <li key={m.id}>
            {m.name} — {t(`councils.role.${m.role}`)} ({day(ctx, m.termStart)}
            {m.termEnd ? ` – ${day(ctx, m.termEnd)}` : ''})
            {m.userId ? ` · ${t('councils.admin.linked')}` : ''}
          </li>
        ))}
      </ul>
      {props.canManageAll ? (
        <form method="post" action={`${base}/members`} class="card">
          <CsrfField ctx={ctx} />
          <TextInput id="name" label={t('councils.admin.member-name')} form={formFor('member')} required />
          <Field
            id="userId"
            label={t('councils.admin.member-account')}
            hint={t('councils.admin.member-account-hint')}
          >
            {(describedBy) => (
              <select id="userId" name="userId" aria-describedby={describedBy}>
                <option value="">—</option>
                {props.councilAccounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="role" label={t('councils.admin.member-role')}>
            {() => (
              <select id="role" name="role">
                {(['member', 'secretary', 'chair'] as const).map((role) => (
                  <option key={role} value={role}>
                    {t(`councils.role.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextInput
            id="termStart"
            type="date"
            label={t('councils.admin.term-start')}
            form={formFor('member')}
            required
          />
          <TextInput id="termEnd" type="date" label={t('councils.admin.term-end')} form={formFor('member')} />
          <button type="submit" class="secondary">
            {t('councils.admin.add-member')}
          </button>
        </form>
      ) : null}

      <h2>{t('councils.recommendations.title')}</h2>
      <ul>
        {props.recommendations.map((r) => (
          <li key={r.id} class="card">
            <p>
              <strong>{r.addressee}</strong> · {day(ctx, r.issuedOn)} ·{' '}
              {t(`councils.recommendation-status.${r.status}`)}
              {r.overdue ? <span class="badge flag"> {t('councils.flag.overdue')}</span> : null}
            </p>
            <p>
              <Text ctx={ctx} text={r.text} />
            </p>
            {r.status === 'sent' ? (
              <form method="post" action={`${base}/recommendations/${r.id}/answer`}>
                <CsrfField ctx={ctx} />
                <LocalizedTextFields
                  ctx={ctx}
                  name={`answer-${r.id}`}
                  legend={t('councils.recommendations.answer')}
                  errors={formFor(`answer-${r.id}`)?.errors}
                  multiline
                  required
                  maxLength={4000}
                />
                <Field id={`status-${r.id}`} label={t('councils.recommendations.status')}>
                  {() => (
                    <select id={`status-${r.id}`} name="status">
                      <option value="answered">{t('councils.recommendation-status.answered')}</option>
                      <option value="implemented">{t('councils.recommendation-status.implemented')}</option>
                    </select>
                  )}
                </Field>
                <TextInput
                  id={`answeredOn-${r.id}`}
                  type="date"
                  label={t('councils.admin.answered-on')}
                  form={formFor(`answer-${r.id}`)}
                  required
                />
                <button type="submit" class="secondary">
                  {t('councils.admin.record-answer')}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/recommendations`} class="card">
        <CsrfField ctx={ctx} />
        <h3>{t('councils.admin.new-recommendation')}</h3>
        <TextInput
          id="addressee"
          label={t('councils.recommendations.to')}
          form={formFor('recommendation')}
          required
        />
        <LocalizedTextFields
          ctx={ctx}
          name="text"
          legend={t('councils.recommendations.text')}
          value={formFor('recommendation')?.values.text as Record<string, string> | undefined}
          errors={formFor('recommendation')?.errors}
          multiline
          required
          maxLength={4000}
        />
        <TextInput
          id="issuedOn"
          type="date"
          label={t('councils.recommendations.issued')}
          form={formFor('recommendation')}
          required
        />
        <TextInput
          id="responsibleUnit"
          label={t('councils.recommendations.unit')}
          form={formFor('recommendation')}
          required
        />
        <TextInput
          id="responseDueOn"
          type="date"
          label={t('councils.recommendations.due')}
          hint={t('councils.admin.due-hint', { days: body.responseDays })}
          form={formFor('recommendation')}
        />
        <button type="submit">{t('councils.admin.publish-recommendation')}</button>
      </form>

      <h2>{t('councils.reports.title')}</h2>
      <ul>
        {props.reports.map(({ report, questions }) => (
          <li key={report.id} class="card">
            <p>
              <a href={`/councils/reports/${report.id}`}>
                <Text ctx={ctx} text={report.title} />
              </a>{' '}
              ({report.year}, {report.presenter}) —{' '}
              {report.publishedAt ? t('councils.reports.published') : t('councils.reports.not-published')}
            </p>
            {questions
              .filter((q) => !q.answer)
              .map((q) => (
                <form key={q.id} method="post" action={`${base}/questions/${q.id}/answer`}>
                  <CsrfField ctx={ctx} />
                  <p>
                    <strong>{q.authorName}:</strong> {q.question}
                  </p>
                  <Field
                    id={`qa-${q.id}`}
                    label={t('councils.recommendations.answer')}
                    errors={formFor(`qa-${q.id}`)?.errors}
                  >
                    {(describedBy) => (
                      <textarea
                        id={`qa-${q.id}`}
                        name={`qa-${q.id}`}
                        required
                        maxLength={4000}
                        aria-describedby={describedBy}
                      />
                    )}
                  </Field>
                  <button type="submit" class="secondary">
                    {t('councils.admin.record-answer')}
                  </button>
                </form>
              ))}
            {!report.publishedAt ? (
              <form
                method="post"
                action={`${base}/reports/${report.id}/publish`}
                enctype="multipart/form-data"
                novalidate
              >
                <CsrfField ctx={ctx} />
                <LocalizedTextFields
                  ctx={ctx}
                  name={`report-${report.id}`}
                  legend={t('councils.reports.text')}
                  errors={formFor(`report-${report.id}`)?.errors}
                  multiline
                  required
                  maxLength={20000}
                />
                <Field
                  id={`reportPdf-${report.id}`}
                  label={t('councils.admin.report-pdf')}
                  errors={formFor(`report-${report.id}`)?.errors}
                >
                  {(describedBy, invalid) => (
                    <input
                      type="file"
                      id={`reportPdf-${report.id}`}
                      name="reportPdf"
                      accept="application/pdf,.pdf"
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                    />
                  )}
                </Field>
                <button type="submit">{t('councils.admin.publish-report')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/reports`} class="card">
        <CsrfField ctx={ctx} />
        <h3>{t('councils.admin.new-report')}</h3>
        <Field id="kind" label={t('councils.reports.kind')}>
          {() => (
            <select id="kind" name="kind">
              {(['body-yearly', 'mayor-public', 'member-public'] as const).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`councils.report-kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextInput
          id="year"
          type="number"
          label={t('councils.admin.report-year')}
          form={formFor('report')}
          required
        />
        <TextInput id="presenter" label={t('councils.reports.presenter')} form={formFor('report')} required />
        <LocalizedTextFields
          ctx={ctx}
          name="reportTitle"
          legend={t('councils.field.title')}
          errors={formFor('report')?.errors}
          required
          maxLength={300}
        />
        <TextInput
          id="scheduledAt"
          type="datetime-local"
          label={t('councils.field.starts-at')}
          hint={t('councils.admin.report-when-hint')}
          form={formFor('report')}
        />
        <LocalizedTextFields
          ctx={ctx}
          name="reportPlace"
          legend={t('councils.field.place')}
          maxLength={300}
        />
        <button type="submit">{t('councils.admin.schedule-report')}</button>
      </form>
    </Layout>
  );
}
