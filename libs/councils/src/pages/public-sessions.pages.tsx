import { CsrfField, formatFileSize, Layout, PageContext, pickText } from '@chartuloba/platform';
import type { SessionSummary, SessionView } from '../services/councils-read.service';
import { DocumentList } from './documents.parts';
import { BodyLink, FlagBadges, motionCounts, Text, when } from './parts';

export function SessionList({
  ctx,
  sessions,
  showBody,
}: {
  ctx: PageContext;
  sessions: SessionSummary[];
  showBody?: boolean;
}) {
  const { t } = ctx;
  if (!sessions.length) {
    return <p class="muted">{t('councils.sessions.none')}</p>;
  }
  return (
    <ul class="cards">
      {sessions.map(({ session, body, flags, settlement }) => (
        <li key={session.id} class="card">
          <h3>
            <a href={`/councils/sessions/${session.id}`}>
              <Text ctx={ctx} text={session.title} />
            </a>
          </h3>
          <p>
            <time dateTime={session.startsAt.toISOString()}>{when(ctx, session.startsAt)}</time>
            {showBody ? (
              <>
                {' · '}
                <Text ctx={ctx} text={body.name} />
              </>
            ) : null}
          </p>
          <p class="muted">
            {settlement
              ? t('councils.session.field-in', { village: pickText(settlement.name, ctx.locale) })
              : pickText(session.place, ctx.locale)}
          </p>
          <p>
            <span class="badge">{t(`councils.status.${session.status}`)}</span>
          </p>
          <FlagBadges ctx={ctx} flags={flags} />
        </li>
      ))}
    </ul>
  );
}

/** Announced sessions still to come, soonest first, and those already held. */
export function upcomingAndPast(sessions: SessionSummary[], now: Date) {
  const upcoming = sessions
    .filter(({ session }) => session.startsAt >= now && session.status !== 'planned')
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
  const past = sessions.filter(({ session }) => session.startsAt < now);
  return { upcoming, past };
}

export function SessionPage(props: {
  ctx: PageContext;
  view: SessionView;
  canManage: boolean;
  myMemberId: string | null;
  now: Date;
}) {
  const { ctx, view } = props;
  const { t } = ctx;
  const { session, body, flags, settlement } = view;
  const place = [pickText(session.place, ctx.locale), settlement ? pickText(settlement.name, ctx.locale) : '']
    .filter(Boolean)
    .join(', ');
  return (
    <Layout ctx={ctx} title={pickText(session.title, ctx.locale)}>
      <BodyLink ctx={ctx} body={body} />
      <h1>
        <Text ctx={ctx} text={session.title} />
      </h1>
      <dl class="facts">
        <dt>{t('councils.session.when')}</dt>
        <dd>
          <time dateTime={session.startsAt.toISOString()}>{when(ctx, session.startsAt)}</time>
        </dd>
        <dt>{t('councils.session.where')}</dt>
        <dd>
          {place}
          {settlement ? <span class="badge"> {t('councils.session.field')}</span> : null}
        </dd>
        <dt>{t('councils.session.status')}</dt>
        <dd>
          {t(`councils.status.${session.status}`)}
          {session.announcedAt
            ? ` · ${t('councils.session.announced-on', { date: when(ctx, session.announcedAt) })}`
            : ''}
        </dd>
      </dl>
      <FlagBadges ctx={ctx} flags={flags} />
      {session.status !== 'cancelled' ? (
        <div class="card public-notice">
          <h2>{t('councils.session.public-title')}</h2>
          <p>{t('councils.session.public-notice')}</p>
          <p>{pickText(body.speakRequest, ctx.locale) || t('councils.session.how-to-speak')}</p>
        </div>
      ) : null}
      {props.canManage ? (
        <p>
          <a class="button secondary" href={`/admin/councils/sessions/${session.id}`}>
            {t('councils.session.manage')}
          </a>
        </p>
      ) : null}

      <h2>{t('councils.session.agenda')}</h2>
      {view.agenda.length ? (
        <ol>
          {view.agenda.map((item) => (
            <li key={item.id}>
              <Text ctx={ctx} text={item.title} />
              {item.decision ? (
                <p>
                  <strong>{t('councils.session.decision')}:</strong> <Text ctx={ctx} text={item.decision} />
                </p>
              ) : null}
              {item.motion ? (
                <MotionBlock ctx={ctx} view={item.motion} myMemberId={props.myMemberId} />
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('councils.session.no-agenda')}</p>
      )}

      {view.documentsPublic && view.documents.length ? (
        <>
          <h2>{t('councils.session.documents')}</h2>
          <DocumentList ctx={ctx} documents={view.documents} hrefOf={(d) => `/councils/documents/${d.id}`} />
        </>
      ) : null}

      <h2>{t('councils.session.minutes')}</h2>
      {session.minutesPublishedAt ? (
        <section class="minutes">
          <p class="muted">
            {t('councils.session.minutes-published-on', { date: when(ctx, session.minutesPublishedAt) })}
          </p>
          <p style="white-space: pre-line">
            <Text ctx={ctx} text={session.minutesText} />
          </p>
          {view.minutesFile ? (
            <p>
              <a href={`/councils/sessions/${session.id}/minutes.pdf`} download={view.minutesFile.filename}>
                {t('councils.session.minutes-pdf')}
              </a>{' '}
              <span class="muted">({formatFileSize(view.minutesFile.size)})</span>
            </p>
          ) : session.minutesUrl ? (
            <p>
              <a href={session.minutesUrl}>{t('councils.session.minutes-pdf')}</a>
            </p>
          ) : null}
          <h3>{t('councils.session.attendance')}</h3>
          <ul>
            {view.attendance.map(({ member, present }) => (
              <li key={member.id}>
                {member.name}: {present ? t('councils.session.present') : t('councils.session.absent')}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="muted">{t('councils.session.minutes-not-yet', { date: when(ctx, flags.minutesDue) })}</p>
      )}
    </Layout>
  );
}

function MotionBlock({
  ctx,
  view,
  myMemberId,
}: {
  ctx: PageContext;
  view: NonNullable<SessionView['agenda'][number]['motion']>;
  myMemberId: string | null;
}) {
  const { t } = ctx;
  const { motion, votes } = view;
  const alreadyVoted = myMemberId !== null && votes.some((v) => v.memberId === myMemberId);
  return (
    <div class="card motion">
      <p>
        <a href={motion.link}>{t('councils.motion.origin-link')}</a>
      </p>
      {motion.status === 'decided' ? (
        <>
          <p>
            <strong>{t(`councils.outcome.${motion.outcome ?? 'rejected'}`)}</strong>{' '}
            {motionCounts(ctx, motion)}
            {motion.quorate === false ? ` ${t('councils.motion.no-quorum')}` : ''}
          </p>
        </>
      ) : (
        <p class="muted">{t('councils.motion.open')}</p>
      )}
      {votes.length ? (
        <div class="table-scroll">
          <table>
            <caption>{t('councils.motion.votes-caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('councils.motion.member')}</th>
                <th scope="col">{t('councils.motion.vote')}</th>
              </tr>
            </thead>
            <tbody>
              {votes.map((v) => (
                <tr key={v.memberId}>
                  <td>{v.memberName}</td>
                  <td>{t(`councils.choice.${v.choice}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {motion.status === 'scheduled' && myMemberId && !alreadyVoted ? (
        <form method="post" action={`/councils/motions/${motion.id}/vote`}>
          <CsrfField ctx={ctx} />
          <fieldset>
            <legend>{t('councils.motion.your-vote')}</legend>
            {(['yes', 'no', 'abstain'] as const).map((choice) => (
              <div key={choice}>
                <input
                  type="radio"
                  id={`choice-${motion.id}-${choice}`}
                  name="choice"
                  value={choice}
                  required
                />
                <label for={`choice-${motion.id}-${choice}`}>{t(`councils.choice.${choice}`)}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit">{t('councils.motion.cast')}</button>
        </form>
      ) : null}
    </div>
  );
}
