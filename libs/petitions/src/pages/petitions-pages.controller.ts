import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, I18nService, PageRenderer, PageRequest, Public } from '@chartuloba/platform';
import { PETITION_STATUSES, PetitionStatus } from '../domain/lifecycle';
import type { PetitionSort } from '../repositories/petitions.repository';
import { OpenDataService } from '../services/open-data.service';
import { PetitionsService } from '../services/petitions.service';
import { PetitionDetailResponder } from './petition-detail.responder';
import { PetitionListPage } from './public-list.pages';

const PAGE_SIZE = 20;

/** The public face: the list, the feed and a petition's page. */
@ApiExcludeController()
@Controller('petitions')
export class PetitionsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly petitions: PetitionsService,
    private readonly openData: OpenDataService,
    private readonly detail: PetitionDetailResponder,
  ) {}

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
    await this.pages.sendShared(request, reply, async () => {
      const { items, total } = await this.petitions.list(status, sort, page, PAGE_SIZE);
      return (ctx) => PetitionListPage({ ctx, items, total, page, pageSize: PAGE_SIZE, status, sort });
    });
  }

  @Get('feed.atom')
  @Public()
  async feed(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    const locale = request.locale ?? this.i18n.defaultLocale;
    await reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .send(await this.openData.atom(locale));
  }

  @Get(':id')
  @Public()
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @CurrentActor() actor?: Actor,
  ): Promise<void> {
    await this.detail.render(request, reply, actor, id);
  }
}
