import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@chartuloba/platform';
import type {
  CycleRow,
  DistrictRow,
  ProjectReview,
  ProjectRow,
  ProjectStatusName,
  StoredResult,
  UpdateRow,
} from './budgeting.rows';

const CYCLE_COLUMNS = `id, title, rules, units_per_currency AS "unitsPerCurrency", currency,
  total_budget::text AS "totalBudget", max_project_cost::text AS "maxProjectCost", categories,
  propose_requires_resident AS "proposeRequiresResident", min_voter_age AS "minVoterAge",
  ballot_type AS "ballotType", ballot_k AS "ballotK", ballot_points AS "ballotPoints",
  outcome_rule AS "outcomeRule", min_score AS "minScore", tie_break AS "tieBreak",
  needs_council AS "needsCouncil", council_motion_id AS "councilMotionId", council_outcome AS "councilOutcome",
  phase, proposals_from AS "proposalsFrom", review_from AS "reviewFrom", voting_from AS "votingFrom",
  voting_until AS "votingUntil", imported, pb_meta AS "pbMeta", created_at AS "createdAt"`;

const PROJECT_COLUMNS = `p.id, p.cycle_id AS "cycleId", p.district_id AS "districtId", p.code, p.author_id AS "authorId",
  p.title, p.description, p.category, p.location, p.estimated_cost::text AS "estimatedCost", p.status, p.review,
  p.rejection_reason AS "rejectionReason", p.merged_into AS "mergedInto",
  p.implementation_status AS "implementationStatus", p.progress, p.spent::text AS spent,
  (SELECT count(*) FROM budgeting_supports s WHERE s.project_id = p.id)::int AS supports,
  p.created_at AS "createdAt"`;

type Raw<T> = { [K in keyof T]: unknown };

function num(value: unknown): number {
  return Number(value);
}

function cycleOf(raw: Raw<CycleRow>): CycleRow {
  const row = raw as unknown as CycleRow;
  return {
    ...row,
    totalBudget: num(raw.totalBudget),
    maxProjectCost: raw.maxProjectCost === null ? null : num(raw.maxProjectCost),
    proposalsFrom: dateOf(raw.proposalsFrom),
    reviewFrom: dateOf(raw.reviewFrom),
    votingFrom: dateOf(raw.votingFrom),
    votingUntil: dateOf(raw.votingUntil),
    createdAt: new Date(raw.createdAt as string),
  };
}

function dateOf(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(value as string);
}

function projectOf(raw: Raw<ProjectRow>): ProjectRow {
  return {
    ...(raw as unknown as ProjectRow),
    estimatedCost: num(raw.estimatedCost),
    spent: num(raw.spent),
    createdAt: new Date(raw.createdAt as string),
  };
}

export type NewCycle = Omit<
  CycleRow,
  'id' | 'phase' | 'councilMotionId' | 'councilOutcome' | 'createdAt' | 'imported' | 'pbMeta'
> & { phase?: CycleRow['phase']; imported?: boolean; pbMeta?: Record<string, string> | null };

/** Cycles, districts, projects, results and implementation updates. */
@Injectable()
export class CyclesRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  private async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.transactions.manager().query(sql, params)) as T[];
  }

  async insertCycle(cycle: NewCycle): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO budgeting_cycles (title, rules, units_per_currency, currency, total_budget, max_project_cost,
         categories, propose_requires_resident, min_voter_age, ballot_type, ballot_k, ballot_points, outcome_rule,
         min_score, tie_break, needs_council, phase, proposals_from, review_from, voting_from, voting_until,
         imported, pb_meta)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
       RETURNING id`,
      [
        JSON.stringify(cycle.title),
        JSON.stringify(cycle.rules),
        cycle.unitsPerCurrency,
        cycle.currency,
        cycle.totalBudget,
        cycle.maxProjectCost,
        JSON.stringify(cycle.categories),
        cycle.proposeRequiresResident,
        cycle.minVoterAge,
        cycle.ballotType,
        cycle.ballotK,
        cycle.ballotPoints,
        cycle.outcomeRule,
        cycle.minScore,
        cycle.tieBreak,
        cycle.needsCouncil,
        cycle.phase ?? 'proposals',
        cycle.proposalsFrom,
        cycle.reviewFrom,
        cycle.votingFrom,
        cycle.votingUntil,
        cycle.imported ?? false,
        cycle.pbMeta ? JSON.stringify(cycle.pbMeta) : null,
      ],
    );
    return row!.id;
  }

  async findCycle(id: string, lock = false): Promise<CycleRow | null> {
    const [row] = await this.query<Raw<CycleRow>>(
      `SELECT ${CYCLE_COLUMNS} FROM budgeting_cycles WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ? cycleOf(row) : null;
  }

  /**
   * The cycle's phase, held until the transaction ends: a share lock lets other readers through but makes
   * a phase change (which locks the row for update) wait, so what was checked stays true until commit.
   */
  async holdPhase(id: string): Promise<CycleRow['phase'] | null> {
    const [row] = await this.query<{ phase: CycleRow['phase'] }>(
      `SELECT phase FROM budgeting_cycles WHERE id = $1 FOR SHARE`,
      [id],
    );
    return row?.phase ?? null;
  }

  /** Where residents can act now first (voting, then proposals), then finished ones; research imports last. */
  async listCycles(): Promise<CycleRow[]> {
    const rows = await this.query<Raw<CycleRow>>(
      `SELECT ${CYCLE_COLUMNS} FROM budgeting_cycles
       ORDER BY imported,
         CASE phase WHEN 'voting' THEN 0 WHEN 'proposals' THEN 1 WHEN 'review' THEN 2 WHEN 'council' THEN 3
           ELSE 4 END,
         created_at DESC
       LIMIT 200`,
    );
    return rows.map(cycleOf);
  }

  /** Cycles whose next date has passed (the recurring job re-checks each under a lock). */
  async dueToAdvance(now: Date): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `SELECT id FROM budgeting_cycles
       WHERE NOT imported AND ((phase = 'proposals' AND review_from <= $1)
          OR (phase = 'review' AND NOT needs_council AND voting_from <= $1)
          OR (phase = 'voting' AND voting_until <= $1))`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  async setPhase(id: string, phase: CycleRow['phase']): Promise<void> {
    await this.query(`UPDATE budgeting_cycles SET phase = $2, updated_at = now() WHERE id = $1`, [id, phase]);
  }

  async setCouncil(id: string, motionId: string | null, outcome: CycleRow['councilOutcome']): Promise<void> {
    await this.query(
      `UPDATE budgeting_cycles SET council_motion_id = coalesce($2, council_motion_id), council_outcome = $3,
         updated_at = now() WHERE id = $1`,
      [id, motionId, outcome],
    );
  }

  async insertDistrict(d: Omit<DistrictRow, 'id'>): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO budgeting_districts (cycle_id, settlement_id, name, budget) VALUES ($1, $2, $3, $4) RETURNING id`,
      [d.cycleId, d.settlementId, JSON.stringify(d.name), d.budget],
    );
    return row!.id;
  }

  /** An edited cycle's settings; phase, council and import fields are not staff settings and stay. */
  async updateCycle(id: string, c: Omit<NewCycle, 'unitsPerCurrency' | 'currency'>): Promise<void> {
    await this.query(
      `UPDATE budgeting_cycles SET title = $2, rules = $3, total_budget = $4, max_project_cost = $5,
         categories = $6, propose_requires_resident = $7, min_voter_age = $8, ballot_type = $9, ballot_k = $10,
         ballot_points = $11, outcome_rule = $12, min_score = $13, tie_break = $14, needs_council = $15,
         proposals_from = $16, review_from = $17, voting_from = $18, voting_until = $19, updated_at = now()
       WHERE id = $1`,
      [
        id,
        JSON.stringify(c.title),
        JSON.stringify(c.rules),
        c.totalBudget,
        c.maxProjectCost,
        JSON.stringify(c.categories),
        c.proposeRequiresResident,
        c.minVoterAge,
        c.ballotType,
        c.ballotK,
        c.ballotPoints,
        c.outcomeRule,
        c.minScore,
        c.tieBreak,
        c.needsCouncil,
        c.proposalsFrom,
        c.reviewFrom,
        c.votingFrom,
        c.votingUntil,
      ],
    );
  }

  /**
   * Makes a cycle's districts exactly `wanted` (one per settlement, `null` the municipality-wide pot):
   * kept ones are updated in place so their ids (export links, projects) stay, the rest added or removed.
   */
  async setDistricts(cycleId: string, wanted: Omit<DistrictRow, 'id' | 'cycleId'>[]): Promise<void> {
    const existing = await this.districts(cycleId);
    for (const d of existing) {
      const keep = wanted.find((w) => w.settlementId === d.settlementId);
      if (keep) {
        await this.query(`UPDATE budgeting_districts SET name = $2, budget = $3 WHERE id = $1`, [
          d.id,
          JSON.stringify(keep.name),
          keep.budget,
        ]);
      } else {
        await this.query(`DELETE FROM budgeting_districts WHERE id = $1`, [d.id]);
      }
    }
    for (const w of wanted.filter((w) => !existing.some((d) => d.settlementId === w.settlementId))) {
      await this.insertDistrict({ ...w, cycleId });
    }
  }

  async districts(cycleId: string): Promise<DistrictRow[]> {
    const rows = await this.query<Raw<DistrictRow>>(
      `SELECT id, cycle_id AS "cycleId", settlement_id AS "settlementId", name, budget::text AS budget
       FROM budgeting_districts WHERE cycle_id = $1 ORDER BY settlement_id NULLS FIRST, name->>'en'`,
      [cycleId],
    );
    return rows.map((r) => ({ ...(r as unknown as DistrictRow), budget: num(r.budget) }));
  }

  async insertProject(
    p: Pick<
      ProjectRow,
      | 'cycleId'
      | 'districtId'
      | 'authorId'
      | 'title'
      | 'description'
      | 'category'
      | 'location'
      | 'estimatedCost'
    > & { code?: string; status?: ProjectStatusName },
  ): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO budgeting_projects (cycle_id, district_id, code, author_id, title, description, category,
         location, estimated_cost, status)
       VALUES ($1, $2, coalesce($3, (SELECT 'P' || lpad((count(*) + 1)::text, 3, '0') FROM budgeting_projects
         WHERE cycle_id = $1)), $4, $5, $6, $7, $8, $9, $10)
       RETURNING id`,
      [
        p.cycleId,
        p.districtId,
        p.code ?? null,
        p.authorId,
        JSON.stringify(p.title),
        JSON.stringify(p.description),
        p.category,
        p.location,
        p.estimatedCost,
        p.status ?? 'proposed',
      ],
    );
    return row!.id;
  }

  async findProject(id: string): Promise<ProjectRow | null> {
    const [row] = await this.query<Raw<ProjectRow>>(
      `SELECT ${PROJECT_COLUMNS} FROM budgeting_projects p WHERE p.id = $1`,
      [id],
    );
    return row ? projectOf(row) : null;
  }

  async projects(cycleId: string, statuses?: ProjectStatusName[]): Promise<ProjectRow[]> {
    const rows = await this.query<Raw<ProjectRow>>(
      `SELECT ${PROJECT_COLUMNS} FROM budgeting_projects p
       WHERE p.cycle_id = $1 AND ($2::text[] IS NULL OR p.status = ANY($2)) ORDER BY p.code`,
      [cycleId, statuses ?? null],
    );
    return rows.map(projectOf);
  }

  async reviewCounts(cycleId: string): Promise<{ pending: number; shortlisted: number }> {
    const [row] = await this.query<{ pending: number; shortlisted: number }>(
      `SELECT count(*) FILTER (WHERE status = 'proposed')::int AS pending,
              count(*) FILTER (WHERE status = 'shortlisted')::int AS shortlisted
       FROM budgeting_projects WHERE cycle_id = $1`,
      [cycleId],
    );
    return row!;
  }

  async reviewProject(
    id: string,
    status: ProjectStatusName,
    review: ProjectReview | null,
    reason: unknown,
  ): Promise<void> {
    await this.query(
      `UPDATE budgeting_projects SET status = $2, review = $3,
         estimated_cost = coalesce(($3::jsonb->>'costEstimate')::bigint, estimated_cost), rejection_reason = $4
       WHERE id = $1`,
      [id, status, review ? JSON.stringify(review) : null, reason ? JSON.stringify(reason) : null],
    );
  }

  async support(projectId: string, userId: string): Promise<void> {
    await this.query(
      `INSERT INTO budgeting_supports (project_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [projectId, userId],
    );
  }

  async saveResult(cycleId: string, districtId: string, result: unknown): Promise<void> {
    await this.query(
      `INSERT INTO budgeting_results (cycle_id, district_id, result) VALUES ($1, $2, $3)
       ON CONFLICT (cycle_id, district_id) DO UPDATE SET result = EXCLUDED.result, tallied_at = now()`,
      [cycleId, districtId, JSON.stringify(result)],
    );
  }

  async results(cycleId: string): Promise<StoredResult[]> {
    return this.query(
      `SELECT district_id AS "districtId", result, tallied_at AS "talliedAt" FROM budgeting_results
       WHERE cycle_id = $1`,
      [cycleId],
    );
  }

  /** `createdAt` only for history written after the fact (the demo's 2024 cycle); live updates are dated now. */
  async addUpdate(u: Omit<UpdateRow, 'id' | 'createdAt'> & { createdAt?: Date }): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO budgeting_updates (project_id, status, progress, spent, note, created_at)
       VALUES ($1, $2, $3, $4, $5, coalesce($6, now())) RETURNING id`,
      [u.projectId, u.status, u.progress, u.spent, JSON.stringify(u.note), u.createdAt ?? null],
    );
    await this.query(
      `UPDATE budgeting_projects SET implementation_status = $2, progress = $3, spent = $4 WHERE id = $1`,
      [u.projectId, u.status, u.progress, u.spent],
    );
    return row!.id;
  }

  async updates(cycleId: string): Promise<UpdateRow[]> {
    const rows = await this.query<Raw<UpdateRow>>(
      `SELECT u.id, u.project_id AS "projectId", u.status, u.progress, u.spent::text AS spent, u.note,
              u.created_at AS "createdAt"
       FROM budgeting_updates u JOIN budgeting_projects p ON p.id = u.project_id
       WHERE p.cycle_id = $1 ORDER BY u.created_at DESC`,
      [cycleId],
    );
    return rows.map((r) => ({
      ...(r as unknown as UpdateRow),
      spent: num(r.spent),
      createdAt: new Date(r.createdAt as string),
    }));
  }
}
