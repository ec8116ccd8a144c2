import type { FastifyRequest } from 'fastify';

/**
 * The address a page should send the visitor back to (after signing in, after changing language). For a
 * GET it is the page itself; a page shown in answer to a form post is not, as the post's address takes
 * POST only: then it is the form's page, which a same-origin Referer names (pages are served with
 * `Referrer-Policy: same-origin` for this), else the home page. A guess from the posted path would be
 * wrong for actions under an address with no page of its own (`…/reports/:id/publish`).
 */
export function returnPath(request: FastifyRequest): string {
  if (request.method === 'GET' || request.method === 'HEAD') {
    return request.url;
  }
  const referer = request.headers.referer;
  if (referer && URL.canParse(referer)) {
    const from = new URL(referer);
    if (from.host === request.headers.host) {
      return `${from.pathname}${from.search}`;
    }
  }
  return '/';
}
