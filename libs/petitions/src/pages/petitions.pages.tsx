import {
  CsrfField,
  ErrorSummary,
  FormState,
  InputField,
  Layout,
  LocalizedTextFields,
  LOCALES,
  PageContext,
  parseLocalizedText,
  pickText,
  SelectField,
} from '@chartuloba/platform';
import { PETITION_KINDS, PetitionStatus, PUBLIC_STATUSES } from '../domain/lifecycle';
import type { Petition } from '../repositories/petition.row';
import type { PetitionSort, PetitionWithCount } from '../repositories/petitions.repository';
import type { SignatureCount } from '../repositories/signatures.repository';
import { Overdue, PETITION_STYLES, Progress, StatusBadge, Text } from './common';

export function PetitionCard({ ctx, petition }: { ctx: PageContext; petition: PetitionWithCount }) {
  return (
    <li class="card">
      <h2>
        <a href={`/petitions/${petition.id}`}>
          <Text text={petition.title} locale={ctx.locale} />
        </a>
      </h2>
      <div class="petition-meta">
        <StatusBadge ctx={ctx} petition={petition} />
        <span class="muted">{ctx.t(`petitions.kind.${petition.kind}`)}</span>
      </div>
      <Progress ctx={ctx} petition={petition} count={petition.signatures} />
      {petition.closesAt && (petition.status === 'open' || petition.status === 'threshold-reached') ? (
        <p class="muted">
          {ctx.t('petitions.closes', { date: ctx.i18n.formatDate(ctx.locale, petition.closesAt) })}
        </p>
      ) : null}
      <Overdue ctx={ctx} petition={petition} />
    </li>
  );
}

export function PetitionListPage(props: {
  ctx: PageContext;
  items: PetitionWithCount[];
  total: number;
  page: number;
  pageSize: number;
  status?: PetitionStatus;
  sort: PetitionSort;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const query = (page: number) =>
    `/petitions?${new URLSearchParams({ ...(props.status ? { status: props.status } : {}), sort: props.sort, page: String(page) }).toString()}`;
  return (
    <Layout ctx={ctx} title={t('petitions.list.title')} styles={PETITION_STYLES}>
      <h1>{t('petitions.list.title')}</h1>
      <p>{t('petitions.list.intro')}</p>
      <p class="actions">
        <a class="button" href="/petitions/new">
          {t('petitions.list.new')}
        </a>
        {ctx.actor ? <a href="/petitions/mine">{t('petitions.list.mine')}</a> : null}
        <a href="/petitions/feed.atom" type="application/atom+xml">
          {t('petitions.list.feed')}
        </a>
        <a href="/api/v1/petitions/export.csv">{t('petitions.list.open-data')}</a>
      </p>
      <form method="get" action="/petitions" class="filters">
        <SelectField
          id="status"
          label={t('petitions.list.filter-status')}
          value={props.status ?? ''}
          options={[
            { value: '', label: t('petitions.list.all') },
            ...PUBLIC_STATUSES.map((status) => ({ value: status, label: t(`petitions.status.${status}`) })),
          ]}
        />
        <SelectField
          id="sort"
          label={t('petitions.list.sort')}
          value={props.sort}
          options={(['newest', 'signatures', 'closing'] as const).map((sort) => ({
            value: sort,
            label: t(`petitions.list.sort-${sort}`),
          }))}
        />
        <button type="submit" class="secondary">
          {t('petitions.list.apply')}
        </button>
      </form>
      <p class="muted">{t('petitions.list.count', { count: props.total })}</p>
      {props.items.length === 0 ? <p>{t('petitions.list.none')}</p> : null}
      <ul class="cards">
        {props.items.map((petition) => (
          <PetitionCard key={petition.id} ctx={ctx} petition={petition} />
        ))}
      </ul>
      <nav class="pager" aria-label={t('petitions.list.title')}>
        {props.page > 1 ? <a href={query(props.page - 1)}>{t('petitions.list.previous')}</a> : null}
        {props.page * props.pageSize < props.total ? (
          <a href={query(props.page + 1)}>{t('petitions.list.next')}</a>
        ) : null}
      </nav>
    </Layout>
  );
}

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

export interface SignState {
  signedIn: boolean;
  resident: boolean;
  signature: { status: string; notify: boolean } | null;
  accepts: boolean;
}

function SignBox({ ctx, petition, sign }: { ctx: PageContext; petition: Petition; sign: SignState }) {
  const { t } = ctx;
  if (!sign.accepts) {
    return petition.status === 'open' || petition.status === 'threshold-reached' ? (
      <p>{t('petitions.sign.closed')}</p>
    ) : null;
  }
  const action = `/petitions/${petition.id}`;
  return (
    <section aria-labelledby="sign-title" class="card">
      <h2 id="sign-title">{t('petitions.sign.title')}</h2>
      {!sign.signedIn ? (
        <p>
          <a class="button" href={`/sign-in?next=${encodeURIComponent(action)}`}>
            {t('petitions.sign.sign-in')}
          </a>
        </p>
      ) : !sign.resident ? (
        <p>{t('petitions.sign.not-resident')}</p>
      ) : sign.signature?.status === 'active' ? (
        <>
          <p class="ok">{t('petitions.sign.signed')}</p>
          <div class="actions">
            <form method="post" action={`${action}/withdraw`}>
              <CsrfField ctx={ctx} />
              <button type="submit" class="secondary">
                {t('petitions.sign.withdraw')}
              </button>
            </form>
            <form method="post" action={`${action}/notify`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="notify" value={sign.signature.notify ? 'false' : 'true'} />
              <button type="submit" class="secondary">
                {t(sign.signature.notify ? 'petitions.sign.notify-off' : 'petitions.sign.notify-on')}
              </button>
            </form>
          </div>
        </>
      ) : sign.signature?.status === 'invalid' ? (
        <p>{t('petitions.sign.invalidated')}</p>
      ) : (
        <form method="post" action={`${action}/sign`}>
          <CsrfField ctx={ctx} />
          <div class="field">
            <label>
              <input type="checkbox" name="notify" value="true" checked /> {t('petitions.sign.notify')}
            </label>
          </div>
          <button type="submit">{t('petitions.sign.submit')}</button>
        </form>
      )}
    </section>
  );
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

export function PetitionFormPage(props: {
  ctx: PageContext;
  form: FormState;
  maxOpenDays: number;
  petitionId?: string;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  const title = t(props.petitionId ? 'petitions.form.edit-title' : 'petitions.form.new-title');
  const { values } = form;
  return (
    <Layout ctx={ctx} title={title} styles={PETITION_STYLES}>
      <h1>{title}</h1>
      <p>{t('petitions.form.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form
        method="post"
        action={props.petitionId ? `/petitions/${props.petitionId}/edit` : '/petitions/new'}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <SelectField
          id="kind"
          label={t('petitions.form.kind')}
          errors={form.errors}
          value={values['kind']}
          options={PETITION_KINDS.map((kind) => ({ value: kind, label: t(`petitions.kind.${kind}`) }))}
        />
        <LocalizedTextFields
          ctx={ctx}
          name="title"
          legend={t('petitions.form.title')}
          value={parseLocalizedText(values, 'title')}
          errors={form.errors}
          maxLength={200}
        />
        <LocalizedTextFields
          ctx={ctx}
          name="body"
          legend={t('petitions.form.body')}
          value={parseLocalizedText(values, 'body')}
          errors={form.errors}
          multiline
        />
        <InputField
          id="closesOn"
          type="date"
          label={t('petitions.form.closes-on')}
          hint={t('petitions.form.closes-on-hint', { max: props.maxOpenDays })}
          errors={form.errors}
          value={values['closesOn']}
        />
        <button type="submit">{t('petitions.form.save')}</button>
      </form>
    </Layout>
  );
}

export function MyPetitionsPage(props: {
  ctx: PageContext;
  items: Array<PetitionWithCount & { relation: string }>;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.mine.title')} styles={PETITION_STYLES}>
      <h1>{t('petitions.mine.title')}</h1>
      {props.items.length === 0 ? <p>{t('petitions.mine.none')}</p> : null}
      <div class="table-scroll">
        <table>
          <tbody>
            {props.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/petitions/${p.id}`}>
                    <Text text={p.title} locale={ctx.locale} />
                  </a>
                </td>
                <td>{t(`petitions.mine.relation.${p.relation}`)}</td>
                <td>{t(`petitions.status.${p.status}`)}</td>
                <td>{t('petitions.signatures', { count: p.signatures })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function JoinPage(props: { ctx: PageContext; petition: Petition; token: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.form.join')} styles={PETITION_STYLES}>
      <h1>{t('petitions.form.join')}</h1>
      <p>{t('petitions.form.join-intro')}</p>
      <p>
        <strong>
          <Text text={props.petition.title} locale={ctx.locale} />
        </strong>
      </p>
      <form method="post" action={`/petitions/${props.petition.id}/join`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={props.token} />
        <button type="submit">{t('petitions.form.join')}</button>
      </form>
    </Layout>
  );
}

export function CertificatePage(props: {
  ctx: PageContext;
  petition: Petition;
  count: number;
  municipality: string;
}) {
  const { ctx, petition } = props;
  const { t, locale, i18n } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.certificate.title')} styles={PETITION_STYLES}>
      {petition.registrationNumber && petition.registeredAt ? (
        <article class="certificate">
          <h1>{t('petitions.certificate.title')}</h1>
          <p class="number">{petition.registrationNumber}</p>
          <p>
            {t('petitions.certificate.body', {
              municipality: props.municipality,
              title: pickText(petition.title, locale),
              number: petition.registrationNumber,
              date: i18n.formatDate(locale, petition.registeredAt),
            })}
          </p>
          <p>
            {petition.threshold !== null
              ? t('petitions.certificate.signatures', { count: props.count, threshold: petition.threshold })
              : t('petitions.certificate.assembly')}
          </p>
          {petition.considerationDueAt ? (
            <p>
              {t('petitions.certificate.due', { date: i18n.formatDate(locale, petition.considerationDueAt) })}
            </p>
          ) : null}
          <p class="no-print">
            <a href={`/petitions/${petition.id}`}>
              <Text text={petition.title} locale={locale} />
            </a>
          </p>
        </article>
      ) : (
        <p>{t('petitions.certificate.not-yet')}</p>
      )}
    </Layout>
  );
}
