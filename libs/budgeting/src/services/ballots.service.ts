import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, APP_CONFIG, AppConfig, AuditLog, TransactionRunner } from '@chartuloba/platform';
import { IdentityFacade } from '@chartuloba/identity';
import { budgetingError, BudgetingError } from '../budgeting.errors';
import { BudgetingPolicy } from '../budgeting.policy';
import { withinWindow } from '../domain/cycle-phase';
import { ballotProblem, type BallotChoice } from '../domain/ballot-rules';
import { BallotsRepository } from '../repositories/ballots.repository';
import { CyclesRepository } from '../repositories/cycles.repository';
import type { BallotRow, CycleRow, DistrictRow } from '../repositories/budgeting.rows';
import { normalizeReceipt, receiptOf } from './receipts';

export interface PaperBallotInput {
  districtId: string;
  paperNumber: string;
  personalNumber: string;
  /** When the voter filled it in at the polling station. */
  castAt: Date;
  choices: BallotChoice[];
}

export type PaperOutcome = 'stored' | 'kept-earlier-online' | 'replaced-later-online';

export interface ReceiptCheck {
  found: boolean;
  cycleId?: string;
  districtId?: string;
  channel?: BallotRow['channel'];
  /** True once the ballot's district was tallied: it is among the counted ballots. */
  counted?: boolean;
}

/** Online and paper ballots: one per resident per district per cycle, changeable until voting closes. */
@Injectable()
export class BallotsService {
  constructor(
    private readonly cycles: CyclesRepository,
    private readonly ballots: BallotsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly identity: IdentityFacade,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The districts a resident votes in: their settlement's and the municipality-wide pot. */
  async districtsOf(actor: Actor, cycle: CycleRow): Promise<DistrictRow[]> {
    const residency = await this.identity.residencyOf(actor.id);
    const districts = await this.cycles.districts(cycle.id);
    return districts.filter(
      (d) => d.settlementId === null || (residency && d.settlementId === residency.settlementId),
    );
  }

  async myBallot(actor: Actor, cycleId: string, districtId: string): Promise<BallotRow | null> {
    const key = await this.identity.residentKeyFor(actor);
    return key ? this.ballots.findOfResident(cycleId, districtId, key) : null;
  }

  /** Checks a ballot without storing it; throws the field error the page shows. */
  async check(cycle: CycleRow, district: DistrictRow, choices: BallotChoice[]): Promise<void> {
    const list = await this.cycles.projects(cycle.id, ['shortlisted']);
    const costs = new Map(
      list.filter((p) => p.districtId === district.id).map((p) => [p.id, p.estimatedCost]),
    );
    const problem = ballotProblem(
      { type: cycle.ballotType, k: cycle.ballotK, points: cycle.ballotPoints, budget: district.budget },
      costs,
      choices,
    );
    if (!problem) {
      return;
    }
    const params: Record<string, string | number> =
      problem.code === 'over-budget'
        ? { budget: problem.budget, total: problem.total, over: problem.total - problem.budget }
        : problem.code === 'over-k'
          ? { k: problem.k, chosen: problem.chosen }
          : problem.code === 'points-not-summing'
            ? { expected: problem.expected, given: problem.given }
            : {};
    const messages: Record<typeof problem.code, string> = {
      'unknown-project': 'A chosen project is not on this district’s list',
      'duplicate-project': 'A project is chosen twice',
      'over-k': `Choose at most ${cycle.ballotK} projects`,
      'over-budget': 'The chosen projects cost more than the district budget',
      'points-not-summing': `Give exactly ${cycle.ballotPoints} points in all`,
      'points-invalid': 'Points are whole numbers of at least 1',
    };
    throw budgetingError(`budgeting.${problem.code}`, 'invalid', messages[problem.code], 'projects', params);
  }

  async vote(
    actor: Actor,
    cycleId: string,
    districtId: string,
    choices: BallotChoice[],
    now = new Date(),
  ): Promise<BallotRow> {
    const cycle = await this.cycles.findCycle(cycleId);
    if (!cycle) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such cycle');
    }
    if (cycle.phase !== 'voting') {
      throw budgetingError('budgeting.wrong-phase', 'conflict', 'Voting is not open');
    }
    assertVotingWindow(cycle, now, undefined);
    const residency = await this.identity.residencyOf(actor.id);
    const key = await this.identity.residentKeyFor(actor);
    if (!residency || !key) {
      throw budgetingError('budgeting.not-resident', 'forbidden', 'Only verified residents may vote');
    }
    const year = (cycle.votingFrom ?? new Date()).getUTCFullYear();
    if (
      cycle.minVoterAge > 0 &&
      (residency.birthYear === null || year - residency.birthYear < cycle.minVoterAge)
    ) {
      throw budgetingError(
        'budgeting.too-young',
        'forbidden',
        `Voters must be at least ${cycle.minVoterAge}`,
        undefined,
        {
          age: cycle.minVoterAge,
        },
      );
    }
    const district = (await this.districtsOf(actor, cycle)).find((d) => d.id === districtId);
    if (!district) {
      throw budgetingError('budgeting.district-unknown', 'forbidden', 'You do not vote in this district');
    }
    await this.check(cycle, district, choices);
    const id = randomUUID();
    return this.transactions.run(async () => {
      const stored = await this.ballots.upsertOnline({
        id,
        cycleId,
        districtId,
        residentKey: key,
        projects: choices.map((c) => c.projectId),
        points: cycle.ballotType === 'cumulative' ? choices.map((c) => c.points ?? 0) : null,
        receipt: receiptOf(this.config.appSecret, id),
      });
      if (!stored) {
        throw budgetingError(
          'budgeting.voted-on-paper',
          'conflict',
          'You already voted on paper in this district',
        );
      }
      await this.audit.record({
        action: stored.id === id ? 'budgeting.ballot-cast' : 'budgeting.ballot-changed',
        subject: { type: 'budgeting-ballot', id: stored.id },
        // The audit log never holds the choices: a ballot is secret.
        summary: stored.id === id ? 'Online ballot cast' : 'Online ballot changed',
        data: { cycleId, districtId },
      });
      return stored;
    });
  }

  /**
   * A paper ballot typed in by staff. The same person's online ballot is looked up by the keyed hash of the
   * personal number: the earlier of the two wins, and the meeting is listed for staff either way.
   */
  async enterPaper(
    actor: Actor,
    cycleId: string,
    input: PaperBallotInput,
  ): Promise<{ outcome: PaperOutcome; ballot: BallotRow }> {
    BudgetingPolicy.assert(actor, 'ballots.enter-paper');
    const cycle = await this.cycles.findCycle(cycleId);
    if (!cycle) {
      throw budgetingError('budgeting.not-found', 'not-found', 'No such cycle');
    }
    if (cycle.phase !== 'voting') {
      throw budgetingError('budgeting.wrong-phase', 'conflict', 'Voting is not open');
    }
    // Paper is typed in after the polling day: what counts is when the voter filled it in.
    assertVotingWindow(cycle, input.castAt, 'castAt');
    const district = (await this.cycles.districts(cycleId)).find((d) => d.id === input.districtId);
    if (!district) {
      throw budgetingError('budgeting.district-unknown', 'invalid', 'Unknown district', 'districtId');
    }
    let key: string;
    try {
      key = this.identity.personalNumberHash(input.personalNumber);
    } catch (error) {
      throw budgetingError('budgeting.invalid', 'invalid', (error as Error).message, 'personalNumber');
    }
    await this.check(cycle, district, input.choices);
    return this.transactions.run(async () => {
      // Serialises entries for the same person so two clerks cannot both store one voter's ballots.
      await this.transactions
        .manager()
        .query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${cycleId}:${key}`]);
      // Once per cycle in every outcome, a discarded paper ballot included.
      if (!(await this.ballots.claimPaperNumber(cycleId, input.paperNumber))) {
        throw budgetingError(
          'budgeting.paper-number-used',
          'conflict',
          `Ballot number ${input.paperNumber} is already used in this cycle`,
          'paperNumber',
          { number: input.paperNumber },
        );
      }
      const existing = await this.ballots.findOfResident(cycleId, district.id, key);
      const id = randomUUID();
      const write = {
        id,
        cycleId,
        districtId: district.id,
        residentKey: key,
        paperNumber: input.paperNumber,
        castAt: input.castAt,
        projects: input.choices.map((c) => c.projectId),
        points: cycle.ballotType === 'cumulative' ? input.choices.map((c) => c.points ?? 0) : null,
        receipt: receiptOf(this.config.appSecret, id),
      };
      let outcome: PaperOutcome = 'stored';
      let ballot: BallotRow;
      if (existing && existing.firstCastAt.getTime() <= input.castAt.getTime()) {
        outcome = 'kept-earlier-online';
        ballot = existing;
        await this.ballots.insertConflict({
          cycleId,
          districtId: district.id,
          paperNumber: input.paperNumber,
          keptBallotId: existing.id,
          keptChannel: existing.channel,
          discardedChannel: 'paper',
          discardedCastAt: input.castAt,
        });
      } else {
        if (existing) {
          outcome = 'replaced-later-online';
          await this.ballots.delete(existing.id);
        }
        ballot = await this.ballots.insertPaper(write);
        if (existing) {
          await this.ballots.insertConflict({
            cycleId,
            districtId: district.id,
            paperNumber: input.paperNumber,
            keptBallotId: ballot.id,
            keptChannel: 'paper',
            discardedChannel: existing.channel,
            discardedCastAt: existing.firstCastAt,
          });
        }
      }
      await this.audit.record({
        action: 'budgeting.paper-ballot-entered',
        subject: { type: 'budgeting-ballot', id: ballot.id },
        summary: `Paper ballot ${input.paperNumber} entered (${outcome})`,
        data: { cycleId, districtId: district.id, paperNumber: input.paperNumber, outcome },
      });
      return { outcome, ballot };
    });
  }

  async conflicts(actor: Actor, cycleId: string) {
    BudgetingPolicy.assert(actor, 'ballots.enter-paper');
    return this.ballots.conflicts(cycleId);
  }

  /** What a receipt code says: that a ballot with it exists and whether it was counted, never its choices. */
  async checkReceipt(code: string): Promise<ReceiptCheck> {
    const ballot = await this.ballots.findByReceipt(normalizeReceipt(code));
    if (!ballot) {
      return { found: false };
    }
    const counted = (await this.cycles.results(ballot.cycleId)).some(
      (r) => r.districtId === ballot.districtId,
    );
    return {
      found: true,
      cycleId: ballot.cycleId,
      districtId: ballot.districtId,
      channel: ballot.channel,
      counted,
    };
  }
}

function assertVotingWindow(cycle: CycleRow, at: Date, field: string | undefined): void {
  if (!withinWindow(cycle.votingFrom, cycle.votingUntil, at)) {
    throw budgetingError(
      'budgeting.voting-closed',
      field ? 'invalid' : 'conflict',
      'Ballots are accepted only during the voting period',
      field,
    );
  }
}

export function isBudgetingError(error: unknown): error is BudgetingError {
  return error instanceof BudgetingError;
}
