import { CsrfField, PageContext } from '@chartuloba/platform';
import type { SessionView } from '../services/councils-read.service';
import { motionCounts } from './parts';

/** A decided motion's result, or the secretary's roll call and the button that closes the vote. */
export function MotionAdmin(props: {
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
        {t(`councils.outcome.${motion.outcome ?? 'rejected'}`)} {motionCounts(ctx, motion)}
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
          <div class="table-scroll">
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
          </div>
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
