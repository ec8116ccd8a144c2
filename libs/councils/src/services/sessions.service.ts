import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, FileStore, MunicipalityService, TransactionRunner } from '@chartuloba/platform';
import { CouncilsError, councilsFieldError, notFound } from '../councils.errors';
import { sessionAllows, SessionAction } from '../domain/lifecycle';
import { SIGNED_MINUTES } from '../councils.files';
import { AddAgendaItemDto, CreateSessionDto, PublishMinutesDto } from '../dto/councils.dto';
import { AgendaItemEntity, SessionEntity } from '../entities/councils.entities';
import { CouncilsRepository } from '../repositories/councils.repository';
import { BodiesService } from './bodies.service';
import type { FileInput } from './documents.service';
import { cleanText } from './text';

/** A session's life: planned, announced, held (minutes published) or cancelled. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repo: CouncilsRepository,
    private readonly bodies: BodiesService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly municipality: MunicipalityService,
    private readonly files: FileStore,
  ) {}

  async session(id: string): Promise<SessionEntity> {
    const session = await this.repo.session(id);
    if (!session) {
      throw notFound('councils.session-not-found');
    }
    return session;
  }

  async create(actor: Actor, bodyId: string, dto: CreateSessionDto): Promise<SessionEntity> {
    await this.bodies.assertManages(actor, bodyId);
    const title = cleanText(dto.title, 'title', { required: true, max: 200 });
    const place = cleanText(dto.place, 'place', { max: 300 });
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    if (endsAt && endsAt < startsAt) {
      throw councilsFieldError('councils.invalid', 'endsAt', 'The session ends before it starts');
    }
    if (dto.fieldSettlementId) {
      const settlements = await this.municipality.settlements();
      if (!settlements.some((s) => s.id === dto.fieldSettlementId)) {
        throw councilsFieldError('councils.settlement-unknown', 'fieldSettlementId', 'Unknown village');
      }
    }
    return this.transactions.run(async () => {
      const session = await this.repo.insertSession({
        bodyId,
        title,
        place,
        startsAt,
        endsAt,
        fieldSettlementId: dto.fieldSettlementId ?? null,
      });
      await this.audit.record({
        actor,
        action: 'councils.session-planned',
        subject: { type: 'councils.session', id: session.id },
        summary: `Session planned for ${startsAt.toISOString()}`,
      });
      return session;
    });
  }

  /** Publishes the announcement now; the compliance view compares this moment with the lead time. */
  async announce(actor: Actor, sessionId: string, now = new Date()): Promise<SessionEntity> {
    const session = await this.managed(actor, sessionId, 'announce');
    return this.transactions.run(async () => {
      await this.repo.updateSession(sessionId, { status: 'announced', announcedAt: now });
      await this.audit.record({
        actor,
        action: 'councils.session-announced',
        subject: { type: 'councils.session', id: sessionId },
        summary: 'Session announced',
      });
      return { ...session, status: 'announced', announcedAt: now };
    });
  }

  async cancel(actor: Actor, sessionId: string): Promise<void> {
    await this.managed(actor, sessionId, 'cancel');
    await this.transactions.run(async () => {
      await this.repo.updateSession(sessionId, { status: 'cancelled' });
      const released = await this.repo.releaseMotions(sessionId);
      await this.audit.record({
        actor,
        action: 'councils.session-cancelled',
        subject: { type: 'councils.session', id: sessionId },
        summary: 'Session cancelled',
        data: { motionsBackToPending: released },
      });
    });
  }

  /** An agenda item, or a pending motion put on the agenda (it then belongs to this session's body). */
  async addAgendaItem(actor: Actor, sessionId: string, dto: AddAgendaItemDto): Promise<AgendaItemEntity> {
    const session = await this.managed(actor, sessionId, 'edit-agenda');
    return this.transactions.run(async () => {
      let title = cleanText(dto.title, 'title', { max: 300 });
      if (dto.motionId) {
        const motion = await this.repo.lockMotion(dto.motionId);
        if (!motion) {
          throw notFound('councils.motion-not-found');
        }
        if (motion.status !== 'pending') {
          throw new CouncilsError(
            'councils.motion-not-pending',
            'conflict',
            'The motion is already scheduled',
          );
        }
        if (Object.keys(title).length === 0) {
          title = motion.title;
        }
        await this.repo.updateMotion(motion.id, { status: 'scheduled', bodyId: session.bodyId, sessionId });
      } else if (Object.keys(title).length === 0) {
        throw councilsFieldError('councils.invalid', 'title', 'Write it in at least one language');
      }
      const existing = await this.repo.agenda(sessionId);
      const item = await this.repo.insertAgendaItem({
        sessionId,
        position: existing.reduce((max, i) => Math.max(max, i.position), 0) + 1,
        title,
        motionId: dto.motionId ?? null,
      });
      await this.audit.record({
        actor,
        action: 'councils.agenda-item-added',
        subject: { type: 'councils.session', id: sessionId },
        summary: dto.motionId ? `Motion ${dto.motionId} put on the agenda` : 'Agenda item added',
        data: { agendaItemId: item.id },
      });
      return item;
    });
  }

  /**
   * Minutes, attendance, the decision per agenda item and optionally the signed PDF (`minutesPdf` field);
   * publishing again corrects them (audited), and a new PDF replaces the old one.
   */
  async publishMinutes(
    actor: Actor,
    sessionId: string,
    dto: PublishMinutesDto,
    now = new Date(),
    signedPdf?: FileInput,
  ): Promise<SessionEntity> {
    const session = await this.managed(actor, sessionId, 'publish-minutes', now);
    const text = cleanText(dto.text, 'text', { required: true, max: 20000 });
    const members = await this.repo.members(session.bodyId);
    const unknown = dto.presentMemberIds.filter((id) => !members.some((m) => m.id === id));
    if (unknown.length) {
      throw councilsFieldError('councils.not-a-member', 'presentMemberIds', 'Not a member of this body');
    }
    const agenda = await this.repo.agenda(sessionId);
    const decisions = (dto.decisions ?? []).map((d, index) => {
      if (!agenda.some((item) => item.id === d.agendaItemId)) {
        throw councilsFieldError('councils.invalid', `decisions.${index}.agendaItemId`, 'Not on this agenda');
      }
      return {
        id: d.agendaItemId,
        decision: cleanText(d.decision, `decisions.${index}.decision`, { max: 4000 }),
      };
    });
    const day = session.startsAt.toISOString().slice(0, 10);
    return this.transactions.run(async () => {
      const published = session.minutesPublishedAt ?? now;
      const pdf = signedPdf
        ? await this.files.save({ ...signedPdf, purpose: SIGNED_MINUTES, actor, field: 'minutesPdf' })
        : null;
      await this.repo.updateSession(sessionId, {
        status: 'held',
        minutesText: text,
        minutesPublishedAt: published,
        ...(pdf ? { minutesFileId: pdf.id } : {}),
      });
      if (pdf && session.minutesFileId) {
        await this.files.remove(session.minutesFileId);
      }
      await this.repo.replaceAttendance(
        sessionId,
        members
          .filter((m) => m.termStart <= day && (m.termEnd === null || m.termEnd >= day))
          .map((m) => ({ sessionId, memberId: m.id, present: dto.presentMemberIds.includes(m.id) })),
      );
      for (const d of decisions) {
        await this.repo.updateAgendaItem(d.id, { decision: d.decision });
      }
      await this.audit.record({
        actor,
        action: session.minutesPublishedAt ? 'councils.minutes-corrected' : 'councils.minutes-published',
        subject: { type: 'councils.session', id: sessionId },
        summary: `Minutes with ${dto.presentMemberIds.length} present`,
        data: pdf ? { signedPdf: { fileId: pdf.id, sha256: pdf.sha256, size: pdf.size } } : undefined,
      });
      return {
        ...session,
        status: 'held',
        minutesText: text,
        minutesPublishedAt: published,
        minutesFileId: pdf?.id ?? session.minutesFileId,
      };
    });
  }

  private async managed(
    actor: Actor,
    sessionId: string,
    action: SessionAction,
    now = new Date(),
  ): Promise<SessionEntity> {
    const session = await this.session(sessionId);
    await this.bodies.assertManages(actor, session.bodyId);
    if (!sessionAllows(session.status, action, session.startsAt <= now)) {
      throw new CouncilsError(
        'councils.not-allowed-now',
        'conflict',
        `Cannot ${action} a ${session.status} session`,
      );
    }
    return session;
  }
}
