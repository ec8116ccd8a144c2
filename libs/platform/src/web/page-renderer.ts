import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { AppConfig, Locale } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { ActorRequest } from '../auth/access';
import { I18nService, Translate } from '../i18n/i18n.service';
import { pickText } from '../i18n/localized-text';
import { MunicipalityService } from '../municipality/municipality.service';
import { ErrorPage } from './error-page';
import type { PageContext } from './page-context';
import { renderDocument } from './render';
import { returnPath } from './return-path';

export type PageRequest = FastifyRequest & ActorRequest & { locale?: Locale };

const FLASH_COOKIE = 'flash';

/** Builds the page context of a request and sends rendered pages. */
@Injectable()
export class PageRenderer {
  constructor(
    private readonly i18n: I18nService,
    private readonly municipalities: MunicipalityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Messages in the request's language: for form errors worked out before a page is rendered. */
  translator(request: PageRequest): Translate {
    return this.i18n.translator(request.locale ?? this.i18n.defaultLocale);
  }

  async context(request: PageRequest, reply: FastifyReply): Promise<PageContext> {
    const locale = request.locale ?? this.i18n.defaultLocale;
    let municipalityName = '';
    try {
      municipalityName = pickText((await this.municipalities.current()).name, locale);
    } catch {
      municipalityName = '';
    }
    const generate = (reply as FastifyReply & { generateCsrf?: () => string }).generateCsrf;
    const flash = request.cookies?.[FLASH_COOKIE];
    if (flash) {
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    return {
      locale,
      t: this.i18n.translator(locale),
      i18n: this.i18n,
      path: returnPath(request),
      requestId: String(request.id),
      actor: request.actor,
      csrfToken: generate ? generate.call(reply) : '',
      municipalityName,
      flash: flash ? this.i18n.t(locale, flash) : undefined,
    };
  }

  /** Renders `page` with this request's context and sends it. */
  async send(
    request: PageRequest,
    reply: FastifyReply,
    page: (ctx: PageContext) => VNode | Promise<VNode>,
    status = 200,
  ): Promise<void> {
    const ctx = await this.context(request, reply);
    await reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderDocument(await page(ctx)));
  }

  /** Redirects after a successful form post (Post/Redirect/Get), with a one-time notice by message key. */
  async redirect(reply: FastifyReply, location: string, flashKey?: string): Promise<void> {
    if (flashKey) {
      reply.setCookie(FLASH_COOKIE, flashKey, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.publicUrl.startsWith('https:'),
      });
    }
    await reply.status(303).header('location', location).send();
  }

  async sendError(
    request: PageRequest,
    reply: FastifyReply,
    status: number,
    message?: string,
  ): Promise<void> {
    await this.send(request, reply, (ctx) => ErrorPage({ ctx, status, message }), status);
  }
}
