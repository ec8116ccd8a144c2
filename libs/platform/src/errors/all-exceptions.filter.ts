import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { I18nService } from '../i18n/i18n.service';
import { PageRenderer, PageRequest } from '../web/page-renderer';
import { DomainError } from './domain-error';
import { toErrorBody } from './error-body';

/** JSON for the API and for clients that ask for it; a friendly page for everyone else. */
export function wantsJson(request: FastifyRequest): boolean {
  return (
    request.url.startsWith('/api/') ||
    request.url.startsWith('/health') ||
    !request.headers.accept?.includes('text/html')
  );
}

/**
 * The one place errors become responses. Domain errors and 4xx keep their message; anything else is logged
 * with the request id and answered with an opaque 500 that names the same id.
 */
@Catch()
@Injectable()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    await this.respond(error, http.getRequest<PageRequest>(), http.getResponse<FastifyReply>());
  }

  async respond(error: unknown, request: PageRequest, reply: FastifyReply): Promise<void> {
    const body = toErrorBody(error);
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: error, reqId: request.id },
        `unhandled error on ${request.method} ${request.url}: ${(error as Error)?.message}`,
      );
    }
    if (reply.sent) {
      return;
    }
    if (wantsJson(request)) {
      await reply.status(body.statusCode).send({ ...body, requestId: String(request.id) });
      return;
    }
    // A page that needs a signed-in person sends a browser to sign in, and back here afterwards.
    if (body.statusCode === 401 && request.method === 'GET') {
      await reply
        .status(303)
        .header('location', `/sign-in?next=${encodeURIComponent(request.url)}`)
        .send();
      return;
    }
    const locale = request.locale ?? this.i18n.defaultLocale;
    const message =
      error instanceof DomainError && this.i18n.has(error.messageKey)
        ? this.i18n.t(locale, error.messageKey, error.params)
        : undefined;
    try {
      await this.pages.sendError(request, reply, body.statusCode, message);
    } catch (renderError) {
      this.logger.error(`error page failed: ${(renderError as Error).message}`);
      await reply.status(body.statusCode).type('text/plain; charset=utf-8').send(body.message);
    }
  }
}
