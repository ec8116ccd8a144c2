import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '@chartuloba/platform';
import {
  AgendaItemEntity,
  AttendanceEntity,
  BodyEntity,
  DocumentEntity,
  MemberEntity,
  MotionEntity,
  RecommendationEntity,
  ReportEntity,
  ReportQuestionEntity,
  SessionEntity,
  VoteEntity,
} from '../entities/councils.entities';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** The only code in councils that touches TypeORM. */
@Injectable()
export class CouncilsRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  private get m() {
    return this.transactions.manager();
  }

  // bodies and members
  bodies(): Promise<BodyEntity[]> {
    return this.m.find(BodyEntity, { order: { createdAt: 'ASC' } });
  }
  body(id: string): Promise<BodyEntity | null> {
    return this.m.findOne(BodyEntity, { where: { id } });
  }
  bodyBySlug(slug: string): Promise<BodyEntity | null> {
    return this.m.findOne(BodyEntity, { where: { slug } });
  }
  firstBodyOfKind(kind: BodyEntity['kind']): Promise<BodyEntity | null> {
    return this.m.findOne(BodyEntity, { where: { kind }, order: { createdAt: 'ASC' } });
  }
  async insertBody(values: Partial<BodyEntity>): Promise<BodyEntity | 'taken' | 'not-member'> {
    return this.guarded('councils_body', async () => {
      const result = await this.m.insert(BodyEntity, values);
      return this.m.findOneOrFail(BodyEntity, {
        where: { id: (result.identifiers[0] as { id: string }).id },
      });
    });
  }
  async updateBody(id: string, values: Partial<BodyEntity>): Promise<void> {
    await this.m.update(BodyEntity, { id }, values);
  }
  members(bodyId: string): Promise<MemberEntity[]> {
    return this.m.find(MemberEntity, { where: { bodyId }, order: { role: 'ASC', name: 'ASC' } });
  }
  membershipsOf(userId: string): Promise<MemberEntity[]> {
    return this.m.find(MemberEntity, { where: { userId } });
  }
  async insertMember(values: Partial<MemberEntity>): Promise<MemberEntity> {
    const result = await this.m.insert(MemberEntity, values);
    return this.m.findOneOrFail(MemberEntity, {
      where: { id: (result.identifiers[0] as { id: string }).id },
    });
  }

  // sessions
  sessions(bodyIds?: string[]): Promise<SessionEntity[]> {
    return this.m.find(SessionEntity, {
      where: bodyIds ? { bodyId: In(bodyIds) } : {},
      order: { startsAt: 'DESC' },
    });
  }
  session(id: string): Promise<SessionEntity | null> {
    return this.m.findOne(SessionEntity, { where: { id } });
  }
  async insertSession(values: Partial<SessionEntity>): Promise<SessionEntity> {
    const result = await this.m.insert(SessionEntity, values);
    return this.m.findOneOrFail(SessionEntity, {
      where: { id: (result.identifiers[0] as { id: string }).id },
    });
  }
  async updateSession(id: string, values: Partial<SessionEntity>): Promise<void> {
    await this.m.update(SessionEntity, { id }, values);
  }
  agenda(sessionId: string): Promise<AgendaItemEntity[]> {
    return this.m.find(AgendaItemEntity, { where: { sessionId }, order: { position: 'ASC' } });
  }
  async insertAgendaItem(values: Partial<AgendaItemEntity>): Promise<AgendaItemEntity> {
    const result = await this.m.insert(AgendaItemEntity, values);
    return this.m.findOneOrFail(AgendaItemEntity, {
      where: { id: (result.identifiers[0] as { id: string }).id },
    });
  }
  async updateAgendaItem(id: string, values: Partial<AgendaItemEntity>): Promise<void> {
    await this.m.update(AgendaItemEntity, { id }, values);
  }
  /**
   * A cancelled session gives back its motions nobody has voted on yet: off its agenda, pending again. A
   * motion with votes stays with the session (its votes belong to that body) for staff to decide.
   */
  async releaseMotions(sessionId: string): Promise<string[]> {
    const motions = await this.m.find(MotionEntity, { where: { sessionId, status: 'scheduled' } });
    const voted = motions.length
      ? await this.m.find(VoteEntity, {
          where: { motionId: In(motions.map((m) => m.id)) },
          select: { motionId: true },
        })
      : [];
    const ids = motions.map((m) => m.id).filter((id) => !voted.some((v) => v.motionId === id));
    if (ids.length) {
      await this.m.update(AgendaItemEntity, { motionId: In(ids) }, { motionId: null });
      await this.m.update(
        MotionEntity,
        { id: In(ids) },
        { status: 'pending', sessionId: null, bodyId: null },
      );
    }
    return ids;
  }
  documents(sessionId: string): Promise<DocumentEntity[]> {
    return this.m.find(DocumentEntity, { where: { sessionId }, order: { createdAt: 'ASC' } });
  }
  document(id: string): Promise<DocumentEntity | null> {
    return this.m.findOne(DocumentEntity, { where: { id } });
  }
  async insertDocument(values: Partial<DocumentEntity>): Promise<DocumentEntity> {
    const result = await this.m.insert(DocumentEntity, values);
    return this.m.findOneOrFail(DocumentEntity, {
      where: { id: (result.identifiers[0] as { id: string }).id },
    });
  }
  async deleteDocument(id: string): Promise<void> {
    await this.m.delete(DocumentEntity, { id });
  }
  attendance(sessionId: string): Promise<AttendanceEntity[]> {
    return this.m.find(AttendanceEntity, { where: { sessionId } });
  }
  async replaceAttendance(sessionId: string, rows: AttendanceEntity[]): Promise<void> {
    await this.m.delete(AttendanceEntity, { sessionId });
    if (rows.length) {
      await this.m.insert(AttendanceEntity, rows);
    }
  }

  // motions and votes
  motion(id: string): Promise<MotionEntity | null> {
    return this.m.findOne(MotionEntity, { where: { id } });
  }
  motionOf(originLib: string, originId: string): Promise<MotionEntity | null> {
    return this.m.findOne(MotionEntity, { where: { originLib, originId } });
  }
  motionsOfSession(sessionId: string): Promise<MotionEntity[]> {
    return this.m.find(MotionEntity, { where: { sessionId } });
  }
  pendingMotions(): Promise<MotionEntity[]> {
    return this.m.find(MotionEntity, { where: { status: 'pending' }, order: { createdAt: 'ASC' } });
  }
  /** Inserts unless (originLib, originId) is already there; the unique key decides under concurrency. */
  async insertMotionIfAbsent(values: Partial<MotionEntity>): Promise<boolean> {
    const result = await this.m
      .createQueryBuilder()
      .insert()
      .into(MotionEntity)
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }
  async updateMotion(id: string, values: Partial<MotionEntity>): Promise<void> {
    await this.m.update(MotionEntity, { id }, values);
  }
  /** Locks the motion row so two tallies or a tally and a late vote cannot interleave. */
  lockMotion(id: string): Promise<MotionEntity | null> {
    return this.m
      .createQueryBuilder(MotionEntity, 'm')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }
  votes(motionId: string): Promise<VoteEntity[]> {
    return this.m.find(VoteEntity, { where: { motionId } });
  }
  /** `taken` when the member already voted on the motion; `not-member` when the keys refuse the member. */
  async insertVote(values: Omit<VoteEntity, 'recordedAt'>): Promise<'inserted' | 'taken' | 'not-member'> {
    const result = await this.guarded('councils_vote', async () => {
      await this.m.insert(VoteEntity, values);
      return 'inserted' as const;
    });
    return result;
  }

  // recommendations and reports
  recommendations(bodyId?: string): Promise<RecommendationEntity[]> {
    return this.m.find(RecommendationEntity, {
      where: bodyId ? { bodyId } : {},
      order: { issuedOn: 'DESC' },
    });
  }
  recommendation(id: string): Promise<RecommendationEntity | null> {
    return this.m.findOne(RecommendationEntity, { where: { id } });
  }
  async insertRecommendation(values: Partial<RecommendationEntity>): Promise<RecommendationEntity> {
    const result = await this.m.insert(RecommendationEntity, values);
    return this.m.findOneOrFail(RecommendationEntity, {
      where: { id: (result.identifiers[0] as { id: string }).id },
    });
  }
  async updateRecommendation(id: string, values: Partial<RecommendationEntity>): Promise<void> {
    await this.m.update(RecommendationEntity, { id }, values);
  }
  reports(bodyId?: string): Promise<ReportEntity[]> {
    return this.m.find(ReportEntity, { where: bodyId ? { bodyId } : {}, order: { year: 'DESC' } });
  }
  report(id: string): Promise<ReportEntity | null> {
    return this.m.findOne(ReportEntity, { where: { id } });
  }
  async insertReport(values: Partial<ReportEntity>): Promise<ReportEntity> {
    const result = await this.m.insert(ReportEntity, values);
    return this.m.findOneOrFail(ReportEntity, {
      where: { id: (result.identifiers[0] as { id: string }).id },
    });
  }
  async updateReport(id: string, values: Partial<ReportEntity>): Promise<void> {
    await this.m.update(ReportEntity, { id }, values);
  }
  questions(reportId: string): Promise<ReportQuestionEntity[]> {
    return this.m.find(ReportQuestionEntity, { where: { reportId }, order: { createdAt: 'ASC' } });
  }
  question(id: string): Promise<ReportQuestionEntity | null> {
    return this.m.findOne(ReportQuestionEntity, { where: { id } });
  }
  async insertQuestion(values: Partial<ReportQuestionEntity>): Promise<ReportQuestionEntity> {
    const result = await this.m.insert(ReportQuestionEntity, values);
    return this.m.findOneOrFail(ReportQuestionEntity, {
      where: { id: (result.identifiers[0] as { id: string }).id },
    });
  }
  async updateQuestion(id: string, values: Partial<ReportQuestionEntity>): Promise<void> {
    await this.m.update(ReportQuestionEntity, { id }, values);
  }
  /** Runs an insert under a savepoint so a key violation leaves the surrounding transaction usable. */
  private async guarded<T>(name: string, work: () => Promise<T>): Promise<T | 'taken' | 'not-member'> {
    const inTx = this.transactions.inTransaction();
    if (inTx) {
      await this.m.query(`SAVEPOINT ${name}`);
    }
    try {
      const result = await work();
      if (inTx) {
        await this.m.query(`RELEASE SAVEPOINT ${name}`);
      }
      return result;
    } catch (error) {
      if (inTx) {
        await this.m.query(`ROLLBACK TO SAVEPOINT ${name}`);
      }
      const code = (error as { code?: string }).code;
      if (code === UNIQUE_VIOLATION) {
        return 'taken';
      }
      if (code === FOREIGN_KEY_VIOLATION) {
        return 'not-member';
      }
      throw error;
    }
  }
}
