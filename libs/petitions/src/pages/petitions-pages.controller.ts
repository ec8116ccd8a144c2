import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  CurrentActor,
  DomainError,
  EMPTY_FORM,
  FormState,
  formValues,
  I18nService,
  MunicipalityService,
  PageRenderer,
  PageRequest,
  pickText,
  Public,
  STATUS_OF_KIND,
} from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { acceptsSignatures, PETITION_STATUSES, PetitionStatus } from '../domain/lifecycle';
import type { Petition } from '../repositories/petition.row';
import type { PetitionSort } from '../repositories/petitions.repository';
import { SignaturesRepository } from '../repositories/signatures.repository';
import { OpenDataService } from '../services/open-data.service';
import { PetitionsService } from '../services/petitions.service';
import { SigningService } from '../services/signing.service';
import { petitionErrorsOf, petitionFormValues, petitionInputOf } from './forms';
import {
  CertificatePage,
  JoinPage,
  MyPetitionsPage,
  PetitionDetailPage,
  PetitionFormPage,
  PetitionListPage,
} from './petitions.pages';

const PAGE_SIZE = 20;

/** The public face: list, detail, sign and withdraw, my petitions, the certificate and the feed. */
@ApiExcludeController()
@Controller('petitions')
export class PetitionsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly petitions: PetitionsService,
    private readonly signing: SigningService,
    private readonly signatures: SignaturesRepository,
    private readonly identity: IdentityFacade,
    private readonly municipalities: MunicipalityService,
    private readonly openData: OpenDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private t(request: PageRequest) {
    return this.pages.translator(request);
  }

  @Get()
  @Public()
  async list(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Query('status') statusParam?: string,
    @Query('sort') sortParam?: string,
    @Query('page') pageParam?: string,
  ): Promise<void> {
    const status = PETITION_STATUSES.includes(statusParam as PetitionStatus)
      ? (statusParam as PetitionStatus)
      : undefined;
    const sort: PetitionSort = sortParam === 'signatures' || sortParam === 'closing' ? sortParam : 'newest';
    const page = Math.max(1, Math.min(1000, Number.parseInt(pageParam ?? '1', 10) || 1));
    const { items, total } = await this.petitions.list(status, sort, page, PAGE_SIZE);
    await this.pages.send(request, reply, (ctx) =>
      PetitionListPage({ ctx, items, total, page, pageSize: PAGE_SIZE, status, sort }),
    );
  }

  @Get('feed.atom')
  @Public()
  async feed(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    const locale = request.locale ?? this.i18n.defaultLocale;
    await reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .send(await this.openData.atom(locale));
  }

  @Get('new')
  async newForm(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.renderForm(request, reply, EMPTY_FORM);
  }

  @Post('new')
  async create(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
  ): Promise<void> {
    try {
      const petition = await this.petitions.createDraft(actor, petitionInputOf(body));
      await this.pages.redirect(reply, `/petitions/${petition.id}`, 'petitions.flash.saved');
    } catch (error) {
      await this.formError(request, reply, error, body);
    }
  }

  @Get('mine')
  async mine(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const items = await this.petitions.mine(actor);
    await this.pages.send(request, reply, (ctx) => MyPetitionsPage({ ctx, items }));
  }

  @Get(':id')
  @Public()
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @CurrentActor() actor?: Actor,
  ): Promise<void> {
    await this.renderDetail(request, reply, actor, id);
  }

  @Get(':id/edit')
  async editForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    const petition = await this.petitions.get(actor, id);
    await this.renderForm(request, reply, { values: petitionFormValues(petition), errors: [] }, id);
  }

  @Post(':id/edit')
  async edit(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    try {
      await this.petitions.updateDraft(actor, id, petitionInputOf(body));
      await this.pages.redirect(reply, `/petitions/${id}`, 'petitions.flash.saved');
    } catch (error) {
      await this.formError(request, reply, error, body, id);
    }
  }

  @Post(':id/submit')
  async submit(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    await this.act(
      request,
      reply,
      actor,
      id,
      () => this.petitions.submit(actor, id),
      'petitions.flash.submitted',
    );
  }

  @Post(':id/sign')
  async sign(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const notify = formValues(body)['notify'] === 'true';
    await this.act(
      request,
      reply,
      actor,
      id,
      () => this.signing.sign(actor, id, request.ip, notify),
      'petitions.flash.signed',
    );
  }

  @Post(':id/withdraw')
  async withdraw(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    await this.act(
      request,
      reply,
      actor,
      id,
      () => this.signing.withdraw(actor, id, request.ip),
      'petitions.flash.withdrawn',
    );
  }

  @Post(':id/notify')
  async notify(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const notify = formValues(body)['notify'] === 'true';
    await this.act(
      request,
      reply,
      actor,
      id,
      () => this.signing.setNotify(actor, id, notify),
      'petitions.flash.preferences',
    );
  }

  @Post(':id/invite')
  async invite(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
  ): Promise<void> {
    try {
      const link = await this.petitions.invite(actor, id);
      await this.renderDetail(request, reply, actor, id, link);
    } catch (error) {
      await this.detailError(request, reply, actor, id, error);
    }
  }

  @Get(':id/join')
  async joinForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Query('token') token?: string,
  ): Promise<void> {
    const petition = await this.petitions.get(undefined, id).catch(() => null);
    if (!petition && !token) {
      await this.pages.sendError(request, reply, 404);
      return;
    }
    const shown = petition ?? ({ id, title: {} } as unknown as Petition);
    await this.pages.send(request, reply, (ctx) => JoinPage({ ctx, petition: shown, token: token ?? '' }));
  }

  @Post(':id/join')
  async join(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.act(
      request,
      reply,
      actor,
      id,
      () => this.petitions.join(actor, id, formValues(body)['token'] ?? ''),
      'petitions.flash.joined',
    );
  }

  @Get(':id/certificate')
  @Public()
  async certificate(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @CurrentActor() actor?: Actor,
  ): Promise<void> {
    const petition = await this.petitions.get(actor, id);
    const count = await this.signing.exactCount(id);
    const locale = request.locale ?? this.i18n.defaultLocale;
    const municipality = await this.municipalities
      .current()
      .then((m) => pickText(m.name, locale))
      .catch(() => '');
    await this.pages.send(request, reply, (ctx) =>
      CertificatePage({ ctx, petition, count: count.counted, municipality }),
    );
  }

  /** Runs an action from a button; success redirects back with a notice, a refusal shows the page with it. */
  private async act(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    action: () => Promise<unknown>,
    flashKey: string,
  ): Promise<void> {
    try {
      await action();
      await this.pages.redirect(reply, `/petitions/${id}`, flashKey);
    } catch (error) {
      await this.detailError(request, reply, actor, id, error);
    }
  }

  private async detailError(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    error: unknown,
  ): Promise<void> {
    if (!(error instanceof DomainError) || error.kind === 'not-found') {
      throw error;
    }
    await this.renderDetail(request, reply, actor, id, undefined, error);
  }

  private async renderDetail(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor | undefined,
    id: string,
    inviteLink?: string,
    error?: DomainError,
  ): Promise<void> {
    const petition = await this.petitions.get(actor, id);
    const [count, recent, signature, resident, settlements] = await Promise.all([
      this.signing.count(id),
      this.signatures.recentInitials(id, 30),
      this.signing.signatureOf(actor, id),
      actor ? this.identity.isResidentVerified(actor.id) : Promise.resolve(false),
      petition.settlementId ? this.municipalities.settlements() : Promise.resolve([]),
    ]);
    const locale = request.locale ?? this.i18n.defaultLocale;
    const settlement = settlements.find((s) => s.id === petition.settlementId);
    const t = this.t(request);
    await this.pages.send(
      request,
      reply,
      (ctx) => {
        const page = PetitionDetailPage({
          ctx,
          error: error ? t(error.messageKey, error.params) : undefined,
          petition,
          count,
          settlementName: settlement ? pickText(settlement.name, locale) : undefined,
          recent,
          sign: {
            signedIn: !!actor,
            resident,
            signature,
            accepts: acceptsSignatures(petition.status, petition.closesAt, new Date()),
          },
          isAuthor: !!actor && petition.authorId === actor.id,
          inviteLink,
          publicUrl: this.config.publicUrl,
        });
        return page;
      },
      error ? STATUS_OF_KIND[error.kind] : 200,
    );
  }

  private async renderForm(
    request: PageRequest,
    reply: FastifyReply,
    form: FormState,
    petitionId?: string,
    status = 200,
  ) {
    const { maxOpenDays } = await this.petitions.settings();
    await this.pages.send(
      request,
      reply,
      (ctx) => PetitionFormPage({ ctx, form, maxOpenDays, petitionId }),
      status,
    );
  }

  private async formError(
    request: PageRequest,
    reply: FastifyReply,
    error: unknown,
    body: unknown,
    petitionId?: string,
  ): Promise<void> {
    if (!(error instanceof DomainError)) {
      throw error;
    }
    const form = { values: formValues(body), errors: petitionErrorsOf(error, this.t(request), 'title') };
    await this.renderForm(request, reply, form, petitionId, STATUS_OF_KIND[error.kind]);
  }
}
