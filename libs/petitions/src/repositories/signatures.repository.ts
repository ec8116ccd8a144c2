import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog, TransactionRunner } from '@chartuloba/platform';
import { rowsOf } from './rows';

export const COUNTER_SHARDS = 16;

export interface SignatureCount {
  /** Signatures that count: active online and paper ones not found invalid. */
  counted: number;
  /** The petition's status and threshold, read in the same query (null: no such petition). */
  status: string | null;
  threshold: number | null;
  paper: number;
  invalidated: number;
  withdrawn: number;
}

export interface OnlineSigner {
  residentKey: string;
  userId: string;
  initials: string;
  notify: boolean;
  flagReason: string | null;
  /** For the audit row of the signature: who (by name), and the request it came with. */
  actorLabel: string;
  requestId: string | null;
}

export interface SignedOnline {
  signatureId: string;
  residentKey: string;
  status: string;
  threshold: number | null;
  halfReached: boolean;
}

export interface SignatureRow {
  id: string;
  petitionId: string;
  userId: string | null;
  source: 'online' | 'paper';
  status: 'active' | 'withdrawn' | 'invalid';
  initials: string;
  paperListId: string | null;
  signerName: string | null;
  personalNumberEnc: string | null;
  address: string | null;
  signedOn: string | null;
  sampled: boolean;
  verification: 'valid' | 'invalid' | null;
  invalidReason: string | null;
  flagReason: string | null;
  signedAt: Date;
}

const SIGNATURE_SELECT = `s.id, s.petition_id AS "petitionId", s.user_id AS "userId", s.source, s.status,
  s.initials, s.paper_list_id AS "paperListId", s.signer_name AS "signerName",
  s.personal_number_enc AS "personalNumberEnc", s.address, s.signed_on::text AS "signedOn", s.sampled,
  s.verification, s.invalid_reason AS "invalidReason", s.flag_reason AS "flagReason", s.signed_at AS "signedAt"`;

const SIGNABLE = `status IN ('open', 'threshold-reached') AND closes_at > now()`;

/** The only code touching petitions_signatures, petitions_counters and petitions_paper_lists. */
@Injectable()
export class SignaturesRepository {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  private get db() {
    return this.transactions.manager();
  }

  private shard(): number {
    return randomInt(COUNTER_SHARDS);
  }

  /**
   * One statement for many residents signing one petition: checks the petition takes signatures, inserts
   * each signature (or reactivates a withdrawn one) and adds the number inserted to one random counter
   * shard, and audits each signature: all of it atomic as one statement, without a transaction's round
   * trips. The unique (petition_id, resident_key) decides between racing requests of one person; a
   * resident who loses, or has signed already, gets no row back. Residents must be distinct; they are
   * inserted in key order, so two batches touching the same residents lock them in the same order.
   */
  async signOnline(petitionId: string, residents: OnlineSigner[]): Promise<SignedOnline[]> {
    const sorted = [...residents].sort((a, b) => (a.residentKey < b.residentKey ? -1 : 1));
    const audited = this.audit.insertFor({
      from: 's JOIN i USING (resident_key) CROSS JOIN p',
      actorId: 'i.user_id',
      actorLabel: 'i.actor_label',
      action: "'petitions.signed'",
      subjectType: "'petition'",
      subjectId: 'p.id::text',
      summary: `CASE WHEN i.flag_reason IS NULL THEN 'Signed online'
                 ELSE 'Signed online (flagged: ' || i.flag_reason || ')' END`,
      requestId: 'i.request_id',
      data: "jsonb_build_object('signatureId', s.id, 'flag', i.flag_reason)",
    });
    const rows = (await this.db.query(
      `WITH p AS (
         SELECT id, status, threshold, half_reached_at FROM petitions_petitions WHERE id = $1 AND ${SIGNABLE}
       ), i AS (
         SELECT * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::bool[], $6::text[], $8::text[], $9::text[])
           WITH ORDINALITY AS i(resident_key, user_id, initials, notify, flag_reason, actor_label, request_id, n)
       ), s AS (
         INSERT INTO petitions_signatures (petition_id, resident_key, user_id, source, initials, notify, flag_reason)
         SELECT p.id, i.resident_key, i.user_id, 'online', i.initials, i.notify, i.flag_reason
         FROM p CROSS JOIN i ORDER BY i.n
         ON CONFLICT (petition_id, resident_key) DO UPDATE
           SET status = 'active', user_id = EXCLUDED.user_id, source = 'online', withdrawn_at = NULL,
               signed_at = now(), notify = EXCLUDED.notify, flag_reason = EXCLUDED.flag_reason
           WHERE petitions_signatures.status = 'withdrawn'
         RETURNING id, resident_key
       ), c AS (
         UPDATE petitions_counters SET counted = counted + (SELECT count(*) FROM s)
         WHERE petition_id = $1 AND shard = $7 AND EXISTS (SELECT 1 FROM s)
       ), a AS (
         ${audited}
       )
       SELECT s.id AS "signatureId", s.resident_key AS "residentKey", p.status, p.threshold,
         (p.half_reached_at IS NOT NULL) AS "halfReached"
       FROM s CROSS JOIN p`,
      [
        petitionId,
        sorted.map((r) => r.residentKey),
        sorted.map((r) => r.userId),
        sorted.map((r) => r.initials),
        sorted.map((r) => r.notify),
        sorted.map((r) => r.flagReason),
        this.shard(),
        sorted.map((r) => r.actorLabel),
        sorted.map((r) => r.requestId),
      ],
    )) as SignedOnline[];
    this.audit.appended();
    return rows;
  }

  /** Withdraws an online signature while the petition runs; null when there was none to withdraw. */
  async withdrawOnline(petitionId: string, residentKey: string): Promise<string | null> {
    const rows = rowsOf<{ id: string }>(
      await this.db.query(
        `WITH s AS (
           UPDATE petitions_signatures SET status = 'withdrawn', withdrawn_at = now()
           WHERE petition_id = $1 AND resident_key = $2 AND status = 'active' AND source = 'online'
             AND EXISTS (SELECT 1 FROM petitions_petitions WHERE id = $1 AND ${SIGNABLE})
           RETURNING id
         ), c AS (
           UPDATE petitions_counters SET counted = counted - 1, withdrawn = withdrawn + 1
           WHERE petition_id = $1 AND shard = $3 AND EXISTS (SELECT 1 FROM s)
         )
         SELECT id FROM s`,
        [petitionId, residentKey, this.shard()],
      ),
    );
    return rows[0]?.id ?? null;
  }

  async findByResident(petitionId: string, residentKey: string): Promise<SignatureRow | null> {
    const rows = (await this.db.query(
      `SELECT ${SIGNATURE_SELECT} FROM petitions_signatures s WHERE s.petition_id = $1 AND s.resident_key = $2`,
      [petitionId, residentKey],
    )) as SignatureRow[];
    return rows[0] ?? null;
  }

  async find(signatureId: string): Promise<SignatureRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(signatureId)) {
      return null;
    }
    const rows = (await this.db.query(
      `SELECT ${SIGNATURE_SELECT} FROM petitions_signatures s WHERE s.id = $1`,
      [signatureId],
    )) as SignatureRow[];
    return rows[0] ?? null;
  }

  async count(petitionId: string): Promise<SignatureCount> {
    const rows = (await this.db.query(
      `SELECT COALESCE(sum(counted), 0)::int AS counted, COALESCE(sum(paper), 0)::int AS paper,
         COALESCE(sum(invalidated), 0)::int AS invalidated, COALESCE(sum(withdrawn), 0)::int AS withdrawn,
         (SELECT status FROM petitions_petitions WHERE id = $1) AS status,
         (SELECT threshold FROM petitions_petitions WHERE id = $1) AS threshold
       FROM petitions_counters WHERE petition_id = $1`,
      [petitionId],
    )) as SignatureCount[];
    const row = rows[0];
    return {
      counted: Number(row?.counted ?? 0),
      paper: Number(row?.paper ?? 0),
      invalidated: Number(row?.invalidated ?? 0),
      withdrawn: Number(row?.withdrawn ?? 0),
      status: row?.status ?? null,
      threshold: row?.threshold ?? null,
    };
  }

  /** The public list: initials only, newest first. */
  async recentInitials(
    petitionId: string,
    limit: number,
  ): Promise<Array<{ initials: string; signedAt: Date }>> {
    return (await this.db.query(
      `SELECT initials, signed_at AS "signedAt" FROM petitions_signatures
       WHERE petition_id = $1 AND status = 'active' ORDER BY signed_at DESC LIMIT $2`,
      [petitionId, limit],
    )) as Array<{ initials: string; signedAt: Date }>;
  }

  /** Who to tell about a milestone: active signatories who did not opt out, with an account. */
  async notifiableSignatories(petitionId: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT user_id AS "userId" FROM petitions_signatures
       WHERE petition_id = $1 AND status = 'active' AND notify AND user_id IS NOT NULL`,
      [petitionId],
    )) as Array<{ userId: string }>;
    return rows.map((row) => row.userId);
  }

  async setNotify(petitionId: string, userId: string, notify: boolean): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await this.db.query(
        `UPDATE petitions_signatures SET notify = $3 WHERE petition_id = $1 AND user_id = $2 RETURNING id`,
        [petitionId, userId, notify],
      ),
    );
    return rows.length > 0;
  }

  async createPaperList(petitionId: string, label: string, createdBy: string | null): Promise<string | null> {
    const rows = (await this.db.query(
      `INSERT INTO petitions_paper_lists (petition_id, label, created_by) VALUES ($1, $2, $3)
       ON CONFLICT (petition_id, label) DO NOTHING RETURNING id`,
      [petitionId, label, createdBy],
    )) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  async paperLists(petitionId: string): Promise<
    Array<{
      id: string;
      label: string;
      sampleSeed: string | null;
      sampleSize: number | null;
      sampledAt: Date | null;
      signatures: number;
    }>
  > {
    return (await this.db.query(
      `SELECT l.id, l.label, l.sample_seed AS "sampleSeed", l.sample_size AS "sampleSize", l.sampled_at AS "sampledAt",
         (SELECT count(*)::int FROM petitions_signatures s WHERE s.paper_list_id = l.id) AS signatures
       FROM petitions_paper_lists l WHERE l.petition_id = $1 ORDER BY l.created_at`,
      [petitionId],
    )) as Array<{
      id: string;
      label: string;
      sampleSeed: string | null;
      sampleSize: number | null;
      sampledAt: Date | null;
      signatures: number;
    }>;
  }

  async paperList(
    listId: string,
  ): Promise<{ id: string; petitionId: string; label: string; sampleSeed: string | null } | null> {
    if (!/^[0-9a-f-]{36}$/i.test(listId)) {
      return null;
    }
    const rows = (await this.db.query(
      `SELECT id, petition_id AS "petitionId", label, sample_seed AS "sampleSeed" FROM petitions_paper_lists WHERE id = $1`,
      [listId],
    )) as Array<{ id: string; petitionId: string; label: string; sampleSeed: string | null }>;
    return rows[0] ?? null;
  }

  /** A paper signature, counted at once; null when this person already signed (online or on paper). */
  async insertPaper(input: {
    petitionId: string;
    listId: string;
    residentKey: string;
    userId: string | null;
    initials: string;
    signerName: string;
    personalNumberEnc: string;
    address: string;
    signedOn: string;
  }): Promise<string | null> {
    const rows = (await this.db.query(
      `WITH s AS (
         INSERT INTO petitions_signatures (petition_id, resident_key, user_id, source, initials, paper_list_id,
           signer_name, personal_number_enc, address, signed_on, notify)
         VALUES ($1, $2, $3, 'paper', $4, $5, $6, $7, $8, $9, false)
         ON CONFLICT (petition_id, resident_key) DO NOTHING RETURNING id
       ), c AS (
         UPDATE petitions_counters SET counted = counted + 1, paper = paper + 1
         WHERE petition_id = $1 AND shard = $10 AND EXISTS (SELECT 1 FROM s)
       )
       SELECT id FROM s`,
      [
        input.petitionId,
        input.residentKey,
        input.userId,
        input.initials,
        input.listId,
        input.signerName,
        input.personalNumberEnc,
        input.address,
        input.signedOn,
        this.shard(),
      ],
    )) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  async listSignatureIds(listId: string): Promise<string[]> {
    const rows = (await this.db.query(`SELECT id FROM petitions_signatures WHERE paper_list_id = $1`, [
      listId,
    ])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Records the drawn sample once: a second draw of the same list finds the seed set and changes nothing. */
  async recordSample(listId: string, seed: string, ids: string[]): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await this.db.query(
        `UPDATE petitions_paper_lists SET sample_seed = $2, sample_size = $3, sampled_at = now()
         WHERE id = $1 AND sample_seed IS NULL RETURNING id`,
        [listId, seed, ids.length],
      ),
    );
    if (!rows.length) {
      return false;
    }
    await this.db.query(`UPDATE petitions_signatures SET sampled = true WHERE id = ANY($1::uuid[])`, [ids]);
    return true;
  }

  async sampled(listId: string): Promise<SignatureRow[]> {
    return (await this.db.query(
      `SELECT ${SIGNATURE_SELECT} FROM petitions_signatures s WHERE s.paper_list_id = $1 AND s.sampled ORDER BY s.signer_name, s.id`,
      [listId],
    )) as SignatureRow[];
  }

  async markValid(signatureId: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await this.db.query(
        `UPDATE petitions_signatures SET verification = 'valid' WHERE id = $1 AND status = 'active' RETURNING id`,
        [signatureId],
      ),
    );
    return rows.length > 0;
  }

  /** Invalidates an active signature (sample check or staff review) and moves it out of the count. */
  async invalidate(signatureId: string, reason: string): Promise<{ petitionId: string } | null> {
    const rows = rowsOf<{ petitionId: string }>(
      await this.db.query(
        `WITH s AS (
           UPDATE petitions_signatures SET status = 'invalid', verification = 'invalid', invalid_reason = $2
           WHERE id = $1 AND status = 'active' RETURNING petition_id
         ), c AS (
           UPDATE petitions_counters SET counted = counted - 1, invalidated = invalidated + 1
           WHERE petition_id = (SELECT petition_id FROM s) AND shard = $3
         )
         SELECT petition_id AS "petitionId" FROM s`,
        [signatureId, reason, this.shard()],
      ),
    );
    return rows[0] ?? null;
  }

  async flagged(petitionId: string): Promise<SignatureRow[]> {
    return (await this.db.query(
      `SELECT ${SIGNATURE_SELECT} FROM petitions_signatures s
       WHERE s.petition_id = $1 AND s.flag_reason IS NOT NULL AND s.status = 'active' ORDER BY s.signed_at DESC LIMIT 200`,
      [petitionId],
    )) as SignatureRow[];
  }

  /** The Sakrebulo's list of signatories (staff only): names for paper ones, initials for online ones. */
  async forExport(petitionId: string): Promise<SignatureRow[]> {
    return (await this.db.query(
      `SELECT ${SIGNATURE_SELECT} FROM petitions_signatures s WHERE s.petition_id = $1 ORDER BY s.signed_at`,
      [petitionId],
    )) as SignatureRow[];
  }
}
