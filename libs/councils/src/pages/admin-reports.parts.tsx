import { CsrfField, Field, LocalizedTextFields, PageContext } from '@chartuloba/platform';
import type { BodyEntity } from '../entities/councils.entities';
import type { ReportView } from '../services/councils-read.service';
import { NamedForm, PdfInput, TextInput } from './admin-forms.parts';
import { Text } from './parts';

/** A body's yearly reports: answers to residents' questions, publishing with the PDF, scheduling a new one. */
export function AdminReports(props: {
  ctx: PageContext;
  body: BodyEntity;
  reports: ReportView[];
  formFor: (name: string) => NamedForm | undefined;
}) {
  const { ctx, body, formFor } = props;
  const { t } = ctx;
  const base = `/admin/councils/${body.id}`;
  return (
    <>
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
                <PdfInput
                  id={`reportPdf-${report.id}`}
                  name="reportPdf"
                  label={t('councils.admin.report-pdf')}
                  errors={formFor(`report-${report.id}`)?.errors}
                />
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
    </>
  );
}
