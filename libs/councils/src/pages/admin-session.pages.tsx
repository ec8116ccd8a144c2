import {
  CsrfField,
  ErrorSummary,
  Field,
  Layout,
  LocalizedTextFields,
  PageContext,
  pickText,
} from '@chartuloba/platform';
import { activeOn } from '../councils.policy';
import type { MotionEntity } from '../entities/councils.entities';
import type { SessionView } from '../services/councils-read.service';
import { FormState, formText, PdfInput } from './admin-forms.parts';
import { MotionAdmin } from './admin-motions.parts';
import { DocumentList } from './documents.parts';
import { FlagBadges, Text, when } from './parts';

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
  const members = view.members.filter((m) => activeOn(m, day));
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
          value={formText(form, 'docTitle')}
          errors={form.errors}
          required
          maxLength={200}
        />
        <PdfInput
          id="docFile"
          label={t('councils.admin.document-file')}
          hint={t('councils.admin.document-file-hint')}
          errors={form.errors}
          required
        />
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
              value={formText(form, 'minutes') ?? session.minutesText ?? undefined}
              errors={form.errors}
              multiline
              required
              maxLength={20000}
            />
            <PdfInput
              id="minutesPdf"
              label={t('councils.admin.minutes-pdf')}
              hint={
                view.minutesFile
                  ? t('councils.admin.minutes-pdf-current', { name: view.minutesFile.filename })
                  : undefined
              }
              errors={form.errors}
            />
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
