import { Layout, PageContext } from '@chartuloba/platform';
import type { Petition } from '../repositories/petition.row';
import type { PetitionWithCount } from '../repositories/petitions.repository';
import { Due } from './admin.parts';
import { PETITION_STYLES, StatusBadge, Text } from './common';

function Queue(props: {
  ctx: PageContext;
  title: string;
  items: PetitionWithCount[];
  due?: (p: Petition) => Date | null;
}) {
  const { ctx } = props;
  return (
    <section>
      <h2>{props.title}</h2>
      {props.items.length === 0 ? <p class="muted">{ctx.t('petitions.admin.none')}</p> : null}
      <ul>
        {props.items.map((p) => (
          <li key={p.id}>
            <a href={`/admin/petitions/${p.id}`}>
              <Text text={p.title} locale={ctx.locale} />
            </a>{' '}
            <StatusBadge ctx={ctx} petition={p} /> {props.due ? <Due ctx={ctx} date={props.due(p)} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AdminDeskPage(props: {
  ctx: PageContext;
  moderation: PetitionWithCount[];
  registration: PetitionWithCount[];
  consideration: PetitionWithCount[];
  running: PetitionWithCount[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.admin.title')} styles={PETITION_STYLES}>
      <h1>{t('petitions.admin.title')}</h1>
      <p>
        <a href="/admin/petitions/assembly">{t('petitions.admin.assembly-new')}</a>
      </p>
      <Queue ctx={ctx} title={t('petitions.admin.moderation')} items={props.moderation} />
      <Queue
        ctx={ctx}
        title={t('petitions.admin.registration')}
        items={props.registration}
        due={(p) => p.registrationDueAt}
      />
      <Queue
        ctx={ctx}
        title={t('petitions.admin.consideration')}
        items={props.consideration}
        due={(p) => p.considerationDueAt}
      />
      <Queue ctx={ctx} title={t('petitions.admin.running')} items={props.running} due={(p) => p.closesAt} />
    </Layout>
  );
}
