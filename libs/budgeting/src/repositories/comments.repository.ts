import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@chartuloba/platform';

export interface CommentRow {
  id: string;
  projectId: string;
  authorName: string;
  /** Null once a moderator hid the comment: its text is never shown again. */
  body: string | null;
  createdAt: Date;
  hiddenReason: string | null;
}

/** Residents' comments on proposals and their moderation. */
@Injectable()
export class CommentsRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  private async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.transactions.manager().query(sql, params)) as T[];
  }

  async insert(projectId: string, userId: string, authorName: string, body: string): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO budgeting_comments (project_id, user_id, author_name, body) VALUES ($1, $2, $3, $4) RETURNING id`,
      [projectId, userId, authorName, body],
    );
    return row!.id;
  }

  /** A proposal's comments, oldest first, so a thread reads top to bottom. */
  async ofProject(projectId: string): Promise<CommentRow[]> {
    return this.query(
      `SELECT id, project_id AS "projectId", author_name AS "authorName",
         CASE WHEN hidden_at IS NULL THEN body END AS body, created_at AS "createdAt",
         hidden_reason AS "hiddenReason"
       FROM budgeting_comments WHERE project_id = $1 ORDER BY created_at, id`,
      [projectId],
    );
  }

  async find(id: string): Promise<CommentRow | null> {
    const [row] = await this.query<CommentRow>(
      `SELECT id, project_id AS "projectId", author_name AS "authorName",
         CASE WHEN hidden_at IS NULL THEN body END AS body, created_at AS "createdAt",
         hidden_reason AS "hiddenReason"
       FROM budgeting_comments WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** False when it was already hidden: the first moderator's reason stands. */
  async hide(id: string, moderatorId: string, reason: string): Promise<boolean> {
    const rows = await this.query<{ id: string }>(
      `UPDATE budgeting_comments SET hidden_at = now(), hidden_by = $2, hidden_reason = $3
       WHERE id = $1 AND hidden_at IS NULL RETURNING id`,
      [id, moderatorId, reason],
    );
    return rows.length > 0;
  }
}
