import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { PlatformError } from '../errors/domain-error';

const ACCEPTS_UPLOADS = 'chartulobaAcceptsUploads';

/**
 * Marks a route that takes a multipart body (file uploads). Every other route answers 415 to one before
 * reading it, so a client cannot make the parser buffer files on routes that never look at them.
 */
export const AcceptsUploads = () => RouteConfig({ [ACCEPTS_UPLOADS]: true });

/**
 * DI token for the name of the signed cookie that carries a web session. Identity owns sessions and
 * provides it; platform only needs the name to check the cookie's signature.
 */
export const WEB_SESSION_COOKIE = 'chartuloba:web-session-cookie';

function isMultipart(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && type.trimStart().toLowerCase().startsWith('multipart/');
}

function routeAcceptsUploads(request: FastifyRequest): boolean {
  const config = request.routeOptions?.config as unknown as Record<string, unknown> | undefined;
  return config?.[ACCEPTS_UPLOADS] === true;
}

function hasSignedSession(request: FastifyRequest, cookieName: string | undefined): boolean {
  const raw = cookieName ? request.cookies?.[cookieName] : undefined;
  if (!raw) {
    return false;
  }
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && !!unsigned.value;
}

/**
 * Why a multipart request must be refused before its body is read, or undefined to let the parser read it.
 * Runs ahead of the access guard and the rate limit, which only see the request after the parser has
 * buffered its files: so only requests that can belong to someone signed in (a validly signed session
 * cookie on pages, a bearer token on the API) get that far. The guard still checks who they are.
 */
export function multipartRefusal(
  request: FastifyRequest,
  sessionCookie: string | undefined,
): PlatformError | undefined {
  if (!isMultipart(request)) {
    return undefined;
  }
  if (!routeAcceptsUploads(request)) {
    return new PlatformError(
      'platform.multipart-not-accepted',
      'unsupported-media-type',
      'This address does not take multipart forms',
    );
  }
  const credentialed = request.url.startsWith('/api/')
    ? /^Bearer \S+/.test(request.headers.authorization ?? '')
    : hasSignedSession(request, sessionCookie);
  return credentialed
    ? undefined
    : new PlatformError('platform.sign-in-required', 'unauthenticated', 'Please sign in');
}
