import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { LARGEST_UPLOAD_BYTES } from '../files/accept-policy';
import { collectFilePart } from '../files/uploaded-file';
import { multipartRefusal, WEB_SESSION_COOKIE } from '../files/upload-gate';
import { I18nService } from '../i18n/i18n.service';
import { AppLogger } from '../logging/app-logger';
import { HotReads } from './hot-reads';
import { QUIET_PATHS } from './quiet-paths';
import { RequestContext } from './request-context';
import type { PageRequest } from '../web/page-renderer';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Takes a caller's X-Request-Id when it looks sane, else makes one. */
export function requestIdOf(raw: IncomingMessage): string {
  const given = raw.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  raw.headers['x-request-id'] = id;
  return id;
}

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Requests are logged by our own hook (configureHttpApp), one line each; Fastify's logger stays off.
    logger: false,
  });
}

/** Every `libs/<lib>/src/web/assets` folder, served under /assets/. */
function assetRoots(): string[] {
  const libsRoot = resolve(__dirname, '../../..');
  return readdirSync(libsRoot)
    .map((lib) => join(libsRoot, lib, 'src', 'web', 'assets'))
    .filter((dir) => existsSync(dir));
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Requests a hot read answered: not logged one by one (see HotReads). */
const hotAnswered = new WeakSet<FastifyRequest>();

/**
 * The HTTP shell shared by the app and the tests: security headers, cookies, CSRF on every page form,
 * locale choice, static assets and the OpenAPI document. Fastify-level errors (malformed JSON, a bad CSRF
 * token) reach the global exception filter through Nest's own Fastify error handler.
 */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  // One line per answered request, written only when info is on; no headers, so no tokens or cookies.
  const requestLog = logger.pino;
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (requestLog.isLevelEnabled('info') && !QUIET_PATHS.test(request.url) && !hotAnswered.has(request)) {
      requestLog.info(
        {
          req: { id: request.id, method: request.method, url: request.url, remoteAddress: request.ip },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
  const i18n = app.get(I18nService);
  const hotReads = app.get(HotReads);

  // First of all hooks, so a hot read skips the rest of the pipeline (see HotReads). Hooks here take a
  // callback and finish at once when they have nothing to wait for: an async hook costs every request a
  // promise and a trip through the microtask queue.
  fastify.addHook(
    'onRequest',
    (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      reply.header('x-request-id', String(request.id));
      // A bearer token is checked by the ordinary pipeline even on public routes (a bad one is refused).
      if (request.headers.authorization || !hotReads.mayAnswer(request.method, request.url)) {
        done();
        return;
      }
      hotReads.answer(request.method, request.url).then((body) => {
        if (body === undefined) {
          done();
          return;
        }
        hotAnswered.add(request);
        reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('cache-control', 'public, max-age=1')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
          .send(body);
      }, done);
    },
  );
  // The request's context for code that is not handed the request (audit, mail), entered here rather than in
  // an interceptor: a global interceptor made every request build observables and bind async resources
  // (about a tenth of an authenticated request's CPU). Locale and actor are read when asked, since later
  // hooks and the access guard set them.
  fastify.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const current = request as PageRequest;
    RequestContext.run(
      {
        requestId: String(request.id),
        get locale() {
          return current.locale ?? i18n.defaultLocale;
        },
        get actor() {
          return current.actor;
        },
      },
      done,
    );
  });

  await app.register(fastifyCookie, { secret: config.appSecret });
  // helmet itself, built once: @fastify/helmet rebuilds the middleware and reparses the CSP on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith('https:'),
    // Same-origin posts carry the form's page (where a sign-in link after a refused post returns); other
    // sites still learn nothing, as with helmet's default no-referrer.
    referrerPolicy: { policy: 'same-origin' },
  });
  fastify.addHook(
    'onRequest',
    (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  await app.register(fastifyCsrf, {
    cookieKey: '_csrf',
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: config.publicUrl.startsWith('https:'),
    },
  });
  // Multipart forms (uploads) land in `request.body` like urlencoded ones, so the CSRF check below reads
  // their `_csrf` field unchanged. A file past the largest policy is cut off and flagged, not thrown, so the
  // page can show "too large" next to its field; the other limits answer 413 through the error filter.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    onFile: collectFilePart,
    throwFileSizeLimit: false,
    limits: {
      fileSize: LARGEST_UPLOAD_BYTES + 1,
      files: 2,
      fields: 200,
      fieldSize: 100 * 1024,
      parts: 220,
      headerPairs: 100,
    },
  });
  await app.register(fastifyStatic, {
    root: assetRoots(),
    prefix: '/assets/',
    maxAge: '1d',
    decorateReply: false,
  });

  fastify.decorateRequest('locale', undefined);
  // After the cookie hook (the locale cookie; the refusal page is in the visitor's language), long before the
  // multipart parser reads anything in preValidation.
  const sessionCookie = optional<string>(app, WEB_SESSION_COOKIE);
  const errors = app.get(AllExceptionsFilter);
  fastify.addHook(
    'onRequest',
    (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      const chosen = request.cookies?.locale;
      (request as PageRequest).locale = i18n.isLocale(chosen)
        ? chosen
        : i18n.negotiate(request.headers['accept-language']);
      const refusal = multipartRefusal(request, sessionCookie);
      if (!refusal) {
        done();
        return;
      }
      // Close the connection instead of letting Node drain the unread body of a refused upload.
      reply.header('connection', 'close');
      errors.respond(refusal, request as PageRequest, reply).catch(done);
    },
  );
  // Page forms ride on the session cookie, so each one must carry the CSRF token; the JSON API uses bearer
  // tokens, which a foreign site cannot attach, and is exempt.
  fastify.addHook(
    'preHandler',
    (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      if (UNSAFE.has(request.method) && !request.url.startsWith('/api/')) {
        fastify.csrfProtection(request, reply, done);
        return;
      }
      done();
    },
  );

  setupOpenApi(app);
}

/** A provider some other lib may contribute, or undefined when none does. */
function optional<T>(app: INestApplication, token: string): T | undefined {
  try {
    return app.get<unknown, T>(token, { strict: false });
  } catch {
    return undefined;
  }
}

export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Chartuloba API')
      .setDescription(
        'Open JSON API of the Chartuloba civic participation portal. Lists are paginated with `page` (from 1) ' +
          'and `pageSize` (at most 100) and answer `{ items, page, pageSize, total }`. Errors answer ' +
          '`{ statusCode, error, message, code?, details?: [{ field, message, constraint? }], requestId }`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', raw: ['json'] });
}
