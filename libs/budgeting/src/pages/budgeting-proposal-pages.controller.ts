import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AcceptsUploads,
  Actor,
  CurrentActor,
  DomainError,
  domainErrorsOf,
  EMPTY_FORM,
  FieldError,
  FormState,
  formValues,
  PageRenderer,
  PageRequest,
  Public,
  requiredUploadOf,
  Roles,
  sendStoredFile,
  STATUS_OF_KIND,
  submitForm,
  Translate,
} from '@chartuloba/platform';
import { CommentDto, HideCommentDto } from '../dto/budgeting.dto';
import { AttachmentsService } from '../services/attachments.service';
import { CommentsService } from '../services/comments.service';
import { CyclesService } from '../services/cycles.service';
import { MergesService } from '../services/merges.service';
import { ProposalsService } from '../services/proposals.service';
import { ProposalPage, type HideForm } from './proposal.page';

/** One proposal's public page: residents comment while proposals are collected, staff hide abuse. */
@ApiExcludeController()
@Controller()
export class BudgetingProposalPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly cycles: CyclesService,
    private readonly proposals: ProposalsService,
    private readonly comments: CommentsService,
    private readonly attachments: AttachmentsService,
    private readonly merges: MergesService,
  ) {}

  private t(request: PageRequest): Translate {
    return this.pages.translator(request);
  }

  @Get('budgeting/projects/:projectId')
  @Public()
  async show(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('projectId', ParseUUIDPipe) projectId: string,
  ): Promise<void> {
    await this.render(request, reply, projectId, EMPTY_FORM);
  }

  @Post('budgeting/projects/:projectId/comments')
  @Roles()
  async comment(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) projectId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = formValues(body, ['body']);
    const refused = await submitForm(this.pages, reply, this.t(request), {
      dto: CommentDto,
      input: values,
      fallbackField: 'body',
      act: async (dto) => {
        const id = await this.comments.add(actor, projectId, dto.body);
        return {
          location: `/budgeting/projects/${projectId}#comment-${id}`,
          flash: 'budgeting.comments.flash-posted',
        };
      },
    });
    if (refused) {
      // A closed thread is a conflict, not a typing mistake; its status says so to the resident's browser.
      const status = refused.kind ? STATUS_OF_KIND[refused.kind] : 400;
      await this.render(request, reply, projectId, { values, errors: refused.errors }, undefined, status);
    }
  }

  /** An asked author agrees to a merge request; `projectId` is the merge's source, as in the API. */
  @Post('budgeting/projects/:projectId/merge/:targetId/agree')
  @Roles()
  async agreeMerge(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) sourceId: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
  ): Promise<void> {
    await this.answerMerge(request, reply, actor, sourceId, targetId, true);
  }

  @Post('budgeting/projects/:projectId/merge/:targetId/decline')
  @Roles()
  async declineMerge(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) sourceId: string,
    @Param('targetId', ParseUUIDPipe) targetId: string,
  ): Promise<void> {
    await this.answerMerge(request, reply, actor, sourceId, targetId, false);
  }

  private async answerMerge(
    request: PageRequest,
    reply: FastifyReply,
    actor: Actor,
    sourceId: string,
    targetId: string,
    agree: boolean,
  ): Promise<void> {
    // Back to the page the author answered from: their own, which may be either side of the merge.
    const own = (await this.proposals.project(sourceId)).authorId === actor.id ? sourceId : targetId;
    try {
      await (agree
        ? this.merges.agree(actor, sourceId, targetId)
        : this.merges.decline(actor, sourceId, targetId));
    } catch (error) {
      // Not asked: the error page (403). Declined or merged meanwhile: said on the page, as a conflict.
      if (!(error instanceof DomainError) || error.kind !== 'conflict') {
        throw error;
      }
      const errors = domainErrorsOf(error, this.t(request), 'merge');
      await this.render(request, reply, own, EMPTY_FORM, undefined, 409, undefined, errors);
      return;
    }
    const flash = agree ? 'budgeting.merge.flash-agreed' : 'budgeting.merge.flash-declined';
    await this.pages.redirect(reply, `/budgeting/projects/${own}`, flash);
  }

  /** A multipart form: one file and its caption, added by the proposal's author. */
  @Post('budgeting/projects/:projectId/attachments')
  @Roles()
  @AcceptsUploads()
  async attach(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) projectId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = formValues(body, ['caption']);
    try {
      await this.attachments.add(actor, projectId, {
        file: requiredUploadOf(body, 'file'),
        caption: values['caption'] ?? null,
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'forbidden' || error.kind === 'not-found') {
        throw error;
      }
      const errors = domainErrorsOf(error, this.t(request), 'file');
      const form = { values, errors };
      await this.render(request, reply, projectId, EMPTY_FORM, undefined, STATUS_OF_KIND[error.kind], form);
      return;
    }
    await this.pages.redirect(reply, `/budgeting/projects/${projectId}#files`, 'budgeting.files.flash-added');
  }

  @Post('budgeting/projects/:projectId/attachments/:attachmentId/remove')
  @Roles()
  async detach(
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('projectId', ParseUUIDPipe) projectId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(actor, projectId, attachmentId);
    await this.pages.redirect(
      reply,
      `/budgeting/projects/${projectId}#files`,
      'budgeting.files.flash-removed',
    );
  }

  /** A proposal's file; the bytes never change under an id, so caches keep them (as council papers). */
  @Get('budgeting/attachments/:id')
  @Public()
  async attachment(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const { file, bytes } = await this.attachments.publicAttachment(id);
    await sendStoredFile(request, reply, file, bytes);
  }

  /** A photo of the works, once the cycle's results are public. */
  @Get('budgeting/photos/:id')
  @Public()
  async photo(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const { file, bytes } = await this.attachments.publicPhoto(id);
    await sendStoredFile(request, reply, file, bytes);
  }

  @Post('admin/budgeting/comments/:commentId/hide')
  @Roles('staff', 'admin', 'moderator')
  async hide(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = formValues(body, ['reason']);
    const refused = await submitForm(this.pages, reply, this.t(request), {
      dto: HideCommentDto,
      input: values,
      fallbackField: 'reason',
      act: async ({ reason }) => {
        const hidden = await this.comments.hide(actor, commentId, reason);
        return {
          location: `/budgeting/projects/${hidden.projectId}#comment-${commentId}`,
          flash: 'budgeting.comments.flash-hidden',
        };
      },
    });
    if (refused) {
      const projectId = (await this.comments.get(commentId)).projectId;
      const hideForm = { commentId, values, errors: refused.errors };
      await this.render(request, reply, projectId, EMPTY_FORM, hideForm, 400);
    }
  }

  private async render(
    request: PageRequest,
    reply: FastifyReply,
    projectId: string,
    form: FormState,
    hideForm?: HideForm,
    status = 200,
    attachForm?: FormState,
    mergeErrors?: FieldError[],
  ): Promise<void> {
    const project = await this.proposals.project(projectId);
    const cycle = await this.cycles.get(project.cycleId);
    const district = (await this.cycles.districts(cycle.id)).find((d) => d.id === project.districtId);
    const comments = await this.comments.list(projectId);
    const open = this.comments.isOpen(cycle);
    const attachments = await this.attachments.list(projectId);
    const canAttach = this.attachments.mayChange(request.actor, project, cycle);
    const merges = await this.merges.pendingFor(request.actor, projectId);
    const mergedInto = project.mergedInto ? await this.proposals.project(project.mergedInto) : undefined;
    await this.pages.send(
      request,
      reply,
      (ctx) =>
        ProposalPage({
          ctx,
          cycle,
          project,
          district,
          comments,
          open,
          form,
          hideForm,
          attachments,
          canAttach,
          attachForm,
          merges,
          mergeErrors,
          mergedInto,
        }),
      status,
    );
  }
}
