import type { PageContext } from '@chartuloba/platform';
import type { RecommendationView } from '../services/councils-read.service';
import { day, Text } from './parts';

/** A body's recommendations with addressee, deadline and answer; an overdue one is marked in words. */
export function RecommendationTable({
  ctx,
  recommendations,
}: {
  ctx: PageContext;
  recommendations: RecommendationView[];
}) {
  const { t } = ctx;
  if (!recommendations.length) {
    return <p class="muted">{t('councils.recommendations.none')}</p>;
  }
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('councils.recommendations.issued')}</th>
            <th scope="col">{t('councils.recommendations.to')}</th>
            <th scope="col">{t('councils.recommendations.text')}</th>
            <th scope="col">{t('councils.recommendations.unit')}</th>
            <th scope="col">{t('councils.recommendations.due')}</th>
            <th scope="col">{t('councils.recommendations.status')}</th>
          </tr>
        </thead>
        <tbody>
          {recommendations.map((r) => (
            <tr key={r.id} class={r.overdue ? 'overdue' : undefined}>
              <td>{day(ctx, r.issuedOn)}</td>
              <td>{r.addressee}</td>
              <td>
                <Text ctx={ctx} text={r.text} />
                {r.answer ? (
                  <p>
                    <strong>{t('councils.recommendations.answer')}:</strong>{' '}
                    <Text ctx={ctx} text={r.answer} />
                  </p>
                ) : null}
              </td>
              <td>{r.responsibleUnit}</td>
              <td>{day(ctx, r.responseDueOn)}</td>
              <td>
                {t(`councils.recommendation-status.${r.status}`)}
                {r.overdue ? <span class="badge flag"> {t('councils.flag.overdue')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
