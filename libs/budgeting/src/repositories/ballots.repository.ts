import { Injectable } from '@nestjs/common';
import { chunksOf, TransactionRunner } from '@chartuloba/platform';
import type { BallotRow, ConflictRow } from './budgeting.rows';

const BALLOT_COLUMNS = `id, cycle_id AS "cycleId", district_id AS "districtId", channel, paper_number AS "paperNumber",
  projects, points, receipt, first_cast_at AS "firstCastAt", updated_at AS "updatedAt"`;

export interface BallotWrite {
  id: string;
  cycleId: string;
  districtId: string;
  residentKey: string;
  projects: string[];
  points: number[] | null;
  receipt: string;
}

/** Ballots: the only place that reads or writes them. */
@Injectable()
export class BallotsRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  private async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.transactions.manager().query(sql, params)) as T[];
  }

  /**
   * Stores or replaces a resident's online ballot. The unique index on (cycle, district, resident) makes a
   * concurrent double submission end as one row; a paper ballot already there is never overwritten (null).
   */
  async upsertOnline(b: BallotWrite): Promise<BallotRow | null> {
    const [row] = await this.query<BallotRow>(
      `INSERT INTO budgeting_ballots (id, cycle_id, district_id, resident_key, channel, projects, points, receipt)
       VALUES ($1, $2, $3, $4, 'online', $5::uuid[], $6::int[], $7)
       ON CONFLICT (cycle_id, district_id, resident_key) DO UPDATE
         SET projects = EXCLUDED.projects, points = EXCLUDED.points, updated_at = now()
         WHERE budgeting_ballots.channel = 'online'
       RETURNING ${BALLOT_COLUMNS}`,
      [b.id, b.cycleId, b.districtId, b.residentKey, b.projects, b.points, b.receipt],
    );
    return row ?? null;
  }

  async findOfResident(cycleId: string, districtId: string, residentKey: string): Promise<BallotRow | null> {
    const [row] = await this.query<BallotRow>(
      `SELECT ${BALLOT_COLUMNS} FROM budgeting_ballots WHERE cycle_id = $1 AND district_id = $2 AND resident_key = $3`,
      [cycleId, districtId, residentKey],
    );
    return row ?? null;
  }

  /** Claims a paper ballot number for the cycle; false when it was entered before (the primary key decides). */
  async claimPaperNumber(cycleId: string, paperNumber: string): Promise<boolean> {
    const rows = await this.query<{ paper_number: string }>(
      `INSERT INTO budgeting_paper_entries (cycle_id, paper_number) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING paper_number`,
      [cycleId, paperNumber],
    );
    return rows.length > 0;
  }

  async insertPaper(b: BallotWrite & { paperNumber: string; castAt: Date }): Promise<BallotRow> {
    const [row] = await this.query<BallotRow>(
      `INSERT INTO budgeting_ballots (id, cycle_id, district_id, resident_key, channel, paper_number, projects,
         points, receipt, first_cast_at, updated_at)
       VALUES ($1, $2, $3, $4, 'paper', $5, $6::uuid[], $7::int[], $8, $9, $9)
       RETURNING ${BALLOT_COLUMNS}`,
      [
        b.id,
        b.cycleId,
        b.districtId,
        b.residentKey,
        b.paperNumber,
        b.projects,
        b.points,
        b.receipt,
        b.castAt,
      ],
    );
    return row!;
  }

  async delete(id: string): Promise<void> {
    await this.query(`DELETE FROM budgeting_ballots WHERE id = $1`, [id]);
  }

  async findByReceipt(receipt: string): Promise<BallotRow | null> {
    const [row] = await this.query<BallotRow>(
      `SELECT ${BALLOT_COLUMNS} FROM budgeting_ballots WHERE receipt = $1`,
      [receipt],
    );
    return row ?? null;
  }

  async count(cycleId: string, districtId: string): Promise<number> {
    const [row] = await this.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM budgeting_ballots WHERE cycle_id = $1 AND district_id = $2`,
      [cycleId, districtId],
    );
    return row!.n;
  }

  /**
   * The district's ballots with identical ones grouped in the database, so a 100,000-ballot cycle crosses
   * the wire as a few thousand weighted rows.
   */
  async grouped(
    cycleId: string,
    districtId: string,
  ): Promise<{ projects: string[]; points: number[] | null; weight: number }[]> {
    return this.query(
      `SELECT projects, points, count(*)::int AS weight FROM budgeting_ballots
       WHERE cycle_id = $1 AND district_id = $2 GROUP BY projects, points`,
      [cycleId, districtId],
    );
  }

  /** Every ballot of a district without who cast it, in receipt order (random-looking, not cast order). */
  async anonymised(
    cycleId: string,
    districtId: string,
  ): Promise<{ projects: string[]; points: number[] | null }[]> {
    return this.query(
      `SELECT projects, points FROM budgeting_ballots WHERE cycle_id = $1 AND district_id = $2 ORDER BY receipt`,
      [cycleId, districtId],
    );
  }

  async receipts(cycleId: string, districtId: string): Promise<string[]> {
    const rows = await this.query<{ receipt: string }>(
      `SELECT receipt FROM budgeting_ballots WHERE cycle_id = $1 AND district_id = $2 ORDER BY receipt`,
      [cycleId, districtId],
    );
    return rows.map((r) => r.receipt);
  }

  /** Bulk insert for imported elections: one statement per batch. */
  async insertImported(
    cycleId: string,
    districtId: string,
    rows: { key: string; receipt: string; projects: string[]; points: number[] | null }[],
  ): Promise<void> {
    const BATCH = 2000;
    for (const batch of chunksOf(rows, BATCH)) {
      // Arrays travel as JSON so one parameter carries a whole batch of ragged ballots.
      await this.query(
        `INSERT INTO budgeting_ballots (cycle_id, district_id, resident_key, channel, projects, points, receipt)
         SELECT $1, $2, b->>'key', 'import',
           ARRAY(SELECT jsonb_array_elements_text(b->'projects'))::uuid[],
           CASE WHEN b->'points' = 'null'::jsonb THEN NULL
                ELSE ARRAY(SELECT jsonb_array_elements_text(b->'points'))::int[] END,
           b->>'receipt'
         FROM jsonb_array_elements($3::jsonb) AS b`,
        [cycleId, districtId, JSON.stringify(batch)],
      );
    }
  }

  async insertConflict(c: Omit<ConflictRow, 'id' | 'createdAt'> & { cycleId: string }): Promise<void> {
    await this.query(
      `INSERT INTO budgeting_ballot_conflicts (cycle_id, district_id, paper_number, kept_ballot_id, kept_channel,
         discarded_channel, discarded_cast_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        c.cycleId,
        c.districtId,
        c.paperNumber,
        c.keptBallotId,
        c.keptChannel,
        c.discardedChannel,
        c.discardedCastAt,
      ],
    );
  }

  async conflicts(cycleId: string): Promise<ConflictRow[]> {
    return this.query(
      `SELECT id, district_id AS "districtId", paper_number AS "paperNumber", kept_ballot_id AS "keptBallotId",
         kept_channel AS "keptChannel", discarded_channel AS "discardedChannel",
         discarded_cast_at AS "discardedCastAt", created_at AS "createdAt"
       FROM budgeting_ballot_conflicts WHERE cycle_id = $1 ORDER BY created_at`,
      [cycleId],
    );
  }
}
