import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, FileStore, StoredFile, TransactionRunner } from '@chartuloba/platform';
import { budgetingError } from '../budgeting.errors';
import { attachmentPurpose, IMPLEMENTATION_PHOTO, MAX_ATTACHMENTS } from '../budgeting.files';
import { BudgetingPolicy } from '../budgeting.policy';
import { imageSize } from '../domain/image-size';
import { AttachmentsRepository } from '../repositories/attachments.repository';
import type { CycleRow, ProjectRow } from '../repositories/budgeting.rows';
import { CyclesRepository } from '../repositories/cycles.repository';

/** A file as a form or the API hands it over (the platform's UploadedFile fits). */
export interface FileInput {
  filename: string;
  bytes: Buffer;
  truncated?: boolean;
}

export interface AttachmentInput {
  file: FileInput;
  caption?: string | null;
}

/** The form fields an upload came in, so a refusal lands next to the right one. */
export interface AttachmentFields {
  file: string;
  caption: string;
}

export interface AttachmentView {
  id: string;
  projectId: string;
  caption: string | null;
  file: StoredFile;
  width: number | null;
  height: number | null;
  href: string;
}

export interface PhotoView {
  id: string;
  updateId: string;
  /** Where the picture is: our own route for an upload, the old address for a link kept from before. */
  href: string;
  uploaded: boolean;
  /** What staff call it: the uploaded file's name, or the address of a link. */
  name: string;
  width: number | null;
  height: number | null;
}

export const CAPTION_MAX = 200;

const attachmentHref = (id: string) => `/budgeting/attachments/${id}`;
const photoHref = (id: string) => `/budgeting/photos/${id}`;

/** Proposal attachments (the author's) and implementation photos (staff's), and who may see them. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly repo: AttachmentsRepository,
    private readonly cycles: CyclesRepository,
    private readonly files: FileStore,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Whether the actor may add or remove files of this proposal: its author, while proposals are collected
   * and it awaits review (staff review what was proposed; after that the files are part of the proposal).
   */
  mayChange(actor: Actor | undefined, project: ProjectRow, cycle: CycleRow | null): boolean {
    return (
      !!actor &&
      project.authorId === actor.id &&
      cycle?.phase === 'proposals' &&
      project.status === 'proposed'
    );
  }

  private async authorsOpenProject(actor: Actor, projectId: string): Promise<ProjectRow> {
    const project = await this.cycles.findProject(projectId);
    if (!project) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such project');
    }
    if (project.authorId !== actor.id) {
      throw budgetingError('budgeting.forbidden', 'forbidden', 'Only the author changes these files');
    }
    if (!this.mayChange(actor, project, await this.cycles.findCycle(project.cycleId))) {
      throw budgetingError(
        'budgeting.attachments-closed',
        'conflict',
        'Attachments can change only while proposals are collected',
      );
    }
    return project;
  }

  /**
   * Stores one attachment inside the caller's transaction, at most MAX_ATTACHMENTS per proposal (the
   * project row is locked, so two uploads at once cannot both be the third).
   */
  async store(
    actor: Actor,
    projectId: string,
    input: AttachmentInput,
    fields: AttachmentFields,
  ): Promise<AttachmentView> {
    const caption = input.caption?.trim() || null;
    if (caption && caption.length > CAPTION_MAX) {
      throw budgetingError(
        'budgeting.caption-too-long',
        'invalid',
        'The caption is too long',
        fields.caption,
        {
          max: CAPTION_MAX,
        },
      );
    }
    if ((await this.repo.lockProjectAttachments(projectId)) >= MAX_ATTACHMENTS) {
      throw budgetingError(
        'budgeting.too-many-attachments',
        'conflict',
        `A proposal has at most ${MAX_ATTACHMENTS} files`,
        fields.file,
        { max: MAX_ATTACHMENTS },
      );
    }
    const file = await this.files.save({
      ...input.file,
      purpose: attachmentPurpose(input.file.bytes),
      actor,
      field: fields.file,
    });
    const size = imageSize(input.file.bytes, file.mediaType);
    const row = {
      projectId,
      fileId: file.id,
      caption,
      width: size?.width ?? null,
      height: size?.height ?? null,
    };
    const id = await this.repo.insertAttachment(row);
    await this.audit.record({
      actor,
      action: 'budgeting.attachment-added',
      subject: { type: 'budgeting-project', id: projectId },
      summary: `File ${file.filename} attached`,
      data: { attachmentId: id, fileId: file.id, sha256: file.sha256, size: file.size },
    });
    return { id, ...row, file, href: attachmentHref(id) };
  }

  /** The author adds a file to their proposal while proposals are collected. */
  async add(
    actor: Actor,
    projectId: string,
    input: AttachmentInput,
    fields: AttachmentFields = { file: 'file', caption: 'caption' },
  ): Promise<AttachmentView> {
    await this.authorsOpenProject(actor, projectId);
    return this.transactions.run(() => this.store(actor, projectId, input, fields));
  }

  /** The author takes a file back, on the same terms; the stored file goes with it. */
  async remove(actor: Actor, projectId: string, attachmentId: string): Promise<void> {
    await this.authorsOpenProject(actor, projectId);
    const attachment = await this.repo.attachment(attachmentId);
    if (!attachment || attachment.projectId !== projectId) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such attachment');
    }
    await this.transactions.run(async () => {
      await this.repo.deleteAttachment(attachment.id);
      await this.files.remove(attachment.fileId);
      await this.audit.record({
        actor,
        action: 'budgeting.attachment-removed',
        subject: { type: 'budgeting-project', id: projectId },
        summary: `Attachment ${attachment.id} removed by its author`,
        data: { attachmentId: attachment.id, fileId: attachment.fileId },
      });
    });
  }

  async list(projectId: string): Promise<AttachmentView[]> {
    const rows = await this.repo.attachmentsOf(projectId);
    const files = await this.files.describe(rows.map((r) => r.fileId));
    return rows.flatMap((r) => {
      const file = files.get(r.fileId);
      return file ? [{ ...r, file, href: attachmentHref(r.id) }] : [];
    });
  }

  /**
   * The bytes of an attachment. Every proposal's page is public, whatever became of it (a rejected one
   * shows its reasons, a merged or withdrawn one its history), so its files are too.
   */
  async publicAttachment(id: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const attachment = await this.repo.attachment(id);
    if (!attachment || !(await this.cycles.findProject(attachment.projectId))) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such attachment');
    }
    return this.files.open(attachment.fileId);
  }

  /** Stores a photo of an update inside the caller's transaction. */
  async storePhoto(actor: Actor, updateId: string, photo: FileInput, field: string): Promise<PhotoView> {
    const file = await this.files.save({ ...photo, purpose: IMPLEMENTATION_PHOTO, actor, field });
    const size = imageSize(photo.bytes, file.mediaType);
    const row = { updateId, fileId: file.id, width: size?.width ?? null, height: size?.height ?? null };
    const id = await this.repo.insertPhoto(row);
    const projectId = await this.repo.updateProject(updateId);
    await this.audit.record({
      actor,
      action: 'budgeting.photo-added',
      subject: { type: 'budgeting-project', id: projectId ?? updateId },
      summary: `Photo ${file.filename} added to an implementation update`,
      data: { updateId, photoId: id, fileId: file.id, sha256: file.sha256, size: file.size },
    });
    const { width, height } = row;
    return { id, updateId, href: photoHref(id), uploaded: true, name: file.filename, width, height };
  }

  /** Staff add a photo to an update already published (the JSON API's upload). */
  async addPhoto(actor: Actor, updateId: string, photo: FileInput, field = 'file'): Promise<PhotoView> {
    BudgetingPolicy.assert(actor, 'projects.track');
    if (!(await this.repo.updateProject(updateId))) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such update');
    }
    return this.transactions.run(() => this.storePhoto(actor, updateId, photo, field));
  }

  /** Every photo of a cycle's updates, by update. */
  async photosOfCycle(cycleId: string): Promise<Map<string, PhotoView[]>> {
    const byUpdate = new Map<string, PhotoView[]>();
    const rows = await this.repo.photosOfCycle(cycleId);
    const files = await this.files.describe(rows.flatMap((p) => (p.fileId ? [p.fileId] : [])));
    for (const p of rows) {
      const href = p.fileId ? photoHref(p.id) : (p.url ?? '');
      const view: PhotoView = {
        id: p.id,
        updateId: p.updateId,
        href,
        uploaded: !!p.fileId,
        name: (p.fileId && files.get(p.fileId)?.filename) || href,
        width: p.width,
        height: p.height,
      };
      byUpdate.set(p.updateId, [...(byUpdate.get(p.updateId) ?? []), view]);
    }
    return byUpdate;
  }

  /**
   * Staff take a photo off an update (a wrong picture, a face that should not be there): the row and the
   * stored file go together, so its address stops answering. Answers the cycle, for the page to return to.
   */
  async removePhoto(actor: Actor, updateId: string, photoId: string): Promise<{ cycleId: string }> {
    BudgetingPolicy.assert(actor, 'projects.track');
    const photo = await this.repo.photo(photoId);
    const gone = () => budgetingError('budgeting.not-found', 'not-found', 'No such photo');
    if (photo?.updateId !== updateId) {
      throw gone();
    }
    const file = photo.fileId ? (await this.files.describe([photo.fileId])).get(photo.fileId) : undefined;
    await this.transactions.run(async () => {
      if (!(await this.repo.deletePhoto(photo.id))) {
        throw gone();
      }
      if (photo.fileId) {
        await this.files.remove(photo.fileId);
      }
      await this.audit.record({
        actor,
        action: 'budgeting.photo-removed',
        subject: { type: 'budgeting-project', id: photo.projectId },
        summary: `Photo ${file?.filename ?? photo.url ?? ''} removed from an implementation update`,
        data: { updateId, photoId: photo.id, fileId: photo.fileId, sha256: file?.sha256, url: photo.url },
      });
    });
    return { cycleId: photo.cycleId };
  }

  /** An uploaded photo, public once its cycle's results are (updates exist only then). */
  async publicPhoto(id: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const photo = await this.repo.photo(id);
    if (!photo?.fileId || photo.phase !== 'published') {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such photo');
    }
    return this.files.open(photo.fileId);
  }
}
