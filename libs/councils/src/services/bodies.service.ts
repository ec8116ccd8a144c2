import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, TransactionRunner } from '@chartuloba/platform';
import { CouncilsError, councilsFieldError, notFound } from '../councils.errors';
import { CouncilsPolicy } from '../councils.policy';
import { addDays, tbilisiDate } from '../domain/deadlines';
import {
  AddMemberDto,
  AnswerRecommendationDto,
  BodySettingsDto,
  CreateBodyDto,
  CreateRecommendationDto,
} from '../dto/councils.dto';
import { BodyEntity, MemberEntity, RecommendationEntity } from '../entities/councils.entities';
import { CouncilsRepository } from '../repositories/councils.repository';
import { cleanText } from './text';

/** Bodies, their members and settings, and their recommendations register. */
@Injectable()
export class BodiesService {
  constructor(
    private readonly repo: CouncilsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async bodyBySlug(slug: string): Promise<BodyEntity> {
    const body = await this.repo.bodyBySlug(slug);
    if (!body) {
      throw notFound('councils.body-not-found');
    }
    return body;
  }

  async body(id: string): Promise<BodyEntity> {
    const body = await this.repo.body(id);
    if (!body) {
      throw notFound('councils.body-not-found');
    }
    return body;
  }

  /** Throws unless `actor` may run `bodyId` (staff, or its secretary or chair). */
  async assertManages(actor: Actor | undefined, bodyId: string): Promise<BodyEntity> {
    const body = await this.body(bodyId);
    CouncilsPolicy.assert(
      CouncilsPolicy.canManageBody(actor, await this.repo.members(bodyId), tbilisiDate(new Date())),
    );
    return body;
  }

  /** Bodies this actor may run: every body for staff, the bodies whose secretary or chair they are otherwise. */
  async managedBy(actor: Actor | undefined): Promise<BodyEntity[]> {
    const bodies = await this.repo.bodies();
    if (CouncilsPolicy.canManageAll(actor)) {
      return bodies;
    }
    const today = tbilisiDate(new Date());
    const mine = await Promise.all(
      bodies.map(async (body) =>
        CouncilsPolicy.canManageBody(actor, await this.repo.members(body.id), today) ? body : null,
      ),
    );
    return mine.filter((body): body is BodyEntity => body !== null);
  }

  async create(actor: Actor, dto: CreateBodyDto): Promise<BodyEntity> {
    CouncilsPolicy.assert(CouncilsPolicy.canManageAll(actor));
    const name = cleanText(dto.name, 'name', { required: true, max: 200 });
    const description = cleanText(dto.description, 'description', { max: 4000 });
    return this.transactions.run(async () => {
      const created = await this.repo.insertBody({
        slug: dto.slug,
        kind: dto.kind,
        name,
        description,
        parentId: dto.parentId ?? null,
      });
      if (created === 'taken' || created === 'not-member') {
        throw new CouncilsError('councils.slug-taken', 'conflict', 'This address is taken', [
          { field: 'slug', message: 'taken', constraint: 'councils.slug-taken' },
        ]);
      }
      await this.audit.record({
        actor,
        action: 'councils.body-created',
        subject: { type: 'councils.body', id: created.id },
        summary: `Body ${dto.slug} created`,
      });
      return created;
    });
  }

  async updateSettings(actor: Actor, bodyId: string, dto: BodySettingsDto): Promise<BodyEntity> {
    CouncilsPolicy.assert(CouncilsPolicy.canManageAll(actor));
    await this.body(bodyId);
    const values: Partial<BodyEntity> = {
      announcementLeadDays: dto.announcementLeadDays,
      minutesDueDays: dto.minutesDueDays,
      responseDays: dto.responseDays,
      quorumRule: dto.quorumRule,
      majorityRule: dto.majorityRule,
      regulationsUrl: dto.regulationsUrl,
      speakRequest:
        dto.speakRequest === undefined
          ? undefined
          : cleanText(dto.speakRequest, 'speakRequest', { max: 2000 }),
    };
    const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    return this.transactions.run(async () => {
      await this.repo.updateBody(bodyId, changes);
      await this.audit.record({
        actor,
        action: 'councils.body-settings-changed',
        subject: { type: 'councils.body', id: bodyId },
        summary: 'Body settings changed',
        data: changes,
      });
      return this.body(bodyId);
    });
  }

  async addMember(actor: Actor, bodyId: string, dto: AddMemberDto): Promise<MemberEntity> {
    CouncilsPolicy.assert(CouncilsPolicy.canManageAll(actor));
    await this.body(bodyId);
    if (dto.termEnd && dto.termEnd < dto.termStart) {
      throw councilsFieldError('councils.invalid', 'termEnd', 'The term ends before it starts');
    }
    return this.transactions.run(async () => {
      const member = await this.repo.insertMember({
        bodyId,
        userId: dto.userId ?? null,
        name: dto.name.trim(),
        role: dto.role,
        termStart: dto.termStart,
        termEnd: dto.termEnd ?? null,
      });
      await this.audit.record({
        actor,
        action: 'councils.member-added',
        subject: { type: 'councils.body', id: bodyId },
        summary: `${member.name} (${member.role}) added`,
        data: { memberId: member.id, userId: member.userId },
      });
      return member;
    });
  }

  async addRecommendation(
    actor: Actor,
    bodyId: string,
    dto: CreateRecommendationDto,
  ): Promise<RecommendationEntity> {
    const body = await this.assertManages(actor, bodyId);
    const text = cleanText(dto.text, 'text', { required: true, max: 4000 });
    const responseDueOn = dto.responseDueOn ?? addDays(dto.issuedOn, body.responseDays);
    if (responseDueOn < dto.issuedOn) {
      throw councilsFieldError('councils.invalid', 'responseDueOn', 'The deadline is before the issue date');
    }
    return this.transactions.run(async () => {
      const row = await this.repo.insertRecommendation({
        bodyId,
        addressee: dto.addressee.trim(),
        text,
        issuedOn: dto.issuedOn,
        responsibleUnit: dto.responsibleUnit.trim(),
        responseDueOn,
      });
      await this.audit.record({
        actor,
        action: 'councils.recommendation-published',
        subject: { type: 'councils.recommendation', id: row.id },
        summary: `Recommendation to ${row.addressee}, answer due ${responseDueOn}`,
      });
      return row;
    });
  }

  async answerRecommendation(
    actor: Actor,
    id: string,
    dto: AnswerRecommendationDto,
  ): Promise<RecommendationEntity> {
    const row = await this.repo.recommendation(id);
    if (!row) {
      throw notFound('councils.recommendation-not-found');
    }
    await this.assertManages(actor, row.bodyId);
    const answer = cleanText(dto.answer, 'answer', { required: true, max: 4000 });
    return this.transactions.run(async () => {
      await this.repo.updateRecommendation(id, {
        status: dto.status,
        answer,
        answeredOn: dto.answeredOn.slice(0, 10),
      });
      await this.audit.record({
        actor,
        action: 'councils.recommendation-answered',
        subject: { type: 'councils.recommendation', id },
        summary: `Recommendation marked ${dto.status}`,
      });
      return { ...row, status: dto.status, answer, answeredOn: dto.answeredOn.slice(0, 10) };
    });
  }
}
