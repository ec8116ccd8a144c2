import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { I18nService } from '../i18n/i18n.service';

/** The language switcher: plain links, so it works without JavaScript; the choice is kept in a cookie. */
@ApiExcludeController()
@Controller('locale')
export class LocaleController {
  constructor(
    private readonly i18n: I18nService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':locale')
  @Public()
  async choose(
    @Param('locale') locale: string,
    @Query('back') back: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Only local paths: an open redirect would let a phishing link borrow the municipality's domain.
    const target = back && back.startsWith('/') && !back.startsWith('//') ? back : '/';
    if (this.i18n.isLocale(locale)) {
      reply.setCookie('locale', locale, {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        httpOnly: true,
        secure: this.config.publicUrl.startsWith('https:'),
      });
    }
    await reply.status(303).header('location', target).send();
  }
}
