import {
  CsrfField,
  ErrorSummary,
  Field,
  FieldError,
  Layout,
  LocalizedTextFields,
  PageContext,
  pickText,
  Settlement,
} from '@chartuloba/platform';
import type { BodyEntity, MotionEntity } from '../entities/councils.entities';
import type { SessionSummary, SessionView } from '../services/councils-read.service';
import { DocumentList } from './documents.parts';
import { FlagBadges, Text, when } from './parts';

export interface FormState {
  values: Record<string, unknown>;
  errors: FieldError[];
}

export const EMPTY: FormState = { values: {}, errors: [] };

const str = (form: FormState, name: string) => {
  const value = form.values[name];
  return typeof value === 'string' ? value : '';
};
const text = (form: FormState, name: string) => {
  const value = form.values[name];
  return value && typeof value === 'object' ? (value as Record<string, string>) : undefined;
};

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
          value={text(form, 'title')}
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
              value={str(form, 'startsAt')}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <LocalizedTextFields
          ctx={ctx}
          name="place"
          legend={t('councils.field.place')}
          value={text(form, 'place')}
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
                <option key={s.id} value={s.id} selected={str(form, 'fieldSettlementId') === s.id}>
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

export function ManageSessionPage(props: {
  ctx: PageContext;
  view: SessionView;
  pending: MotionEntity[];
  form: FormState;
  now: Date;
}) {
  const { ctx, view, form } = props;
  const { t } = ctx;
  const { session } = view;
  const base = `/admin/councils/sessions/${session.id}`;
  const started = session.startsAt <= props.now;
  const editable = session.status === 'planned' || session.status === 'announced';
  const day = session.startsAt.toISOString().slice(0, 10);
  const members = view.members.filter((m) => m.termStart <= day && (m.termEnd === null || m.termEnd >= day));
  return (
    <Layout ctx={ctx} title={pickText(session.title, ctx.locale)}>
      <h1>
        <Text ctx={ctx} text={session.title} />
      </h1>
      <p>
        {when(ctx, session.startsAt)} · <span class="badge">{t(`councils.status.${session.status}`)}</span>{' '}
        <a href={`/councils/sessions/${session.id}`}>{t('councils.admin.public-page')}</a>
      </p>
      <FlagBadges ctx={ctx} flags={view.flags} />
      <ErrorSummary ctx={ctx} errors={form.errors} />

      {session.status === 'planned' ? (
        <section>
          <h2>{t('councils.admin.announce')}</h2>
          <p>{t('councils.admin.announce-due', { date: when(ctx, view.flags.announcementDue) })}</p>
          <form method="post" action={`${base}/announce`}>
            <CsrfField ctx={ctx} />
            <button type="submit" id="announce">
              {t('councils.admin.announce-now')}
            </button>
          </form>
        </section>
      ) : null}

      <h2>{t('councils.session.agenda')}</h2>
      <ol>
        {view.agenda.map((item) => (
          <li key={item.id}>
            <Text ctx={ctx} text={item.title} />
            {item.motion ? <MotionAdmin ctx={ctx} base={base} view={item.motion} members={members} /> : null}
          </li>
        ))}
      </ol>
      {editable ? (
        <form method="post" action={`${base}/agenda`} class="card">
          <CsrfField ctx={ctx} />
          <LocalizedTextFields
            ctx={ctx}
            name="itemTitle"
            legend={t('councils.admin.agenda-item')}
            errors={form.errors}
            maxLength={300}
          />
          {props.pending.length ? (
            <Field id="motionId" label={t('councils.admin.motion')} errors={form.errors}>
              {() => (
                <select id="motionId" name="motionId">
                  <option value="">—</option>
                  {props.pending.map((m) => (
                    <option key={m.id} value={m.id}>
                      {pickText(m.title, ctx.locale)} ({m.originLib})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <button type="submit" class="secondary">
            {t('councils.admin.add-item')}
          </button>
        </form>
      ) : null}

      <h2 id="documents" tabIndex={-1}>
        {t('councils.session.documents')}
      </h2>
      {view.documentsPublic ? null : <p class="muted">{t('councils.admin.documents-private')}</p>}
      <DocumentList
        ctx={ctx}
        documents={view.documents}
        hrefOf={(d) => `${base}/documents/${d.id}`}
        removeBase={editable ? `${base}/documents` : undefined}
      />
      <form method="post" action={`${base}/documents`} enctype="multipart/form-data" class="card" novalidate>
        <CsrfField ctx={ctx} />
        <LocalizedTextFields
          ctx={ctx}
          name="docTitle"
          legend={t('councils.admin.document-title')}
          value={text(form, 'docTitle')}
          errors={form.errors}
          required
          maxLength={200}
        />
        <Field
          id="docFile"
          label={t('councils.admin.document-file')}
          hint={t('councils.admin.document-file-hint')}
          errors={form.errors}
        >
          {(describedBy, invalid) => (
            <input
              type="file"
              id="docFile"
              name="docFile"
              accept="application/pdf,.pdf"
              required
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <button type="submit" class="secondary" id="upload-document">
          {t('councils.admin.add-document')}
        </button>
      </form>

      {started && session.status !== 'cancelled' ? (
        <section>
          <h2>{t('councils.admin.minutes')}</h2>
          <form method="post" action={`${base}/minutes`} enctype="multipart/form-data" novalidate>
            <CsrfField ctx={ctx} />
            <LocalizedTextFields
              ctx={ctx}
              name="minutes"
              legend={t('councils.admin.minutes-text')}
              value={text(form, 'minutes') ?? session.minutesText ?? undefined}
              errors={form.errors}
              multiline
              required
              maxLength={20000}
            />
            <Field
              id="minutesPdf"
              label={t('councils.admin.minutes-pdf')}
              hint={
                view.minutesFile
                  ? t('councils.admin.minutes-pdf-current', { name: view.minutesFile.filename })
                  : undefined
              }
              errors={form.errors}
            >
              {(describedBy, invalid) => (
                <input
                  type="file"
                  id="minutesPdf"
                  name="minutesPdf"
                  accept="application/pdf,.pdf"
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                />
              )}
            </Field>
            <fieldset class="field">
              <legend>{t('councils.session.attendance')}</legend>
              {members.map((m) => (
                <div key={m.id}>
                  <input
                    type="checkbox"
                    id={`present-${m.id}`}
                    name="present"
                    value={m.id}
                    checked={view.attendance.some((a) => a.member.id === m.id && a.present)}
                  />
                  <label for={`present-${m.id}`}>{m.name}</label>
                </div>
              ))}
            </fieldset>
            {view.agenda.map((item, index) => (
              <LocalizedTextFields
                key={item.id}
                ctx={ctx}
                name={`decision-${index}`}
                legend={t('councils.admin.decision-on', { item: pickText(item.title, ctx.locale) })}
                value={item.decision ?? undefined}
                multiline
                maxLength={4000}
              />
            ))}
            <button type="submit" id="publish-minutes">
              {t('councils.admin.publish-minutes')}
            </button>
          </form>
        </section>
      ) : null}

      {editable ? (
        <form method="post" action={`${base}/cancel`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger">
            {t('councils.admin.cancel')}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

function MotionAdmin(props: {
  ctx: PageContext;
  base: string;
  view: NonNullable<SessionView['agenda'][number]['motion']>;
  members: SessionView['members'];
}) {
  const { ctx, view } = props;
  const { t } = ctx;
  const { motion, votes } = view;
  if (motion.status !== 'scheduled') {
    return (
      <p>
        {t(`councils.outcome.${motion.outcome ?? 'rejected'}`)}{' '}
        {t('councils.motion.counts', {
          yes: motion.yesCount ?? 0,
          no: motion.noCount ?? 0,
          abstain: motion.abstainCount ?? 0,
          absent: motion.absentCount ?? 0,
        })}
      </p>
    );
  }
  const notVoted = props.members.filter((m) => !votes.some((v) => v.memberId === m.id));
  return (
    <div class="card">
      <p>{t('councils.admin.votes-so-far', { count: votes.length })}</p>
      {notVoted.length ? (
        <form method="post" action={`${props.base}/motions/${motion.id}/roll-call`}>
          <CsrfField ctx={ctx} />
          <table>
            <caption>{t('councils.admin.roll-call')}</caption>
            <tbody>
              {notVoted.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <label for={`vote-${m.id}`}>{m.name}</label>
                  </th>
                  <td>
                    <select id={`vote-${m.id}`} name={`vote-${m.id}`}>
                      <option value="">{t('councils.admin.not-voting')}</option>
                      <option value="yes">{t('councils.choice.yes')}</option>
                      <option value="no">{t('councils.choice.no')}</option>
                      <option value="abstain">{t('councils.choice.abstain')}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" class="secondary">
            {t('councils.admin.record-roll-call')}
          </button>
        </form>
      ) : null}
      <form method="post" action={`${props.base}/motions/${motion.id}/decide`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('councils.admin.close-vote')}</button>
      </form>
    </div>
  );
}
