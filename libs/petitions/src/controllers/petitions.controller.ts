import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, API_PREFIX, APP_CONFIG, AppConfig, CurrentActor, pageOf, Public } from '@chartuloba/platform';
import {
  CreatePetitionDto,
  InvitationResponseDto,
  ListPetitionsQueryDto,
  PetitionPageResponseDto,
  PetitionResponseDto,
  SignatureCountDto,
  toSignatureCountResponse,
  SignatureResponseDto,
  SignPetitionDto,
} from '../dto/petitions.dto';
import { toPetitionResponse } from '../dto/petition-response';
import { notFound } from '../petitions.errors';
import { OpenDataService } from '../services/open-data.service';
import { PetitionsService } from '../services/petitions.service';
import { SigningService } from '../services/signing.service';

@ApiTags('petitions')
@Controller(`${API_PREFIX}/petitions`)
export class PetitionsController {
  constructor(
    private readonly petitions: PetitionsService,
    private readonly signing: SigningService,
    private readonly openData: OpenDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Public petitions with their counts (open data; no personal data)' })
  @ApiOkResponse({ type: PetitionPageResponseDto })
  async list(@Query() query: ListPetitionsQueryDto): Promise<PetitionPageResponseDto> {
    const { items, total } = await this.petitions.list(
      query.status,
      query.sort ?? 'newest',
      query.page,
      query.pageSize,
    );
    return pageOf(
      items.map((p) => toPetitionResponse(p, p.signatures, this.config.publicUrl)),
      query,
      total,
    );
  }

  @Get('export.csv')
  @Public()
  @ApiOperation({ summary: 'Every public petition and its counts as CSV (open data; no personal data)' })
  @ApiProduces('text/csv')
  async exportCsv(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="petitions.csv"')
      .send(await this.openData.csv());
  }

  @Get('export.json')
  @Public()
  @ApiOperation({ summary: 'Every public petition and its counts as JSON (open data; no personal data)' })
  @ApiOkResponse({ type: [PetitionResponseDto] })
  async exportJson(): Promise<PetitionResponseDto[]> {
    return this.openData.json();
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One petition with its count, threshold and basis, and answer' })
  @ApiOkResponse({ type: PetitionResponseDto })
  async show(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PetitionResponseDto> {
    const petition = await this.petitions.get(actor, id);
    const count = await this.signing.count(id);
    return toPetitionResponse(petition, count.counted, this.config.publicUrl);
  }

  @Get(':id/count')
  @Public()
  @ApiOperation({ summary: 'The signature count of a petition (cheap: summed counter shards)' })
  @ApiOkResponse({ type: SignatureCountDto })
  async count(@Param('id', ParseUUIDPipe) id: string): Promise<SignatureCountDto> {
    const count = toSignatureCountResponse(await this.signing.count(id));
    if (!count) {
      throw notFound();
    }
    return count;
  }

  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start a petition (a draft only its author sees)' })
  @ApiCreatedResponse({ type: PetitionResponseDto })
  async create(@CurrentActor() actor: Actor, @Body() body: CreatePetitionDto): Promise<PetitionResponseDto> {
    return toPetitionResponse(await this.petitions.createDraft(actor, body), 0, this.config.publicUrl);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Submit a draft for moderation (author)' })
  @ApiOkResponse({ type: PetitionResponseDto })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PetitionResponseDto> {
    return toPetitionResponse(await this.petitions.submit(actor, id), 0, this.config.publicUrl);
  }

  @Post(':id/invitations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a one-use link inviting a co-initiator (author)' })
  @ApiCreatedResponse({ type: InvitationResponseDto })
  async invite(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InvitationResponseDto> {
    return { link: await this.petitions.invite(actor, id) };
  }

  @Post(':id/signature')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign (verified residents; one signature per person)' })
  @ApiCreatedResponse({ type: SignatureResponseDto })
  async sign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SignPetitionDto,
    @Req() request: FastifyRequest,
  ): Promise<{ signatureId: string }> {
    return this.signing.sign(actor, id, request.ip, body.notify ?? true);
  }

  @Delete(':id/signature')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw your signature while the petition is open' })
  @ApiNoContentResponse()
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.signing.withdraw(actor, id, request.ip);
  }
}
