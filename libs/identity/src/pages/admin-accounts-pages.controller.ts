import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  CurrentActor,
  DomainError,
  domainErrorsOf,
  EMPTY_FORM,
  FormState,
  formValues,
  I18nService,
  PageRenderer,
  PageRequest,
  Roles,
  STATUS_OF_KIND,
  validateForm,
} from '@chartuloba/platform';
import {
  AccountSearchQueryDto,
  CreateAssistedAccountDto,
  RoleDto,
  VerifyResidencyDto,
} from '../dto/accounts.dto';
import { AccountsAdminService, AssistedAccount } from '../services/accounts-admin.service';
import {
  AccountDetailPage,
  AccountsListPage,
  AssistedAccountPage,
  CodeSheetPage,
} from './admin-accounts.pages';

/** Staff pages over the same service as /api/v1/admin/accounts. */
@ApiExcludeController()
@Controller('admin/accounts')
@Roles('staff', 'admin')
export class AdminAccountsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly admin: AccountsAdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async list(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Query() query: AccountSearchQueryDto,
  ): Promise<void> {
    const q = query.q ?? '';
    const { rows, total } = await this.admin.search(actor, q, query.page, query.pageSize);
    await this.pages.send(request, reply, (ctx) =>
      AccountsListPage({ ctx, query: q, rows, total, page: query.page, pageSize: query.pageSize }),
    );
  }

  @Get('new')
  async assistedForm(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pages.send(request, reply, (ctx) => AssistedAccountPage({ ctx, form: EMPTY_FORM }));
  }

  /** Answers the code sheet directly: the code exists only in this response, never behind a redirect. */
  @Post('new')
  async createAssisted(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ): Promise<void> {
    const { value, errors } = await validateForm(CreateAssistedAccountDto, body, this.translator(request));
    if (!value) {
      const form = { values: formValues(body), errors };
      await this.pages.send(request, reply, (ctx) => AssistedAccountPage({ ctx, form }), 400);
      return;
    }
    const created = await this.admin.createAssisted(
      actor,
      value.displayName,
      request.locale ?? this.i18n.defaultLocale,
    );
    await this.sendCodeSheet(request, reply, created);
  }

  @Get(':id')
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.renderDetail(request, reply, actor, id, EMPTY_FORM);
  }

  @Post(':id/roles')
  async changeRole(
    @Res() reply: FastifyReply,
    @Req() request: PageRequest,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const values = formValues(body);
    const { value } = await validateForm(RoleDto, { role: values.role }, this.translator(request));
    if (!value) {
      throw new DomainError('platform.invalid-input', 'invalid', 'Unknown role');
    }
    if (values.grant === 'true') {
      await this.admin.grantRole(actor, id, value.role);
    } else {
      await this.admin.revokeRole(actor, id, value.role);
    }
    await this.pages.redirect(
      reply,
      `/admin/accounts/${id}`,
      values.grant === 'true' ? 'identity.flash.role-granted' : 'identity.flash.role-revoked',
    );
  }

  @Post(':id/residency')
  async verifyResidency(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const t = this.translator(request);
    // The personal number is never sent back into the form, even when something else was wrong.
    const { personalNumber: _omitted, ...values } = formValues(body);
    const { value, errors } = await validateForm(VerifyResidencyDto, body, t);
    if (!value) {
      await this.renderDetail(request, reply, actor, id, { values, errors }, 400);
      return;
    }
    try {
      await this.admin.verifyResidency(actor, id, value);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'not-found' || error.kind === 'forbidden') {
        throw error;
      }
      const form = { values, errors: domainErrorsOf(error, t, 'personalNumber') };
      await this.renderDetail(request, reply, actor, id, form, STATUS_OF_KIND[error.kind]);
      return;
    }
    await this.pages.redirect(reply, `/admin/accounts/${id}`, 'identity.flash.residency-verified');
  }

  @Post(':id/code')
  async reissueCode(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.sendCodeSheet(request, reply, await this.admin.reissueCode(actor, id));
  }

  private async sendCodeSheet(request: PageRequest, reply: FastifyReply, { user, code }: AssistedAccount) {
    await this.pages.send(request, reply, (ctx) =>
      CodeSheetPage({
        ctx,
        displayName: user.displayName,
        loginName: user.loginName ?? '',
        code,
        publicUrl: this.config.publicUrl,
      }),
    );
  }

  private async renderDetail(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    residencyForm: FormState,
    status = 200,
  ): Promise<void> {
    const [account, settlements] = await Promise.all([this.admin.get(actor, id), this.admin.settlements()]);
    await this.pages.send(
      request,
      reply,
      (ctx) => AccountDetailPage({ ctx, account, settlements, residencyForm }),
      status,
    );
  }

  private translator(request: PageRequest) {
    return this.pages.translator(request);
  }
}
