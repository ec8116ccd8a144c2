import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@chartuloba/platform';
import type { PetitionStatus } from '../domain/lifecycle';
import { columnOf, Petition, PETITION_SELECT, toPetition } from './petition.row';
import { rowsOf } from './rows';

export type PetitionSort = 'signatures' | 'newest' | 'closing';

export interface PetitionListQuery {
  statuses: readonly PetitionStatus[];
  sort: PetitionSort;
  limit: number;
  offset: number;
}

export interface PetitionWithCount extends Petition {
  signatures: number;
}

const COUNT_SUM = `COALESCE((SELECT sum(c.counted) FROM petitions_counters c WHERE c.petition_id = p.id), 0)::int`;

/** The only code touching petitions_petitions and petitions_initiators. */
@Injectable()
export class PetitionsRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  private get db() {
    return this.transactions.manager();
  }

  async insert(
    values: Partial<Petition> & Pick<Petition, 'kind' | 'status' | 'title' | 'body' | 'authorName'>,
  ): Promise<Petition> {
    const entries = Object.entries(values).filter(([, value]) => value !== undefined);
    const columns = entries.map(([key]) => columnOf(key as keyof Petition));
    const params = entries.map(([, value]) =>
      value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value,
    );
    const rows = (await this.db.query(
      `INSERT INTO petitions_petitions AS p (${columns.join(', ')})
       VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${PETITION_SELECT}`,
      params,
    )) as Record<string, unknown>[];
    const petition = toPetition(rows[0] as Record<string, unknown>);
    // The 16 counter shards exist from the start, so signing only ever updates.
    await this.db.query(
      `INSERT INTO petitions_counters (petition_id, shard) SELECT $1, s FROM generate_series(0, 15) s`,
      [petition.id],
    );
    return petition;
  }

  async any(): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM petitions_petitions LIMIT 1`)) as unknown[];
    return rows.length > 0;
  }

  async find(id: string, lock = false): Promise<Petition | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) {
      return null;
    }
    const rows = (await this.db.query(
      `SELECT ${PETITION_SELECT} FROM petitions_petitions p WHERE p.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as Record<string, unknown>[];
    return rows[0] ? toPetition(rows[0]) : null;
  }

  /**
   * Moves a petition from one of `from` to a new status with `changes`, atomically: the WHERE on the
   * status makes two racing transitions (a job and a staff click) produce one winner.
   */
  async transition(
    id: string,
    from: readonly PetitionStatus[],
    changes: Partial<Petition>,
  ): Promise<Petition | null> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const params: unknown[] = [id, from];
    const sets = entries.map(([key, value]) => {
      params.push(
        value !== null && typeof value === 'object' && !(value instanceof Date)
          ? JSON.stringify(value)
          : value,
      );
      return `${columnOf(key as keyof Petition)} = $${params.length}`;
    });
    const rows = (await this.db.query(
      `UPDATE petitions_petitions p SET ${[...sets, 'updated_at = now()'].join(', ')}
       WHERE p.id = $1 AND p.status = ANY($2::text[]) RETURNING ${PETITION_SELECT}`,
      params,
    )) as unknown;
    const list = rowsOf<Record<string, unknown>>(rows);
    return list[0] ? toPetition(list[0]) : null;
  }

  async nextRegistrationNumber(year: number): Promise<string> {
    const rows = (await this.db.query(`SELECT nextval('petitions_registration_seq')::int AS n`)) as Array<{
      n: number;
    }>;
    return `P-${year}-${String(rows[0]?.n ?? 0).padStart(4, '0')}`;
  }

  async list(query: PetitionListQuery): Promise<{ items: PetitionWithCount[]; total: number }> {
    const order =
      query.sort === 'signatures'
        ? 'signatures DESC, p.created_at DESC'
        : query.sort === 'closing'
          ? 'p.closes_at ASC NULLS LAST, p.created_at DESC'
          : 'COALESCE(p.opened_at, p.created_at) DESC';
    const rows = (await this.db.query(
      `SELECT ${PETITION_SELECT}, ${COUNT_SUM} AS signatures
       FROM petitions_petitions p WHERE p.status = ANY($1::text[])
       ORDER BY ${order} LIMIT $2 OFFSET $3`,
      [query.statuses, query.limit, query.offset],
    )) as Record<string, unknown>[];
    const total = (await this.db.query(
      `SELECT count(*)::int AS n FROM petitions_petitions WHERE status = ANY($1::text[])`,
      [query.statuses],
    )) as Array<{ n: number }>;
    return {
      items: rows.map((row) => ({ ...toPetition(row), signatures: Number(row.signatures) })),
      total: total[0]?.n ?? 0,
    };
  }

  async byStatuses(statuses: readonly PetitionStatus[]): Promise<PetitionWithCount[]> {
    return (await this.list({ statuses, sort: 'newest', limit: 500, offset: 0 })).items;
  }

  /** Petitions a person wrote, co-initiated or signed. */
  async ofUser(userId: string): Promise<Array<PetitionWithCount & { relation: string }>> {
    const rows = (await this.db.query(
      `SELECT ${PETITION_SELECT}, ${COUNT_SUM} AS signatures,
         COALESCE(i.role, 'signatory') AS relation
       FROM petitions_petitions p
       LEFT JOIN petitions_initiators i ON i.petition_id = p.id AND i.user_id = $1
       WHERE i.user_id IS NOT NULL
          OR EXISTS (SELECT 1 FROM petitions_signatures s WHERE s.petition_id = p.id AND s.user_id = $1 AND s.status = 'active')
       ORDER BY p.created_at DESC LIMIT 200`,
      [userId],
    )) as Record<string, unknown>[];
    return rows.map((row) => ({
      ...toPetition(row),
      signatures: Number(row.signatures),
      relation: String(row.relation),
    }));
  }

  /** Open petitions whose closing date has passed: the recurring job closes them. */
  async dueToClose(now: Date): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT id FROM petitions_petitions WHERE status = 'open' AND closes_at <= $1 LIMIT 500`,
      [now],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  async addInitiator(petitionId: string, userId: string, role: 'author' | 'co-initiator'): Promise<boolean> {
    const rows = (await this.db.query(
      `INSERT INTO petitions_initiators (petition_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [petitionId, userId, role],
    )) as unknown[];
    return rows.length > 0;
  }

  async initiators(petitionId: string): Promise<Array<{ userId: string; role: string }>> {
    return (await this.db.query(
      `SELECT user_id AS "userId", role FROM petitions_initiators WHERE petition_id = $1 ORDER BY joined_at`,
      [petitionId],
    )) as Array<{ userId: string; role: string }>;
  }

  async createInvitation(tokenHash: string, petitionId: string, createdBy: string): Promise<void> {
    await this.db.query(
      `INSERT INTO petitions_invitations (token_hash, petition_id, created_by) VALUES ($1, $2, $3)`,
      [tokenHash, petitionId, createdBy],
    );
  }

  /** Marks the invitation used by `userId`; null when it is unknown or already used. */
  async useInvitation(tokenHash: string, userId: string): Promise<string | null> {
    const rows = (await this.db.query(
      `UPDATE petitions_invitations SET used_by = $2, used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL RETURNING petition_id AS "petitionId"`,
      [tokenHash, userId],
    )) as unknown;
    return rowsOf<{ petitionId: string }>(rows)[0]?.petitionId ?? null;
  }
}
