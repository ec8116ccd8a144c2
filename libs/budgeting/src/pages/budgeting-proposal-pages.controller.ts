import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  CurrentActor,
  DomainError,
  EMPTY_FORM,
  FormState,
  formValues,
  I18nService,
  PageRenderer,
  PageRequest,
  Public,
  Roles,
  STATUS_OF_KIND,
  Translate,
  validateForm,
} from '@chartuloba/platform';
import { CommentDto, HideCommentDto } from '../dto/budgeting.dto';
import { CommentsService } from '../services/comments.service';
import { CyclesService } from '../services/cycles.service';
import { ProposalsService } from '../services/proposals.service';
import { formErrorsOf } from './budgeting-staff-pages.controller';
import { ProposalPage, type HideForm } from './proposal.page';

/** One proposal's public page: residents comment while proposals are collected, staff hide abuse. */
@ApiExcludeController()
@Controller()
export class BudgetingProposalPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly cycles: CyclesService,
    private readonly proposals: ProposalsService,
    private readonly comments: CommentsService,
  ) {}

  private t(request: PageRequest): Translate {
    return this.i18n.translator(request.locale ?? this.i18n.defaultLocale);
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
    const t = this.t(request);
    const checked = await validateForm(CommentDto, values, t);
    let errors = checked.errors;
    let status = 400;
    if (checked.value) {
      try {
        const id = await this.comments.add(actor, projectId, checked.value.body);
        await this.pages.redirect(
          reply,
          `/budgeting/projects/${projectId}#comment-${id}`,
          'budgeting.comments.flash-posted',
        );
        return;
      } catch (error) {
        errors = formErrorsOf(error, t, 'body');
        status = error instanceof DomainError ? STATUS_OF_KIND[error.kind] : 400;
      }
    }
    await this.render(request, reply, projectId, { values, errors: errors ?? [] }, undefined, status);
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
    const t = this.t(request);
    const checked = await validateForm(HideCommentDto, values, t);
    let errors = checked.errors;
    if (checked.value) {
      try {
        const hidden = await this.comments.hide(actor, commentId, checked.value.reason);
        await this.pages.redirect(
          reply,
          `/budgeting/projects/${hidden.projectId}#comment-${commentId}`,
          'budgeting.comments.flash-hidden',
        );
        return;
      } catch (error) {
        errors = formErrorsOf(error, t, 'reason');
      }
    }
    const projectId = (await this.comments.get(commentId)).projectId;
    const hideForm = { commentId, values, errors: errors ?? [] };
    await this.render(request, reply, projectId, EMPTY_FORM, hideForm, 400);
  }

  private async render(
    request: PageRequest,
    reply: FastifyReply,
    projectId: string,
    form: FormState,
    hideForm?: HideForm,
    status = 200,
  ): Promise<void> {
    const project = await this.proposals.project(projectId);
    const cycle = await this.cycles.get(project.cycleId);
    const district = (await this.cycles.districts(cycle.id)).find((d) => d.id === project.districtId);
    const comments = await this.comments.list(projectId);
    const open = this.comments.isOpen(cycle);
    await this.pages.send(
      request,
      reply,
      (ctx) => ProposalPage({ ctx, cycle, project, district, comments, open, form, hideForm }),
      status,
    );
  }
}
