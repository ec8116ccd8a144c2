import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  CurrentActor,
  DomainError,
  domainErrorsOf,
  EMPTY_FORM,
  FormState,
  I18nService,
  PageRenderer,
  PageRequest,
  pickText,
  STATUS_OF_KIND,
  validateForm,
} from '@chartuloba/platform';
import { ChangePasswordDto } from '../dto/auth.dto';
import { AccountsAdminService } from '../services/accounts-admin.service';
import { AccountsService } from '../services/accounts.service';
import { AccountPage } from './account.pages';

/** The signed-in person's own account. No @Public: the guard sends anyone else to sign in. */
@ApiExcludeController()
@Controller('account')
export class AccountPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly accounts: AccountsService,
    private readonly admin: AccountsAdminService,
  ) {}

  @Get()
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.render(request, reply, actor, EMPTY_FORM);
  }

  @Post('password')
  async changePassword(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ): Promise<void> {
    const t = this.pages.translator(request);
    const { value, errors } = await validateForm(ChangePasswordDto, body, t);
    if (!value) {
      await this.render(request, reply, actor, { values: {}, errors }, 400);
      return;
    }
    try {
      await this.accounts.changePassword(actor, value.currentPassword, value.newPassword);
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      const form = { values: {}, errors: domainErrorsOf(error, t, 'newPassword') };
      await this.render(request, reply, actor, form, STATUS_OF_KIND[error.kind]);
      return;
    }
    await this.pages.redirect(reply, '/account', 'identity.flash.password-changed');
  }

  private async render(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    form: FormState,
    status = 200,
  ): Promise<void> {
    const account = await this.accounts.own(actor);
    const settlementId = account.residency?.settlementId;
    const settlement = settlementId
      ? (await this.admin.settlements()).find((s) => s.id === settlementId)
      : undefined;
    const locale = request.locale ?? this.i18n.defaultLocale;
    const settlementName = settlement ? pickText(settlement.name, locale) : undefined;
    await this.pages.send(
      request,
      reply,
      (ctx) => AccountPage({ ctx, account, settlementName, form }),
      status,
    );
  }
}
