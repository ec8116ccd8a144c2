import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Inject } from '@nestjs/common';
import { Actor, API_PREFIX, APP_CONFIG, AppConfig, CurrentActor, Roles } from '@chartuloba/platform';
import {
  AddPaperSignatureDto,
  AnswerPetitionDto,
  CreateAssemblyPetitionDto,
  CreatePaperListDto,
  PaperListResponseDto,
  PaperSignatureResponseDto,
  PetitionResponseDto,
  ReasonDto,
  SampledSignatureDto,
  SampleResponseDto,
  SignatureCountDto,
  VerifySignatureDto,
} from '../dto/petitions.dto';
import { toPetitionResponse } from '../dto/petition-response';
import { ModerationService } from '../services/moderation.service';
import { PaperService } from '../services/paper.service';
import { SignatoryExportService } from '../services/signatory-export.service';
import { SigningService } from '../services/signing.service';

@ApiTags('admin: petitions')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/admin/petitions`)
@Roles('staff', 'moderator', 'admin')
export class PetitionsAdminController {
  constructor(
    private readonly moderation: ModerationService,
    private readonly paper: PaperService,
    private readonly signing: SigningService,
    private readonly exporter: SignatoryExportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async respond(petition: Parameters<typeof toPetitionResponse>[0]): Promise<PetitionResponseDto> {
    const count = await this.signing.exactCount(petition.id);
    return toPetitionResponse(petition, count.counted, this.config.publicUrl);
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a submitted petition and open it for signatures; fixes its threshold' })
  @ApiOkResponse({ type: PetitionResponseDto })
  async open(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.respond(await this.moderation.open(actor, id));
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a submitted petition to its author with reasons' })
  @ApiOkResponse({ type: PetitionResponseDto })
  async return(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ) {
    return this.respond(await this.moderation.returnToAuthor(actor, id, body.reason));
  }

  @Post(':id/register')
  @HttpCode(200)
  @ApiOperation({ summary: 'Register with the Sakrebulo: registration number and certificate' })
  @ApiOkResponse({ type: PetitionResponseDto })
  async register(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.respond(await this.moderation.register(actor, id));
  }

  @Post(':id/consider')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start consideration; with ?council=true put it to the Sakrebulo as a motion' })
  @ApiOkResponse({ type: PetitionResponseDto })
  async consider(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('council') council?: string,
  ) {
    return this.respond(await this.moderation.consider(actor, id, council === 'true'));
  }

  @Post(':id/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record the Sakrebulo's answer (accepted, partly accepted, rejected) with reasons",
  })
  @ApiOkResponse({ type: PetitionResponseDto })
  async answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AnswerPetitionDto,
  ) {
    return this.respond(await this.moderation.answer(actor, id, body.outcome, body.text));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an answered petition' })
  @ApiOkResponse({ type: PetitionResponseDto })
  async close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.respond(await this.moderation.close(actor, id));
  }

  @Post('assembly')
  @ApiOperation({
    summary: "Record a settlement general assembly's petition with its minutes (no threshold)",
  })
  @ApiCreatedResponse({ type: PetitionResponseDto })
  async assembly(@CurrentActor() actor: Actor, @Body() body: CreateAssemblyPetitionDto) {
    return this.respond(await this.moderation.recordAssemblyPetition(actor, body));
  }

  @Get(':id/count')
  @ApiOperation({ summary: 'The exact count with paper, invalidated and withdrawn totals (staff)' })
  @ApiOkResponse({ type: SignatureCountDto })
  async count(@Param('id', ParseUUIDPipe) id: string) {
    const count = await this.signing.exactCount(id);
    return {
      signatures: count.counted,
      threshold: count.threshold,
      paper: count.paper,
      invalidated: count.invalidated,
      withdrawn: count.withdrawn,
    };
  }

  @Post(':id/paper-lists')
  @ApiOperation({ summary: 'Add a paper list to enter signatures collected on paper' })
  @ApiCreatedResponse({ type: PaperListResponseDto })
  async createList(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreatePaperListDto,
  ) {
    return { id: await this.paper.createList(actor, id, body.label) };
  }

  @Post('paper-lists/:listId/signatures')
  @ApiOperation({ summary: 'Enter one paper signature (deduplicated against online and paper signatures)' })
  @ApiCreatedResponse({ type: PaperSignatureResponseDto })
  async addPaper(
    @CurrentActor() actor: Actor,
    @Param('listId', ParseUUIDPipe) listId: string,
    @Body() body: AddPaperSignatureDto,
  ) {
    return { signatureId: await this.paper.addSignature(actor, listId, body) };
  }

  @Post('paper-lists/:listId/sample')
  @ApiOperation({ summary: 'Draw the reproducible 20% verification sample (the seed is recorded)' })
  @ApiCreatedResponse({ type: SampleResponseDto })
  async sample(@CurrentActor() actor: Actor, @Param('listId', ParseUUIDPipe) listId: string) {
    const { seed, ids } = await this.paper.drawSample(actor, listId);
    return { seed, signatureIds: ids };
  }

  @Get('paper-lists/:listId/sample')
  @ApiOperation({
    summary: 'The sampled signatures with personal numbers, for checking (every view is audited)',
  })
  @ApiOkResponse({ type: [SampledSignatureDto] })
  async sampled(@CurrentActor() actor: Actor, @Param('listId', ParseUUIDPipe) listId: string) {
    return this.paper.sampledForVerification(actor, listId);
  }

  @Post('signatures/:signatureId/verification')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a sampled paper signature valid or invalid (invalid ones leave the count)' })
  @ApiOkResponse()
  async verify(
    @CurrentActor() actor: Actor,
    @Param('signatureId', ParseUUIDPipe) signatureId: string,
    @Body() body: VerifySignatureDto,
  ): Promise<{ ok: true }> {
    await this.paper.markSampled(actor, signatureId, body.result, body.reason);
    return { ok: true };
  }

  @Post('signatures/:signatureId/invalidate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Invalidate a signature with a reason (audited, counted in the totals)' })
  @ApiOkResponse()
  async invalidate(
    @CurrentActor() actor: Actor,
    @Param('signatureId', ParseUUIDPipe) signatureId: string,
    @Body() body: ReasonDto,
  ): Promise<{ ok: true }> {
    await this.paper.invalidate(actor, signatureId, body.reason);
    return { ok: true };
  }

  @Get(':id/signatories.csv')
  @ApiOperation({ summary: 'Signatory list for the Sakrebulo (staff only; the export is audited)' })
  @ApiProduces('text/csv')
  async signatories(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() reply: FastifyReply,
  ) {
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="signatories-${id}.csv"`)
      .send(await this.exporter.csv(actor, id));
  }
}
