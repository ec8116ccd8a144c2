import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, FileStore, StoredFile, TransactionRunner } from '@chartuloba/platform';
import { CouncilsError, notFound } from '../councils.errors';
import { SESSION_DOCUMENT } from '../councils.files';
import { documentsArePublic, sessionAllows } from '../domain/lifecycle';
import type { DocumentEntity } from '../entities/councils.entities';
import { CouncilsRepository } from '../repositories/councils.repository';
import { BodiesService } from './bodies.service';
import { cleanText } from './text';

/** A file as a form or the API hands it over (the platform's UploadedFile fits). */
export interface FileInput {
  filename: string;
  bytes: Buffer;
  truncated?: boolean;
}

export interface AddDocumentInput {
  title: Record<string, string>;
  file: FileInput;
}

/** A session's papers (uploaded PDFs) and who may see them. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly repo: CouncilsRepository,
    private readonly bodies: BodiesService,
    private readonly files: FileStore,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async add(
    actor: Actor,
    sessionId: string,
    input: AddDocumentInput,
    fields = { title: 'title', file: 'file' },
  ): Promise<{ document: DocumentEntity; file: StoredFile }> {
    const session = await this.repo.session(sessionId);
    if (!session) {
      throw notFound('councils.session-not-found');
    }
    await this.bodies.assertManages(actor, session.bodyId);
    const title = cleanText(input.title, fields.title, { required: true, max: 200 });
    return this.transactions.run(async () => {
      const file = await this.files.save({
        ...input.file,
        purpose: SESSION_DOCUMENT,
        actor,
        field: fields.file,
      });
      const document = await this.repo.insertDocument({ sessionId, title, fileId: file.id });
      await this.audit.record({
        actor,
        action: 'councils.document-added',
        subject: { type: 'councils.session', id: sessionId },
        summary: `Document ${file.filename} uploaded`,
        data: { documentId: document.id, fileId: file.id, sha256: file.sha256, size: file.size },
      });
      return { document, file };
    });
  }

  /** Takes back a wrongly uploaded paper, only before the session is held; the file goes with it. */
  async remove(actor: Actor, sessionId: string, documentId: string): Promise<void> {
    const [session, document] = await Promise.all([
      this.repo.session(sessionId),
      this.repo.document(documentId),
    ]);
    if (!session || !document || document.sessionId !== sessionId) {
      throw notFound('councils.document-not-found');
    }
    await this.bodies.assertManages(actor, session.bodyId);
    // Once held, the papers are what the council had before it when it decided: part of the record.
    if (session.status === 'held') {
      throw new CouncilsError(
        'councils.documents-kept',
        'conflict',
        'The session has been held: its papers are part of the record and can no longer be removed',
      );
    }
    if (!sessionAllows(session.status, 'remove-document', false)) {
      throw new CouncilsError(
        'councils.not-allowed-now',
        'conflict',
        `Cannot remove a document of a ${session.status} session`,
      );
    }
    await this.transactions.run(async () => {
      await this.repo.deleteDocument(document.id);
      if (document.fileId) {
        await this.files.remove(document.fileId);
      }
      await this.audit.record({
        actor,
        action: 'councils.document-removed',
        subject: { type: 'councils.session', id: sessionId },
        summary: `Document ${document.id} removed`,
        data: { documentId: document.id, fileId: document.fileId, title: document.title },
      });
    });
  }

  /** The bytes of a session document anyone may download: its session is announced or held. */
  async publicDocument(documentId: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const document = await this.repo.document(documentId);
    const session = document ? await this.repo.session(document.sessionId) : null;
    if (!document?.fileId || !session || !documentsArePublic(session)) {
      throw notFound('councils.document-not-found');
    }
    return this.files.open(document.fileId);
  }

  /** Any document of a session the actor manages, public or not (the staff page links to it). */
  async managedDocument(
    actor: Actor,
    sessionId: string,
    documentId: string,
  ): Promise<{ file: StoredFile; bytes: Buffer }> {
    const [session, document] = await Promise.all([
      this.repo.session(sessionId),
      this.repo.document(documentId),
    ]);
    if (!session || !document?.fileId || document.sessionId !== sessionId) {
      throw notFound('councils.document-not-found');
    }
    await this.bodies.assertManages(actor, session.bodyId);
    return this.files.open(document.fileId);
  }

  /** The signed minutes PDF once the minutes are published. */
  async publicMinutes(sessionId: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const session = await this.repo.session(sessionId);
    if (!session?.minutesFileId || !session.minutesPublishedAt) {
      throw notFound('councils.document-not-found');
    }
    return this.files.open(session.minutesFileId);
  }
}
