import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AcceptsUploads,
  Actor,
  CurrentActor,
  PageRequest,
  parseLocalizedText,
  Roles,
  requiredUploadOf,
  sendStoredFile,
} from '@chartuloba/platform';
import { DocumentsService } from '../services/documents.service';
import { ManageSessionResponder } from './manage-session.responder';

type Form = Record<string, unknown>;

/** A session's papers on the staff session page: upload, remove, and read them before they are public. */
@ApiExcludeController()
@Controller('admin/councils/sessions/:id')
@Roles()
export class CouncilsAdminDocumentsPagesController {
  constructor(
    private readonly documentsService: DocumentsService,
    private readonly responder: ManageSessionResponder,
  ) {}

  /** A multipart form: the title per language and the PDF (`docFile`). */
  @Post('documents')
  @AcceptsUploads()
  async documents(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
  ): Promise<void> {
    const title = parseLocalizedText(body, 'docTitle');
    await this.responder.attempt(
      request,
      reply,
      actor,
      id,
      'docFile',
      () =>
        this.documentsService.add(
          actor,
          id,
          { title, file: requiredUploadOf(body, 'docFile') },
          { title: 'docTitle', file: 'docFile' },
        ),
      'councils.flash.document-added',
      { docTitle: title },
    );
  }

  @Post('documents/:documentId/remove')
  async removeDocument(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    await this.responder.attempt(
      request,
      reply,
      actor,
      id,
      'documents',
      () => this.documentsService.remove(actor, id, documentId),
      'councils.flash.document-removed',
    );
  }

  /** Staff read a paper before the session is public; never cached by shared caches. */
  @Get('documents/:documentId')
  async document(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    const { file, bytes } = await this.documentsService.managedDocument(actor, id, documentId);
    await sendStoredFile(request, reply, file, bytes, 'private');
  }
}
