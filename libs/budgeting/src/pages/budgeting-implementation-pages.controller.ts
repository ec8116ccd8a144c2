import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AcceptsUploads,
  Actor,
  CurrentActor,
  FieldError,
  formValues,
  PageRenderer,
  PageRequest,
  parseLocalizedText,
  Roles,
  submitForm,
  Translate,
  uploadedFileOf,
} from '@chartuloba/platform';
import { ImplementationUpdateDto } from '../dto/budgeting.dto';
import { AttachmentsService } from '../services/attachments.service';
import { CyclesService } from '../services/cycles.service';
import { ProposalsService } from '../services/proposals.service';
import { ResultsService } from '../services/results.service';
import { ImplementationPage } from './admin/admin-implementation.pages';
import type { ProjectForm } from './admin/admin-review.pages';
import { suffixed } from './budgeting-desk-pages.controller';

type Form = Record<string, unknown>;

/** Staff tracking of a published cycle's winners: dated updates with photos of the works. */
@ApiExcludeController()
@Controller('admin/budgeting')
@Roles('staff', 'admin')
export class BudgetingImplementationPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly cycles: CyclesService,
    private readonly proposals: ProposalsService,
    private readonly results: ResultsService,
    private readonly attachments: AttachmentsService,
  ) {}

  private t(request: PageRequest): Translate {
    return this.pages.translator(request);
  }

  @Get(':id/implementation')
  async implementation(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.renderImplementation(request, reply, id);
  }

  /** A multipart form: the update and, optionally, a photo of the works (`photo`). */
  @Post('projects/:projectId/updates')
  @AcceptsUploads()
  async update(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) projectId: string,
    @Body() body: Form,
  ): Promise<void> {
    const project = await this.proposals.project(projectId);
    const shown = formValues(body);
    const input = {
      ...formValues(body, ['status', 'progress', 'spent']),
      note: parseLocalizedText(body, `note-${projectId}`),
    };
    const t = this.t(request);
    const refused = await submitForm(this.pages, reply, t, {
      dto: ImplementationUpdateDto,
      input,
      fallbackField: 'note',
      act: async (dto): Promise<FieldError[] | { location: string; flash: string }> => {
        // The DTO takes any object; a public update needs its note in at least one language.
        if (!Object.keys(dto.note).length) {
          return [{ field: 'note', message: t('platform.validation.required') }];
        }
        await this.results.addUpdate(actor, projectId, dto, uploadedFileOf(body, 'photo'));
        return {
          location: `/admin/budgeting/${project.cycleId}/implementation`,
          flash: 'budgeting.staff.flash-update',
        };
      },
    });
    if (refused) {
      const form = { projectId, values: shown, errors: suffixed(refused.errors, projectId) };
      await this.renderImplementation(request, reply, project.cycleId, form, 400);
    }
  }

  /** Each photo has its own form: a wrong picture goes without touching the update's text. */
  @Post('updates/:updateId/photos/:photoId/remove')
  async removePhoto(
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('updateId', ParseUUIDPipe) updateId: string,
    @Param('photoId', ParseUUIDPipe) photoId: string,
  ): Promise<void> {
    const { cycleId } = await this.attachments.removePhoto(actor, updateId, photoId);
    await this.pages.redirect(
      reply,
      `/admin/budgeting/${cycleId}/implementation#update-${updateId}`,
      'budgeting.staff.flash-photo-removed',
    );
  }

  private async renderImplementation(
    request: PageRequest,
    reply: FastifyReply,
    id: string,
    form?: ProjectForm,
    status = 200,
  ): Promise<void> {
    const cycle = await this.cycles.get(id);
    const funded = new Set(
      (await this.results.results(request.actor, cycle)).flatMap((r) => r.result.selected),
    );
    const projects =
      cycle.phase === 'published' ? (await this.proposals.list(id)).filter((p) => funded.has(p.code)) : [];
    const [updates, photos] = [await this.results.updates(id), await this.results.photos(id)];
    await this.pages.send(
      request,
      reply,
      (ctx) => ImplementationPage({ ctx, cycle, projects, updates, photos, form }),
      status,
    );
  }
}
