import { Layout, PageContext } from '@chartuloba/platform';

export function HomePage({ ctx }: { ctx: PageContext }) {
  const title = ctx.t('platform.home.title', { municipality: ctx.municipalityName });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{ctx.t('platform.home.intro')}</p>
    </Layout>
  );
}
