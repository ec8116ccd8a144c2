import { Injectable } from '@nestjs/common';
import { LocalizedText, TransactionRunner } from '@chartuloba/platform';

/** One asked author's answer to a merge request. */
export interface MergeConsentRow {
  authorId: string;
  agreedAt: Date | null;
  declinedAt: Date | null;
}

/** A merge request as one of its authors sees it on a proposal page: the other proposal, their answer. */
export interface PendingMergeRow {
  sourceId: string;
  targetId: string;
  agreed: boolean;
  otherId: string;
  otherCode: string;
  otherTitle: LocalizedText;
}

/** A merge request as staff see it on the review page. */
export interface MergeRequestRow {
  sourceId: string;
  targetId: string;
  targetCode: string;
  asked: number;
  agreed: number;
  declined: number;
}

/** Merge requests: one consent row per author asked (budgeting_merge_consents). */
@Injectable()
export class MergesRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  private async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.transactions.manager().query(sql, params)) as T[];
  }

  async ask(sourceId: string, targetId: string, authorIds: string[]): Promise<void> {
    await this.query(
      `INSERT INTO budgeting_merge_consents (source_id, target_id, author_id)
       SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
      [sourceId, targetId, authorIds],
    );
  }

  /**
   * The request's rows, locked until the transaction ends: two authors answering at once are taken one
   * after the other, so the last agreement always sees the others and the merge is never missed.
   */
  async lock(sourceId: string, targetId: string): Promise<MergeConsentRow[]> {
    return this.query(
      `SELECT author_id AS "authorId", agreed_at AS "agreedAt", declined_at AS "declinedAt"
       FROM budgeting_merge_consents WHERE source_id = $1 AND target_id = $2
       ORDER BY author_id FOR UPDATE`,
      [sourceId, targetId],
    );
  }

  async answer(sourceId: string, targetId: string, authorId: string, agree: boolean): Promise<void> {
    await this.query(
      `UPDATE budgeting_merge_consents
       SET agreed_at = CASE WHEN $4 THEN now() END, declined_at = CASE WHEN $4 THEN NULL ELSE now() END
       WHERE source_id = $1 AND target_id = $2 AND author_id = $3`,
      [sourceId, targetId, authorId, agree],
    );
  }

  async markMerged(sourceId: string, targetId: string): Promise<void> {
    await this.query(`UPDATE budgeting_projects SET status = 'merged', merged_into = $2 WHERE id = $1`, [
      sourceId,
      targetId,
    ]);
  }

  /**
   * Requests about `projectId` that `authorId` was asked and that are still open: none declined, not
   * merged, and the cycle still in review (after it a request can no longer be answered).
   */
  async pendingFor(projectId: string, authorId: string): Promise<PendingMergeRow[]> {
    return this.query(
      `SELECT c.source_id AS "sourceId", c.target_id AS "targetId", c.agreed_at IS NOT NULL AS agreed,
              o.id AS "otherId", o.code AS "otherCode", o.title AS "otherTitle"
       FROM budgeting_merge_consents c
       JOIN budgeting_projects s ON s.id = c.source_id
       JOIN budgeting_cycles cy ON cy.id = s.cycle_id AND cy.phase = 'review'
       JOIN budgeting_projects o ON o.id = CASE WHEN c.source_id = $1 THEN c.target_id ELSE c.source_id END
       WHERE (c.source_id = $1 OR c.target_id = $1) AND c.author_id = $2 AND s.status <> 'merged'
         AND NOT EXISTS (SELECT 1 FROM budgeting_merge_consents d
                         WHERE d.source_id = c.source_id AND d.target_id = c.target_id
                           AND d.declined_at IS NOT NULL)
       ORDER BY o.code`,
      [projectId, authorId],
    );
  }

  async ofCycle(cycleId: string): Promise<MergeRequestRow[]> {
    return this.query(
      `SELECT c.source_id AS "sourceId", c.target_id AS "targetId", t.code AS "targetCode",
              count(*)::int AS asked, count(c.agreed_at)::int AS agreed, count(c.declined_at)::int AS declined
       FROM budgeting_merge_consents c
       JOIN budgeting_projects t ON t.id = c.target_id
       WHERE t.cycle_id = $1
       GROUP BY c.source_id, c.target_id, t.code
       ORDER BY t.code`,
      [cycleId],
    );
  }
}
