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
import { NamedForm, TextInput } from './admin-forms.parts';
import { AdminRecommendations } from './admin-recommendations.parts';
import { AdminReports } from './admin-reports.parts';
import { day, Text } from './parts';

/** Which form on the body page a failed post belongs to. */
export type BodyForm = NamedForm;

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

      <AdminRecommendations ctx={ctx} body={body} recommendations={props.recommendations} formFor={formFor} />
      <AdminReports ctx={ctx} body={body} reports={props.reports} formFor={formFor} />
    </Layout>
  );
}
