import { CsrfField, Layout, LOCALES, PageContext, pickText } from '@chartuloba/platform';
import type { Petition } from '../repositories/petition.row';
import type { SignatureCount } from '../repositories/signatures.repository';
import { Overdue, PETITION_STYLES, Progress, StatusBadge, Text } from './common';
import { SignBox, SignState } from './sign-box.parts';

function timelineOf(ctx: PageContext, petition: Petition): Array<{ at: Date; label: string }> {
  const { t } = ctx;
  const steps: Array<[Date | null, string]> = [
    [petition.origin === 'online' ? petition.submittedAt : null, t('petitions.timeline.submitted')],
    [petition.origin === 'online' ? petition.openedAt : null, t('petitions.timeline.opened')],
    [petition.origin === 'online' ? petition.halfReachedAt : null, t('petitions.timeline.half')],
    [petition.thresholdReachedAt, t('petitions.timeline.threshold')],
    [
      petition.registeredAt,
      t('petitions.timeline.registered', { number: petition.registrationNumber ?? '' }),
    ],
    [petition.considerationStartedAt, t('petitions.timeline.consideration')],
    [petition.answeredAt, t('petitions.timeline.answered')],
    [
      petition.closedAt,
      t(petition.status === 'not-reached' ? 'petitions.status.not-reached' : 'petitions.timeline.closed'),
    ],
  ];
  return steps
    .filter((step): step is [Date, string] => step[0] !== null)
    .map(([at, label]) => ({ at, label }));
}

export function PetitionDetailPage(props: {
  ctx: PageContext;
  petition: Petition;
  count: SignatureCount;
  settlementName?: string;
  recent: Array<{ initials: string }>;
  sign: SignState;
  isAuthor: boolean;
  inviteLink?: string;
  publicUrl: string;
  error?: string;
}) {
  const { ctx, petition, count } = props;
  const { t, locale, i18n } = ctx;
  const title = pickText(petition.title, locale);
  const otherLanguages = LOCALES.filter((l) => l !== locale && petition.body[l]);
  return (
    <Layout ctx={ctx} title={title} styles={PETITION_STYLES}>
      <h1>
        <Text text={petition.title} locale={locale} />
      </h1>
      <div class="petition-meta">
        <StatusBadge ctx={ctx} petition={petition} />
      </div>
      {props.error ? (
        <div class="error-summary" role="alert">
          <p class="error-message">{props.error}</p>
        </div>
      ) : null}
      {petition.moderationNote && props.isAuthor ? (
        <p class="error-message">
          {t('petitions.detail.moderation-note', { reason: petition.moderationNote })}
        </p>
      ) : null}
      <Overdue ctx={ctx} petition={petition} />
      <Progress ctx={ctx} petition={petition} count={count.counted} />
      {count.invalidated > 0 || count.paper > 0 ? (
        <p class="muted">
          {count.paper > 0 ? t('petitions.detail.paper', { count: count.paper }) : null}
          {count.paper > 0 && count.invalidated > 0 ? '; ' : null}
          {count.invalidated > 0 ? t('petitions.detail.invalidated', { count: count.invalidated }) : null}
        </p>
      ) : null}
      {petition.closesAt && (petition.status === 'open' || petition.status === 'threshold-reached') ? (
        <p>{t('petitions.closes', { date: i18n.formatDate(locale, petition.closesAt) })}</p>
      ) : null}

      <SignBox ctx={ctx} petition={petition} sign={props.sign} />

      {petition.answerOutcome ? (
        <section aria-labelledby="answer-title" class="answer">
          <h2 id="answer-title">{t('petitions.detail.answer')}</h2>
          <p>
            <strong>{t(`petitions.outcome.${petition.answerOutcome}`)}</strong>
            {petition.answeredAt ? ` · ${i18n.formatDate(locale, petition.answeredAt)}` : ''}
          </p>
          <p class="petition-body">
            <Text text={petition.answerText} locale={locale} />
          </p>
        </section>
      ) : null}

      <dl class="facts">
        <dt>{t('petitions.detail.kind')}</dt>
        <dd>{t(`petitions.kind.${petition.kind}`)}</dd>
        <dt>{t('petitions.detail.author')}</dt>
        <dd>
          {petition.origin === 'general-assembly'
            ? `${petition.authorName} — ${t('petitions.detail.assembly', { settlement: props.settlementName ?? '' })}`
            : petition.authorName}
        </dd>
        <dt>{t('petitions.detail.threshold')}</dt>
        <dd>
          {petition.threshold !== null && petition.thresholdBasis
            ? t('petitions.detail.threshold-basis', {
                threshold: i18n.formatNumber(locale, petition.threshold),
                voters: i18n.formatNumber(locale, petition.thresholdBasis.registeredVoters),
                asOf: petition.thresholdBasis.asOf,
                source: petition.thresholdBasis.source,
              })
            : petition.origin === 'general-assembly'
              ? t('petitions.detail.no-threshold')
              : '—'}
        </dd>
        {petition.registrationNumber ? (
          <>
            <dt>{t('petitions.detail.number')}</dt>
            <dd>
              {petition.registrationNumber} ·{' '}
              <a href={`/petitions/${petition.id}/certificate`}>{t('petitions.detail.certificate')}</a>
            </dd>
          </>
        ) : null}
        {petition.considerationDueAt ? (
          <>
            <dt>{t('petitions.timeline.consideration')}</dt>
            <dd>
              {t('petitions.detail.consideration-due', {
                date: i18n.formatDate(locale, petition.considerationDueAt),
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('petitions.detail.share')}</dt>
        <dd>
          <a href={`/petitions/${petition.id}`}>{`${props.publicUrl}/petitions/${petition.id}`}</a>
        </dd>
      </dl>

      <h2>{t('petitions.detail.text')}</h2>
      <p class="petition-body">
        <Text text={petition.body} locale={locale} />
      </p>
      {otherLanguages.length ? (
        <details>
          <summary>
            {t('petitions.detail.other-languages')}: {otherLanguages.join(', ')}
          </summary>
          {otherLanguages.map((l) => (
            <div key={l} lang={l}>
              <h3>{pickText(petition.title, l)}</h3>
              <p class="petition-body">{petition.body[l]}</p>
            </div>
          ))}
        </details>
      ) : null}
      {petition.assemblyMinutes ? (
        <>
          <h2>{t('petitions.admin.minutes')}</h2>
          <p class="petition-body">{petition.assemblyMinutes}</p>
        </>
      ) : null}

      {props.isAuthor && (petition.status === 'draft' || petition.status === 'returned') ? (
        <div class="actions">
          <a class="button secondary" href={`/petitions/${petition.id}/edit`}>
            {t('petitions.form.edit')}
          </a>
          <form method="post" action={`/petitions/${petition.id}/submit`}>
            <CsrfField ctx={ctx} />
            <button type="submit">{t('petitions.form.submit')}</button>
          </form>
        </div>
      ) : null}
      {props.isAuthor && !['answered', 'closed', 'not-reached'].includes(petition.status) ? (
        <form method="post" action={`/petitions/${petition.id}/invite`} class="actions">
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {t('petitions.form.invite')}
          </button>
        </form>
      ) : null}
      {props.inviteLink ? (
        <p role="status">
          {t('petitions.form.invite-link')} <code>{props.inviteLink}</code>
        </p>
      ) : null}

      <h2>{t('petitions.detail.timeline')}</h2>
      <ol class="timeline">
        <li>
          {t('petitions.timeline.created')} · {i18n.formatDate(locale, petition.createdAt)}
        </li>
        {timelineOf(ctx, petition).map((step) => (
          <li key={step.label}>
            {step.label} · {i18n.formatDate(locale, step.at)}
          </li>
        ))}
      </ol>

      {props.recent.length ? (
        <>
          <h2>{t('petitions.detail.recent')}</h2>
          <ul class="initials">
            {props.recent.map((r, i) => (
              <li key={i}>{r.initials}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
