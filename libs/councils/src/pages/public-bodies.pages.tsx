import { Layout, PageContext, pickText } from '@chartuloba/platform';
import { activeOn } from '../councils.policy';
import type { BodyEntity, MemberEntity } from '../entities/councils.entities';
import type {
  Compliance,
  RecommendationView,
  ReportView,
  SessionSummary,
} from '../services/councils-read.service';
import { day, Text } from './parts';
import { RecommendationTable } from './public-recommendations.parts';
import { ReportList } from './public-reports.pages';
import { SessionList, upcomingAndPast } from './public-sessions.pages';

export function CouncilsIndexPage(props: {
  ctx: PageContext;
  bodies: BodyEntity[];
  sessions: SessionSummary[];
  now: Date;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const { upcoming } = upcomingAndPast(props.sessions, props.now);
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
  const { upcoming, past } = upcomingAndPast(props.sessions, props.now);
  const today = props.now.toISOString().slice(0, 10);
  const current = props.members.filter((m) => activeOn(m, today));
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
      <RecommendationTable ctx={ctx} recommendations={props.recommendations} />

      <h2>{t('councils.reports.title')}</h2>
      <ReportList ctx={ctx} reports={props.reports} />

      <ComplianceSection ctx={ctx} body={body} compliance={props.compliance} thisYear={props.thisYear} />
    </Layout>
  );
}

/** The body's record for one year against its legal duties, with links to the two years before. */
function ComplianceSection({
  ctx,
  body,
  compliance: c,
  thisYear,
}: {
  ctx: PageContext;
  body: BodyEntity;
  compliance: Compliance;
  thisYear: number;
}) {
  const { t } = ctx;
  return (
    <>
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
          {[thisYear - 2, thisYear - 1, thisYear].map((y) => (
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
    </>
  );
}
