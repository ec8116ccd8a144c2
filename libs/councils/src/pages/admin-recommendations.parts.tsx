import { CsrfField, Field, LocalizedTextFields, PageContext } from '@chartuloba/platform';
import type { BodyEntity } from '../entities/councils.entities';
import type { RecommendationView } from '../services/councils-read.service';
import { NamedForm, TextInput } from './admin-forms.parts';
import { day, Text } from './parts';

/** A body's recommendations, an answer form on each still waiting, and the form for a new one. */
export function AdminRecommendations(props: {
  ctx: PageContext;
  body: BodyEntity;
  recommendations: RecommendationView[];
  formFor: (name: string) => NamedForm | undefined;
}) {
  const { ctx, body, formFor } = props;
  const { t } = ctx;
  const base = `/admin/councils/${body.id}`;
  return (
    <>
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
    </>
  );
}
