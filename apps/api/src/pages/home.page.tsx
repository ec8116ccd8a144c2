import type { VNode } from 'preact';
import { Layout, PageContext } from '@chartuloba/platform';

export function HomePage({ ctx, sections }: { ctx: PageContext; sections: VNode[] }) {
  const title = ctx.t('platform.home.title', { municipality: ctx.municipalityName });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{ctx.t('platform.home.intro')}</p>
      {sections}
    </Layout>
  );
}
