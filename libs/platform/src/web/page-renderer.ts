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

/** How long a shared page is served from memory (see `sendShared`), and how many are kept at most. */
export const SHARED_PAGE_MS = 1000;
const SHARED_PAGES_MAX = 2000;

/** A page rendered for signed-out visitors; `html` is undefined when it turned out not to be shareable. */
interface SharedPage {
  at: number;
  html: Promise<string | undefined>;
}

/** What a page needs loaded before it can be drawn with a request's context. */
export type PageLoader = () => Promise<(ctx: PageContext) => VNode | Promise<VNode>>;

/** Builds the page context of a request and sends rendered pages. */
@Injectable()
export class PageRenderer {
  private readonly shared = new Map<string, SharedPage>();

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
    await this.sendHtml(reply, renderDocument(await page(ctx)), status);
  }

  /**
   * Like `send`, for a page every signed-out visitor sees alike in one language, such as a petition that
   * thousands are watching: it is loaded and rendered at most once per SHARED_PAGE_MS for each language and
   * address, and meanwhile served from memory (visitors arriving while it renders wait for that render).
   * Signed-in visitors, a visitor with a one-time notice, and a page that holds a form (its CSRF token is the
   * visitor's own) are rendered for the request, as `send` does. A load that fails is not kept.
   */
  async sendShared(request: PageRequest, reply: FastifyReply, load: PageLoader): Promise<void> {
    if (request.actor || request.method !== 'GET' || request.cookies?.[FLASH_COOKIE]) {
      await this.send(request, reply, await load());
      return;
    }
    const key = `${request.locale ?? this.i18n.defaultLocale} ${request.url}`;
    const now = Date.now();
    const kept = this.shared.get(key);
    if (kept && now - kept.at < SHARED_PAGE_MS) {
      const html = await kept.html;
      if (html !== undefined) {
        await this.sendHtml(reply, html, 200);
        return;
      }
      await this.send(request, reply, await load());
      return;
    }
    const rendered = load().then(async (page) =>
      renderDocument(await page(await this.context(request, reply))),
    );
    const entry: SharedPage = {
      at: now,
      html: rendered.then(
        (html) => (html.includes('name="_csrf"') ? undefined : html),
        () => undefined,
      ),
    };
    if (this.shared.size >= SHARED_PAGES_MAX) {
      this.shared.clear();
    }
    this.shared.set(key, entry);
    void entry.html.then((html) => {
      if (html === undefined && this.shared.get(key) === entry) {
        this.shared.delete(key);
      }
    });
    await this.sendHtml(reply, await rendered, 200);
  }

  private async sendHtml(reply: FastifyReply, html: string, status: number): Promise<void> {
    await reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
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
