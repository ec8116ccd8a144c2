import {
  CsrfField,
  ErrorSummary,
  Field,
  Layout,
  LocalizedTextFields,
  PageContext,
  pickText,
  Settlement,
} from '@chartuloba/platform';
import type { BodyEntity, MotionEntity } from '../entities/councils.entities';
import type { SessionSummary } from '../services/councils-read.service';
import { FormState, formString, formText } from './admin-forms.parts';
import { FlagBadges, Text, when } from './parts';

export function AdminIndexPage(props: {
  ctx: PageContext;
  bodies: BodyEntity[];
  sessions: SessionSummary[];
  pending: MotionEntity[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('councils.admin.title')}>
      <h1>{t('councils.admin.title')}</h1>
      {props.bodies.map((body) => (
        <section key={body.id} class="card">
          <h2>
            <Text ctx={ctx} text={body.name} />
          </h2>
          <p>
            <a class="button" href={`/admin/councils/${body.id}/sessions/new`}>
              {t('councils.admin.plan-session')}
            </a>{' '}
            <a href={`/admin/councils/${body.id}`}>{t('councils.admin.manage-body')}</a>
          </p>
          <ul>
            {props.sessions
              .filter((s) => s.body.id === body.id)
              .map(({ session, flags }) => (
                <li key={session.id}>
                  <a href={`/admin/councils/sessions/${session.id}`}>
                    {when(ctx, session.startsAt)} — <Text ctx={ctx} text={session.title} />
                  </a>{' '}
                  <span class="badge">{t(`councils.status.${session.status}`)}</span>
                  <FlagBadges ctx={ctx} flags={flags} />
                </li>
              ))}
          </ul>
        </section>
      ))}
      <h2>{t('councils.admin.pending-motions')}</h2>
      {props.pending.length ? (
        <ul>
          {props.pending.map((m) => (
            <li key={m.id}>
              <a href={m.link}>
                <Text ctx={ctx} text={m.title} />
              </a>{' '}
              <span class="muted">({m.originLib})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('councils.admin.no-pending')}</p>
      )}
    </Layout>
  );
}

export function NewSessionPage(props: {
  ctx: PageContext;
  body: BodyEntity;
  settlements: Settlement[];
  form: FormState;
}) {
  const { ctx, body, form } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('councils.admin.plan-session')}>
      <h1>{t('councils.admin.plan-session')}</h1>
      <p>
        <Text ctx={ctx} text={body.name} />
      </p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action={`/admin/councils/${body.id}/sessions/new`} novalidate>
        <CsrfField ctx={ctx} />
        <LocalizedTextFields
          ctx={ctx}
          name="title"
          legend={t('councils.field.title')}
          value={formText(form, 'title')}
          errors={form.errors}
          required
          maxLength={200}
        />
        <Field
          id="startsAt"
          label={t('councils.field.starts-at')}
          hint={t('councils.field.tbilisi-time')}
          errors={form.errors}
        >
          {(describedBy, invalid) => (
            <input
              type="datetime-local"
              id="startsAt"
              name="startsAt"
              required
              value={formString(form, 'startsAt')}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <LocalizedTextFields
          ctx={ctx}
          name="place"
          legend={t('councils.field.place')}
          value={formText(form, 'place')}
          errors={form.errors}
          maxLength={300}
        />
        <Field
          id="fieldSettlementId"
          label={t('councils.field.field-village')}
          hint={t('councils.field.field-village-hint')}
          errors={form.errors}
        >
          {(describedBy) => (
            <select id="fieldSettlementId" name="fieldSettlementId" aria-describedby={describedBy}>
              <option value="">{t('councils.field.not-field')}</option>
              {props.settlements.map((s) => (
                <option key={s.id} value={s.id} selected={formString(form, 'fieldSettlementId') === s.id}>
                  {pickText(s.name, ctx.locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t('councils.admin.save')}</button>
      </form>
    </Layout>
  );
}
