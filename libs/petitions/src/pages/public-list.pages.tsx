import { Layout, PageContext, SelectField } from '@chartuloba/platform';
import { PetitionStatus, PUBLIC_STATUSES } from '../domain/lifecycle';
import type { PetitionSort, PetitionWithCount } from '../repositories/petitions.repository';
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
