import { Injectable } from '@nestjs/common';
import {
  Actor,
  AuditLog,
  CouncilMotionRequest,
  CouncilMotions,
  CouncilMotionSummary,
  DomainEvents,
  MOTION_DECIDED,
  MotionDecidedEvent,
  TransactionRunner,
} from '@chartuloba/platform';
import { CouncilsError, notFound } from '../councils.errors';
import { activeOn } from '../councils.policy';
import { tbilisiDate } from '../domain/deadlines';
import { tally, VoteChoice } from '../domain/tally';
import { MotionEntity, VoteEntity } from '../entities/councils.entities';
import { CouncilsRepository } from '../repositories/councils.repository';
import { BodiesService } from './bodies.service';
import { cleanText } from './text';

function summaryOf(motion: MotionEntity): CouncilMotionSummary {
  return { motionId: motion.id, status: motion.status, sessionId: motion.sessionId, outcome: motion.outcome };
}

/**
 * The council-motion port other libs call, and the votes on motions. Councils never writes another lib's
 * tables: the decision goes back as `councils.motion-decided`, in the transaction that records it.
 */
@Injectable()
export class MotionsService implements CouncilMotions {
  constructor(
    private readonly repo: CouncilsRepository,
    private readonly bodies: BodiesService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly events: DomainEvents,
  ) {}

  async propose(request: CouncilMotionRequest): Promise<CouncilMotionSummary> {
    const title = cleanText(request.title, 'title', { required: true, max: 300 });
    const summary = request.summary ? cleanText(request.summary, 'summary', { max: 4000 }) : null;
    return this.transactions.run(async () => {
      const inserted = await this.repo.insertMotionIfAbsent({
        originLib: request.originLib,
        originId: request.originId,
        title,
        summary,
        link: request.link,
      });
      const motion = await this.repo.motionOf(request.originLib, request.originId);
      if (!motion) {
        throw notFound('councils.motion-not-found');
      }
      if (inserted) {
        await this.audit.record({
          action: 'councils.motion-proposed',
          subject: { type: 'councils.motion', id: motion.id },
          summary: `${request.originLib} ${request.originId} put before the council`,
        });
      }
      return summaryOf(motion);
    });
  }

  async statusOf(originLib: string, originId: string): Promise<CouncilMotionSummary | null> {
    const motion = await this.repo.motionOf(originLib, originId);
    return motion ? summaryOf(motion) : null;
  }

  async motion(id: string): Promise<MotionEntity> {
    const motion = await this.repo.motion(id);
    if (!motion) {
      throw notFound('councils.motion-not-found');
    }
    return motion;
  }

  /** A council member's own vote. */
  async vote(actor: Actor, motionId: string, choice: VoteChoice): Promise<void> {
    await this.transactions.run(async () => {
      const motion = await this.openMotion(motionId);
      const today = tbilisiDate(new Date());
      const member = (await this.repo.membershipsOf(actor.id)).find(
        (m) => m.bodyId === motion.bodyId && activeOn(m, today),
      );
      if (!member || !actor.roles.includes('council_member')) {
        throw new CouncilsError('councils.not-a-member', 'forbidden', 'Only members of this body vote');
      }
      await this.insertVote(actor, motion, member.id, choice, false);
    });
  }

  /** The secretary records the roll call: each named member's vote. */
  async rollCall(
    actor: Actor,
    motionId: string,
    votes: Array<{ memberId: string; choice: VoteChoice }>,
  ): Promise<void> {
    const found = await this.motion(motionId);
    if (found.bodyId) {
      await this.bodies.assertManages(actor, found.bodyId);
    }
    await this.transactions.run(async () => {
      const motion = await this.openMotion(motionId);
      const today = tbilisiDate(new Date());
      const members = (await this.repo.members(motion.bodyId)).filter((m) => activeOn(m, today));
      for (const vote of votes) {
        if (!members.some((m) => m.id === vote.memberId)) {
          throw new CouncilsError('councils.not-a-member', 'forbidden', 'Only members of this body vote');
        }
        await this.insertVote(actor, motion, vote.memberId, vote.choice, true);
      }
    });
  }

  /**
   * Closes the vote: tallies it by the body's rules, records the result and tells the originating lib.
   * Refused while the votes cast fall short of the body's quorum.
   */
  async decide(actor: Actor, motionId: string, now = new Date()): Promise<MotionEntity> {
    const found = await this.motion(motionId);
    if (!found.bodyId) {
      throw new CouncilsError('councils.motion-not-open', 'conflict', 'The motion is on no agenda');
    }
    const body = await this.bodies.assertManages(actor, found.bodyId);
    return this.transactions.run(async () => {
      const motion = await this.openMotion(motionId);
      const session = motion.sessionId ? await this.repo.session(motion.sessionId) : null;
      const day = tbilisiDate(session?.startsAt ?? now);
      const members = (await this.repo.members(body.id)).filter((m) => activeOn(m, day));
      const votes = await this.repo.votes(motionId);
      const count = (choice: VoteChoice) => votes.filter((v) => v.choice === choice).length;
      const result = tally(
        { yes: count('yes'), no: count('no'), abstain: count('abstain') },
        Math.max(members.length, votes.length),
        body.quorumRule,
        body.majorityRule,
      );
      if (!result.quorate) {
        // Without quorum the Sakrebulo has decided nothing: closing here would hand the originating lib a
        // "rejected" it never voted (a petition answered, a shortlist blocked for good). The vote stays open.
        throw new CouncilsError(
          'councils.no-quorum',
          'conflict',
          `No quorum: ${result.present} members have voted and ${result.quorumNeeded} are needed; the vote stays open`,
          undefined,
          { present: result.present, needed: result.quorumNeeded },
        );
      }
      const decided: Partial<MotionEntity> = {
        status: 'decided',
        outcome: result.outcome,
        quorate: result.quorate,
        yesCount: result.yes,
        noCount: result.no,
        abstainCount: result.abstain,
        absentCount: result.absent,
        decidedAt: now,
      };
      await this.repo.updateMotion(motionId, decided);
      await this.audit.record({
        actor,
        action: 'councils.motion-decided',
        subject: { type: 'councils.motion', id: motionId },
        summary: `${result.outcome}: ${result.yes} yes, ${result.no} no, ${result.abstain} abstain, ${result.absent} absent`,
        data: { ...result },
      });
      const event: MotionDecidedEvent = {
        type: MOTION_DECIDED,
        motionId,
        originLib: motion.originLib,
        originId: motion.originId,
        outcome: result.outcome,
        votes: { yes: result.yes, no: result.no, abstain: result.abstain, absent: result.absent },
        sessionId: motion.sessionId,
        decidedAt: now.toISOString(),
      };
      await this.events.publish(event);
      return { ...motion, ...decided };
    });
  }

  private async openMotion(motionId: string): Promise<MotionEntity & { bodyId: string }> {
    const motion = await this.repo.lockMotion(motionId);
    if (!motion) {
      throw notFound('councils.motion-not-found');
    }
    if (motion.status !== 'scheduled' || !motion.bodyId) {
      throw new CouncilsError('councils.motion-not-open', 'conflict', 'This motion is not open for votes');
    }
    return motion as MotionEntity & { bodyId: string };
  }

  private async insertVote(
    actor: Actor,
    motion: MotionEntity & { bodyId: string },
    memberId: string,
    choice: VoteChoice,
    rollCall: boolean,
  ): Promise<void> {
    const row: Omit<VoteEntity, 'recordedAt'> = {
      motionId: motion.id,
      bodyId: motion.bodyId,
      memberId,
      choice,
      recordedBy: actor.id,
      rollCall,
    };
    const result = await this.repo.insertVote(row);
    if (result === 'taken') {
      throw new CouncilsError('councils.already-voted', 'conflict', 'This member has already voted');
    }
    if (result === 'not-member') {
      throw new CouncilsError('councils.not-a-member', 'forbidden', 'Only members of this body vote');
    }
    await this.audit.record({
      actor,
      action: 'councils.vote-recorded',
      subject: { type: 'councils.motion', id: motion.id },
      summary: `${choice} by member ${memberId}${rollCall ? ' (roll call)' : ''}`,
    });
  }
}
