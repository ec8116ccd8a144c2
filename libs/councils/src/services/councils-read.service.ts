import { Injectable } from '@nestjs/common';
import { FileStore, MunicipalityService, Settlement, StoredFile } from '@chartuloba/platform';
import { notFound } from '../councils.errors';
import {
  announcementDeadline,
  AnnouncementStatus,
  announcementStatus,
  minutesDeadline,
  MinutesStatus,
  minutesStatus,
  publicReportOverdue,
  recommendationOverdue,
  tbilisiDate,
} from '../domain/deadlines';
import {
  AgendaItemEntity,
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
import { documentsArePublic } from '../domain/lifecycle';
import { CouncilsRepository } from '../repositories/councils.repository';

export interface SessionFlags {
  announcement: AnnouncementStatus;
  announcementDue: Date;
  minutes: MinutesStatus | 'not-applicable';
  minutesDue: Date;
}

export interface SessionSummary {
  session: SessionEntity;
  body: BodyEntity;
  flags: SessionFlags;
  settlement: Settlement | null;
}

export interface MotionView {
  motion: MotionEntity;
  votes: Array<VoteEntity & { memberName: string }>;
}

export interface SessionView extends SessionSummary {
  agenda: Array<AgendaItemEntity & { motion: MotionView | null }>;
  documents: DocumentView[];
  /** The signed minutes PDF, when one was uploaded. */
  minutesFile: StoredFile | null;
  /** Whether visitors may see and download the papers (documentsArePublic). */
  documentsPublic: boolean;
  attendance: Array<{ member: MemberEntity; present: boolean }>;
  members: MemberEntity[];
}

/** A session paper: an uploaded file, or a link kept from before uploads. */
export interface DocumentView extends DocumentEntity {
  file: StoredFile | null;
}

export interface RecommendationView extends RecommendationEntity {
  overdue: boolean;
}

export interface ReportView {
  report: ReportEntity;
  /** The uploaded PDF of a published report (older reports may have only `report.url`). */
  file: StoredFile | null;
  questions: ReportQuestionEntity[];
  overdue: boolean;
}

export interface Compliance {
  bodyId: string;
  year: number;
  sessionsPlanned: number;
  sessionsHeld: number;
  fieldSessions: number;
  announcementsOnTime: number;
  announcementsLate: number;
  announcementsMissing: number;
  minutesPublished: number;
  minutesLate: number;
  minutesMissing: number;
  recommendationsPublished: number;
  recommendationsOverdue: number;
  reportPublished: boolean;
  publicReportsHeld: number;
  publicReportsOverdue: number;
}

export function flagsOf(session: SessionEntity, body: BodyEntity, now: Date): SessionFlags {
  const cancelled = session.status === 'cancelled';
  return {
    announcement: announcementStatus(session.startsAt, session.announcedAt, body.announcementLeadDays, now),
    announcementDue: announcementDeadline(session.startsAt, body.announcementLeadDays),
    minutes: cancelled
      ? 'not-applicable'
      : minutesStatus(session.startsAt, session.minutesPublishedAt, body.minutesDueDays, now),
    minutesDue: minutesDeadline(session.startsAt, body.minutesDueDays),
  };
}

/** Everything the public pages, feeds and the compliance view read. */
@Injectable()
export class CouncilsReadService {
  constructor(
    private readonly repo: CouncilsRepository,
    private readonly municipality: MunicipalityService,
    private readonly files: FileStore,
  ) {}

  bodies(): Promise<BodyEntity[]> {
    return this.repo.bodies();
  }

  members(bodyId: string): Promise<MemberEntity[]> {
    return this.repo.members(bodyId);
  }

  pendingMotions(): Promise<MotionEntity[]> {
    return this.repo.pendingMotions();
  }

  /** Sessions of the given bodies (all when none), newest first, with their flags. */
  async sessions(bodyIds?: string[], now = new Date()): Promise<SessionSummary[]> {
    const [bodies, sessions, settlements] = await Promise.all([
      this.repo.bodies(),
      this.repo.sessions(bodyIds),
      this.settlements(),
    ]);
    const byId = new Map(bodies.map((b) => [b.id, b]));
    return sessions.flatMap((session) => {
      const body = byId.get(session.bodyId);
      return body
        ? [
            {
              session,
              body,
              flags: flagsOf(session, body, now),
              settlement: settlements.find((s) => s.id === session.fieldSettlementId) ?? null,
            },
          ]
        : [];
    });
  }

  async session(id: string, now = new Date()): Promise<SessionView> {
    const session = await this.repo.session(id);
    const body = session ? await this.repo.body(session.bodyId) : null;
    if (!session || !body) {
      throw notFound('councils.session-not-found');
    }
    const [agenda, documents, attendance, members, motions, settlements] = await Promise.all([
      this.repo.agenda(id),
      this.repo.documents(id),
      this.repo.attendance(id),
      this.repo.members(body.id),
      this.repo.motionsOfSession(id),
      this.settlements(),
    ]);
    const files = await this.files.describe(
      [...documents.map((d) => d.fileId), session.minutesFileId].filter((id): id is string => !!id),
    );
    const nameOf = (memberId: string) => members.find((m) => m.id === memberId)?.name ?? '';
    const motionViews = new Map<string, MotionView>();
    for (const motion of motions) {
      const votes = await this.repo.votes(motion.id);
      motionViews.set(motion.id, {
        motion,
        votes: votes
          .map((v) => ({ ...v, memberName: nameOf(v.memberId) }))
          .sort((a, b) => a.memberName.localeCompare(b.memberName)),
      });
    }
    return {
      session,
      body,
      flags: flagsOf(session, body, now),
      settlement: settlements.find((s) => s.id === session.fieldSettlementId) ?? null,
      agenda: agenda.map((item) => ({
        ...item,
        motion: item.motionId ? (motionViews.get(item.motionId) ?? null) : null,
      })),
      documents: documents.map((d) => ({ ...d, file: d.fileId ? (files.get(d.fileId) ?? null) : null })),
      minutesFile: session.minutesFileId ? (files.get(session.minutesFileId) ?? null) : null,
      documentsPublic: documentsArePublic(session),
      attendance: attendance.flatMap((row) => {
        const member = members.find((m) => m.id === row.memberId);
        return member ? [{ member, present: row.present }] : [];
      }),
      members,
    };
  }

  async recommendations(bodyId?: string, now = new Date()): Promise<RecommendationView[]> {
    return (await this.repo.recommendations(bodyId)).map((r) => ({
      ...r,
      overdue: recommendationOverdue(r.status, r.responseDueOn, now),
    }));
  }

  async reports(bodyId: string, now = new Date()): Promise<ReportView[]> {
    const reports = await this.repo.reports(bodyId);
    return Promise.all(reports.map((report) => this.reportView(report, now)));
  }

  async report(id: string, now = new Date()): Promise<ReportView> {
    const report = await this.repo.report(id);
    if (!report) {
      throw notFound('councils.report-not-found');
    }
    return this.reportView(report, now);
  }

  async compliance(body: BodyEntity, year: number, now = new Date()): Promise<Compliance> {
    const inYear = (d: Date) => tbilisiDate(d).startsWith(`${year}-`);
    const sessions = (await this.repo.sessions([body.id])).filter(
      (s) => s.status !== 'cancelled' && inYear(s.startsAt),
    );
    const flags = sessions.map((s) => ({ s, f: flagsOf(s, body, now) }));
    const count = (test: (x: (typeof flags)[number]) => boolean) => flags.filter(test).length;
    const recommendations = (await this.recommendations(body.id, now)).filter((r) =>
      r.issuedOn.startsWith(`${year}-`),
    );
    const reports = (await this.repo.reports(body.id)).filter((r) => r.year === year);
    const publicReports = reports.filter((r) => r.kind !== 'body-yearly');
    return {
      bodyId: body.id,
      year,
      sessionsPlanned: sessions.length,
      sessionsHeld: count(({ s }) => s.startsAt <= now),
      fieldSessions: count(({ s }) => s.startsAt <= now && s.fieldSettlementId !== null),
      announcementsOnTime: count(({ f }) => f.announcement === 'on-time'),
      announcementsLate: count(({ f }) => f.announcement === 'late'),
      announcementsMissing: count(({ f }) => f.announcement === 'missing'),
      minutesPublished: count(({ f }) => f.minutes === 'published' || f.minutes === 'published-late'),
      minutesLate: count(({ f }) => f.minutes === 'published-late'),
      minutesMissing: count(({ f }) => f.minutes === 'missing'),
      recommendationsPublished: recommendations.length,
      recommendationsOverdue: recommendations.filter((r) => r.overdue).length,
      reportPublished: reports.some((r) => r.kind === 'body-yearly' && r.publishedAt !== null),
      publicReportsHeld: publicReports.filter((r) => r.publishedAt !== null).length,
      publicReportsOverdue: publicReports.filter((r) =>
        publicReportOverdue(r.year, r.publishedAt ? tbilisiDate(r.publishedAt) : null, now),
      ).length,
    };
  }

  private async reportView(report: ReportEntity, now: Date): Promise<ReportView> {
    const files = report.fileId ? await this.files.describe([report.fileId]) : new Map<string, StoredFile>();
    return {
      report,
      file: report.fileId ? (files.get(report.fileId) ?? null) : null,
      questions: await this.repo.questions(report.id),
      overdue:
        report.kind !== 'body-yearly' &&
        publicReportOverdue(report.year, report.publishedAt ? tbilisiDate(report.publishedAt) : null, now),
    };
  }

  private async settlements(): Promise<Settlement[]> {
    return (await this.municipality.exists()) ? this.municipality.settlements() : [];
  }
}
