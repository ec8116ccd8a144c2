import { Layout } from './layout';
import type { PageContext } from './page-context';

export function ErrorPage({ ctx, status, message }: { ctx: PageContext; status: number; message?: string }) {
  const known = [400, 401, 403, 404, 409, 415, 429, 500].includes(status) ? status : 500;
  const title = ctx.t(`platform.error.${known}`);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {message && message !== title ? <p>{message}</p> : null}
      {status === 401 ? (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>{ctx.t('platform.nav.sign-in')}</a>
        </p>
      ) : null}
      <p>
        <a href="/">{ctx.t('platform.error.back-home')}</a>
      </p>
      <p class="muted">{ctx.t('platform.error.reference', { requestId: ctx.requestId })}</p>
    </Layout>
  );
}
