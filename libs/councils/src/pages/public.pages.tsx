import { CsrfField, formatFileSize, Layout, PageContext, pickText } from '@chartuloba/platform';
import type { BodyEntity, MemberEntity } from '../entities/councils.entities';
import type {
  Compliance,
  RecommendationView,
  ReportView,
  SessionSummary,
  SessionView,
} from '../services/councils-read.service';
import { DocumentList } from './documents.parts';
import { day, FlagBadges, Text, when } from './parts';

function SessionList({
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

function split(sessions: SessionSummary[], now: Date) {
  const upcoming = sessions
    .filter(({ session }) => session.startsAt >= now && session.status !== 'planned')
    .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
  const past = sessions.filter(({ session }) => session.startsAt < now);
  return { upcoming, past };
}

export function CouncilsIndexPage(props: {
  ctx: PageContext;
  bodies: BodyEntity[];
  sessions: SessionSummary[];
  now: Date;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const { upcoming } = split(props.sessions, props.now);
  return (
    <Layout ctx={ctx} title={t('councils.index.title')}>
      <h1>{t('councils.index.title')}</h1>
      <p>{t('councils.index.intro')}</p>
      <h2>{t('councils.index.bodies')}</h2>
      <ul class="links">
        {props.bodies.map((body) => (
          <li key={body.id}>
            <a href={`/councils/${body.slug}`}>
              <Text ctx={ctx} text={body.name} />
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('councils.index.upcoming')}</h2>
      <SessionList ctx={ctx} sessions={upcoming} showBody />
      <h2>{t('councils.feeds.title')}</h2>
      <ul class="links">
        <li>
          <a href="/councils/calendar.ics">{t('councils.feeds.ics-all')}</a>
        </li>
        <li>
          <a href="/councils/feed.atom">{t('councils.feeds.atom')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function BodyPage(props: {
  ctx: PageContext;
  body: BodyEntity;
  members: MemberEntity[];
  sessions: SessionSummary[];
  recommendations: RecommendationView[];
  reports: ReportView[];
  compliance: Compliance;
  now: Date;
  thisYear: number;
}) {
  const { ctx, body } = props;
  const { t } = ctx;
  const { upcoming, past } = split(props.sessions, props.now);
  const c = props.compliance;
  const today = props.now.toISOString().slice(0, 10);
  const current = props.members.filter(
    (m) => m.termStart <= today && (m.termEnd === null || m.termEnd >= today),
  );
  return (
    <Layout ctx={ctx} title={pickText(body.name, ctx.locale)}>
      <h1>
        <Text ctx={ctx} text={body.name} />
      </h1>
      <p class="muted">{t(`councils.kind.${body.kind}`)}</p>
      {pickText(body.description, ctx.locale) ? (
        <p>
          <Text ctx={ctx} text={body.description} />
        </p>
      ) : null}
      {body.regulationsUrl ? (
        <p>
          <a href={body.regulationsUrl}>{t('councils.body.regulations')}</a>
        </p>
      ) : null}
      <p>
        <a href={`/councils/${body.slug}/calendar.ics`}>{t('councils.feeds.ics-body')}</a>
      </p>

      <h2>{t('councils.index.upcoming')}</h2>
      <SessionList ctx={ctx} sessions={upcoming} />
      <h2>{t('councils.body.past')}</h2>
      <SessionList ctx={ctx} sessions={past} />

      <h2>{t('councils.body.members')}</h2>
      <ul>
        {current.map((m) => (
          <li key={m.id}>
            {m.name} — {t(`councils.role.${m.role}`)}{' '}
            <span class="muted">{t('councils.body.term-from', { date: day(ctx, m.termStart) })}</span>
          </li>
        ))}
      </ul>

      <h2>{t('councils.recommendations.title')}</h2>
      {props.recommendations.length ? (
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
              {props.recommendations.map((r) => (
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
      ) : (
        <p class="muted">{t('councils.recommendations.none')}</p>
      )}

      <h2>{t('councils.reports.title')}</h2>
      {props.reports.length ? (
        <ul>
          {props.reports.map(({ report, overdue }) => (
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
      ) : (
        <p class="muted">{t('councils.reports.none')}</p>
      )}

      <h2 id="compliance">{t('councils.compliance.title', { year: c.year })}</h2>
      <dl class="facts compliance">
        <dt>{t('councils.compliance.sessions-held')}</dt>
        <dd>
          {t('councils.compliance.held-of', {
            held: c.sessionsHeld,
            planned: c.sessionsPlanned,
            field: c.fieldSessions,
          })}
        </dd>
        <dt>{t('councils.compliance.announcements')}</dt>
        <dd>
          {t('councils.compliance.announcements-value', {
            onTime: c.announcementsOnTime,
            late: c.announcementsLate,
            missing: c.announcementsMissing,
          })}
        </dd>
        <dt>{t('councils.compliance.minutes')}</dt>
        <dd>
          {t('councils.compliance.minutes-value', {
            published: c.minutesPublished,
            late: c.minutesLate,
            missing: c.minutesMissing,
          })}
        </dd>
        <dt>{t('councils.compliance.recommendations')}</dt>
        <dd>
          {t('councils.compliance.recommendations-value', {
            published: c.recommendationsPublished,
            overdue: c.recommendationsOverdue,
          })}
        </dd>
        <dt>{t('councils.compliance.report')}</dt>
        <dd>{c.reportPublished ? t('councils.compliance.yes') : t('councils.compliance.no')}</dd>
      </dl>
      <nav aria-label={t('councils.compliance.other-years')}>
        <ul class="tags">
          {[props.thisYear - 2, props.thisYear - 1, props.thisYear].map((y) => (
            <li key={y}>
              {y === c.year ? (
                <span aria-current="true">{y}</span>
              ) : (
                <a href={`/councils/${body.slug}?year=${y}#compliance`}>{y}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </Layout>
  );
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
      <p>
        <a href={`/councils/${body.slug}`}>
          <Text ctx={ctx} text={body.name} />
        </a>
      </p>
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
            {t('councils.motion.counts', {
              yes: motion.yesCount ?? 0,
              no: motion.noCount ?? 0,
              abstain: motion.abstainCount ?? 0,
              absent: motion.absentCount ?? 0,
            })}
            {motion.quorate === false ? ` ${t('councils.motion.no-quorum')}` : ''}
          </p>
        </>
      ) : (
        <p class="muted">{t('councils.motion.open')}</p>
      )}
      {votes.length ? (
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
      <p>
        <a href={`/councils/${body.slug}`}>
          <Text ctx={ctx} text={body.name} />
        </a>
      </p>
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
