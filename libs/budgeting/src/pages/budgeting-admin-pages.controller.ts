import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, DomainError, PageRenderer, PageRequest, Roles } from '@chartuloba/platform';
import { CyclesRepository } from '../repositories/cycles.repository';
import { BallotsService } from '../services/ballots.service';
import { CyclesService } from '../services/cycles.service';
import { AdminCyclePage } from './admin/admin-review.pages';

/** Staff: a cycle's phase, the button that moves it on (closing voting tallies), and paper/online conflicts. */
@ApiExcludeController()
@Controller('admin/budgeting')
@Roles('staff', 'admin')
export class BudgetingAdminPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly cycles: CyclesService,
    private readonly repository: CyclesRepository,
    private readonly ballots: BallotsService,
  ) {}

  @Get(':id')
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.render(request, reply, actor, id);
  }

  @Post(':id/advance')
  async advance(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    try {
      await this.cycles.advance(actor, id);
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      const t = this.pages.translator(request);
      await this.render(request, reply, actor, id, t(error.messageKey, error.params), 409);
      return;
    }
    await this.pages.redirect(reply, `/admin/budgeting/${id}`, 'budgeting.admin.flash-advanced');
  }

  private async render(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    error?: string,
    status = 200,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const conflicts = await this.ballots.conflicts(actor, id);
    const { pending } = await this.repository.reviewCounts(id);
    const districts = await this.cycles.districts(id);
    const motion = await this.cycles.motionOf(cycle);
    await this.pages.send(
      request,
      reply,
      (ctx) => AdminCyclePage({ ctx, cycle, districts, conflicts, pending, motion, error }),
      status,
    );
  }
}
