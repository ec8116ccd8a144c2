import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@chartuloba/platform';

/** A file attached to a proposal; width and height are set for images. */
export interface AttachmentRow {
  id: string;
  projectId: string;
  fileId: string;
  caption: string | null;
  width: number | null;
  height: number | null;
  createdAt: Date;
}

/** A photo of an implementation update: an uploaded file, or a link kept from before uploads. */
export interface UpdatePhotoRow {
  id: string;
  updateId: string;
  fileId: string | null;
  url: string | null;
  width: number | null;
  height: number | null;
}

/** A photo with where it belongs: its project and cycle, and the cycle's phase. */
export interface PhotoPlaceRow extends UpdatePhotoRow {
  phase: string;
  projectId: string;
  cycleId: string;
}

const ATTACHMENT_COLUMNS = `id, project_id AS "projectId", file_id AS "fileId", caption, width, height,
  created_at AS "createdAt"`;

/** Proposal attachments and implementation photos: the rows that point at platform files. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  private async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.transactions.manager().query(sql, params)) as T[];
  }

  async insertAttachment(a: Omit<AttachmentRow, 'id' | 'createdAt'>): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO budgeting_attachments (project_id, file_id, caption, width, height)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [a.projectId, a.fileId, a.caption, a.width, a.height],
    );
    return row!.id;
  }

  /** The project's attachments, oldest first; locks the project row so two uploads at once count right. */
  async lockProjectAttachments(projectId: string): Promise<number> {
    await this.query(`SELECT id FROM budgeting_projects WHERE id = $1 FOR UPDATE`, [projectId]);
    const [row] = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM budgeting_attachments WHERE project_id = $1`,
      [projectId],
    );
    return row?.n ?? 0;
  }

  async attachment(id: string): Promise<AttachmentRow | null> {
    const [row] = await this.query<AttachmentRow>(
      `SELECT ${ATTACHMENT_COLUMNS} FROM budgeting_attachments WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async attachmentsOf(projectId: string): Promise<AttachmentRow[]> {
    return this.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM budgeting_attachments WHERE project_id = $1 ORDER BY created_at, id`,
      [projectId],
    );
  }

  async deleteAttachment(id: string): Promise<void> {
    await this.query(`DELETE FROM budgeting_attachments WHERE id = $1`, [id]);
  }

  async insertPhoto(p: Omit<UpdatePhotoRow, 'id' | 'url'>): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO budgeting_update_photos (update_id, file_id, width, height) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [p.updateId, p.fileId, p.width, p.height],
    );
    return row!.id;
  }

  /** Every photo of a cycle's updates in one query (the results page lists them all). */
  async photosOfCycle(cycleId: string): Promise<UpdatePhotoRow[]> {
    return this.query(
      `SELECT ph.id, ph.update_id AS "updateId", ph.file_id AS "fileId", ph.url, ph.width, ph.height
       FROM budgeting_update_photos ph
       JOIN budgeting_updates u ON u.id = ph.update_id
       JOIN budgeting_projects p ON p.id = u.project_id
       WHERE p.cycle_id = $1 ORDER BY ph.created_at, ph.id`,
      [cycleId],
    );
  }

  /** A photo with the phase of its cycle, which decides whether it is public. */
  async photo(id: string): Promise<PhotoPlaceRow | null> {
    const [row] = await this.query<PhotoPlaceRow>(
      `SELECT ph.id, ph.update_id AS "updateId", ph.file_id AS "fileId", ph.url, ph.width, ph.height,
              c.phase, p.id AS "projectId", c.id AS "cycleId"
       FROM budgeting_update_photos ph
       JOIN budgeting_updates u ON u.id = ph.update_id
       JOIN budgeting_projects p ON p.id = u.project_id
       JOIN budgeting_cycles c ON c.id = p.cycle_id
       WHERE ph.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** False when the photo was already gone (removed at the same moment by someone else). */
  async deletePhoto(id: string): Promise<boolean> {
    // Read back through a SELECT: TypeORM answers a bare DELETE … RETURNING as [rows, count].
    const rows = await this.query(
      `WITH gone AS (DELETE FROM budgeting_update_photos WHERE id = $1 RETURNING id) SELECT id FROM gone`,
      [id],
    );
    return rows.length > 0;
  }

  async updateProject(updateId: string): Promise<string | null> {
    const [row] = await this.query<{ projectId: string }>(
      `SELECT project_id AS "projectId" FROM budgeting_updates WHERE id = $1`,
      [updateId],
    );
    return row?.projectId ?? null;
  }
}
