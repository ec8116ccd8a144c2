import { CsrfField, formatFileSize, Layout, PageContext, pickText } from '@chartuloba/platform';
import type { BodyEntity } from '../entities/councils.entities';
import type { ReportView } from '../services/councils-read.service';
import { BodyLink, Text, when } from './parts';

export function ReportPage(props: {
  ctx: PageContext;
  view: ReportView;
  body: BodyEntity;
  canAsk: boolean;
  error?: string;
  question?: string;
}) {
  const { ctx, view, body } = props;
  const { t } = ctx;
  const { report } = view;
  return (
    <Layout ctx={ctx} title={pickText(report.title, ctx.locale)}>
      <BodyLink ctx={ctx} body={body} />
      <h1>
        <Text ctx={ctx} text={report.title} />
      </h1>
      <dl class="facts">
        <dt>{t('councils.reports.presenter')}</dt>
        <dd>{report.presenter}</dd>
        <dt>{t('councils.reports.kind')}</dt>
        <dd>{t(`councils.report-kind.${report.kind}`)}</dd>
        {report.scheduledAt ? (
          <>
            <dt>{t('councils.session.when')}</dt>
            <dd>{when(ctx, report.scheduledAt)}</dd>
            <dt>{t('councils.session.where')}</dt>
            <dd>
              <Text ctx={ctx} text={report.place} />
            </dd>
          </>
        ) : null}
      </dl>
      {report.kind !== 'body-yearly' ? <p class="muted">{t('councils.reports.deadline-note')}</p> : null}
      {view.overdue ? <p class="badge flag">{t('councils.flag.report-overdue')}</p> : null}
      {report.publishedAt ? (
        <section>
          <h2>{t('councils.reports.text')}</h2>
          <p style="white-space: pre-line">
            <Text ctx={ctx} text={report.text} />
          </p>
          {view.file ? (
            <p>
              <a href={`/councils/reports/${report.id}/document.pdf`} download={view.file.filename}>
                {t('councils.reports.document')}
              </a>{' '}
              <span class="muted">({formatFileSize(view.file.size)})</span>
            </p>
          ) : report.url ? (
            <a href={report.url}>{t('councils.session.minutes-pdf')}</a>
          ) : null}
        </section>
      ) : null}
      <h2>{t('councils.reports.questions')}</h2>
      {view.questions.length ? (
        <ul>
          {view.questions.map((q) => (
            <li key={q.id}>
              <p>
                <strong>{q.authorName}:</strong> {q.question}
              </p>
              {q.answer ? (
                <p>
                  <strong>{t('councils.recommendations.answer')}:</strong> {q.answer}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('councils.reports.no-questions')}</p>
      )}
      {report.announcedAt && !report.publishedAt ? (
        props.canAsk ? (
          <form method="post" action={`/councils/reports/${report.id}/questions`}>
            <CsrfField ctx={ctx} />
            <div class={props.error ? 'field field-error' : 'field'}>
              <label for="question">{t('councils.reports.ask')}</label>
              {props.error ? (
                <p class="error-message" id="question-error">
                  {props.error}
                </p>
              ) : null}
              <textarea
                id="question"
                name="question"
                required
                maxLength={2000}
                aria-describedby={props.error ? 'question-error' : undefined}
              >
                {props.question ?? ''}
              </textarea>
            </div>
            <button type="submit">{t('councils.reports.send')}</button>
          </form>
        ) : (
          <p>
            <a href={`/sign-in?next=${encodeURIComponent(`/councils/reports/${report.id}`)}`}>
              {t('councils.reports.sign-in-to-ask')}
            </a>
          </p>
        )
      ) : null}
    </Layout>
  );
}

/** A body's yearly reports, each with whether it is published and whether it is late. */
export function ReportList({ ctx, reports }: { ctx: PageContext; reports: ReportView[] }) {
  const { t } = ctx;
  if (!reports.length) {
    return <p class="muted">{t('councils.reports.none')}</p>;
  }
  return (
    <ul>
      {reports.map(({ report, overdue }) => (
        <li key={report.id}>
          <a href={`/councils/reports/${report.id}`}>
            <Text ctx={ctx} text={report.title} />
          </a>{' '}
          ({report.year}, {report.presenter}){' '}
          <span class="badge">
            {report.publishedAt ? t('councils.reports.published') : t('councils.reports.not-published')}
          </span>
          {overdue ? <span class="badge flag"> {t('councils.flag.report-overdue')}</span> : null}
        </li>
      ))}
    </ul>
  );
}
