import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@chartuloba/platform';
import type { MajorityRule, QuorumRule, VoteChoice } from '../domain/tally';
import type { SessionStatus } from '../domain/lifecycle';
import type { RecommendationStatus } from '../domain/deadlines';

export type BodyKind = 'sakrebulo' | 'commission' | 'mayor-advisory' | 'gender-equality' | 'youth' | 'other';
export const BODY_KINDS: BodyKind[] = [
  'sakrebulo',
  'commission',
  'mayor-advisory',
  'gender-equality',
  'youth',
  'other',
];
export type MemberRole = 'chair' | 'secretary' | 'member';
export type MotionStatus = 'pending' | 'scheduled' | 'decided' | 'withdrawn';
export type ReportKind = 'body-yearly' | 'mayor-public' | 'member-public';

@Entity({ name: 'councils_bodies' })
export class BodyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) slug!: string;
  @Column({ type: 'text' }) kind!: BodyKind;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ type: 'jsonb' }) name!: LocalizedText;
  @Column({ type: 'jsonb', default: {} }) description!: LocalizedText;
  @Column({ name: 'regulations_url', type: 'text', nullable: true }) regulationsUrl!: string | null;
  @Column({ name: 'speak_request', type: 'jsonb', default: {} }) speakRequest!: LocalizedText;
  @Column({ name: 'announcement_lead_days', type: 'integer', default: 5 }) announcementLeadDays!: number;
  @Column({ name: 'minutes_due_days', type: 'integer', default: 14 }) minutesDueDays!: number;
  @Column({ name: 'response_days', type: 'integer', default: 30 }) responseDays!: number;
  @Column({ name: 'quorum_rule', type: 'text', default: 'more-than-half' }) quorumRule!: QuorumRule;
  @Column({ name: 'majority_rule', type: 'text', default: 'of-present' }) majorityRule!: MajorityRule;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

@Entity({ name: 'councils_members' })
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: MemberRole;
  @Column({ name: 'term_start', type: 'date' }) termStart!: string;
  @Column({ name: 'term_end', type: 'date', nullable: true }) termEnd!: string | null;
}

@Entity({ name: 'councils_sessions' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId!: string;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt!: Date | null;
  @Column({ type: 'jsonb', default: {} }) place!: LocalizedText;
  @Column({ name: 'field_settlement_id', type: 'uuid', nullable: true }) fieldSettlementId!: string | null;
  @Column({ type: 'text', default: 'planned' }) status!: SessionStatus;
  @Column({ name: 'announced_at', type: 'timestamptz', nullable: true }) announcedAt!: Date | null;
  @Column({ name: 'minutes_published_at', type: 'timestamptz', nullable: true })
  minutesPublishedAt!: Date | null;
  @Column({ name: 'minutes_text', type: 'jsonb', nullable: true }) minutesText!: LocalizedText | null;
  /** A link from before uploads existed; shown only when there is no uploaded PDF. */
  @Column({ name: 'minutes_url', type: 'text', nullable: true }) minutesUrl!: string | null;
  @Column({ name: 'minutes_file_id', type: 'uuid', nullable: true }) minutesFileId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

@Entity({ name: 'councils_agenda_items' })
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ name: 'motion_id', type: 'uuid', nullable: true }) motionId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) decision!: LocalizedText | null;
}

@Entity({ name: 'councils_documents' })
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  /** An uploaded PDF in the platform file store, or (rows from before uploads) a link: exactly one. */
  @Column({ name: 'file_id', type: 'uuid', nullable: true }) fileId!: string | null;
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

@Entity({ name: 'councils_attendance' })
export class AttendanceEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ type: 'boolean' }) present!: boolean;
}

@Entity({ name: 'councils_motions' })
export class MotionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'origin_lib', type: 'text' }) originLib!: string;
  @Column({ name: 'origin_id', type: 'text' }) originId!: string;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ type: 'jsonb', nullable: true }) summary!: LocalizedText | null;
  @Column({ type: 'text' }) link!: string;
  @Column({ name: 'body_id', type: 'uuid', nullable: true }) bodyId!: string | null;
  @Column({ name: 'session_id', type: 'uuid', nullable: true }) sessionId!: string | null;
  @Column({ type: 'text', default: 'pending' }) status!: MotionStatus;
  @Column({ type: 'text', nullable: true }) outcome!: 'adopted' | 'rejected' | null;
  @Column({ type: 'boolean', nullable: true }) quorate!: boolean | null;
  @Column({ name: 'yes_count', type: 'integer', nullable: true }) yesCount!: number | null;
  @Column({ name: 'no_count', type: 'integer', nullable: true }) noCount!: number | null;
  @Column({ name: 'abstain_count', type: 'integer', nullable: true }) abstainCount!: number | null;
  @Column({ name: 'absent_count', type: 'integer', nullable: true }) absentCount!: number | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

@Entity({ name: 'councils_votes' })
export class VoteEntity {
  @PrimaryColumn({ name: 'motion_id', type: 'uuid' }) motionId!: string;
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId!: string;
  @Column({ type: 'text' }) choice!: VoteChoice;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @Column({ name: 'roll_call', type: 'boolean', default: false }) rollCall!: boolean;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt!: Date;
}

@Entity({ name: 'councils_recommendations' })
export class RecommendationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId!: string;
  @Column({ type: 'text' }) addressee!: string;
  @Column({ type: 'jsonb' }) text!: LocalizedText;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn!: string;
  @Column({ name: 'responsible_unit', type: 'text' }) responsibleUnit!: string;
  @Column({ name: 'response_due_on', type: 'date' }) responseDueOn!: string;
  @Column({ type: 'text', default: 'sent' }) status!: RecommendationStatus;
  @Column({ type: 'jsonb', nullable: true }) answer!: LocalizedText | null;
  @Column({ name: 'answered_on', type: 'date', nullable: true }) answeredOn!: string | null;
}

@Entity({ name: 'councils_reports' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'body_id', type: 'uuid' }) bodyId!: string;
  @Column({ type: 'text' }) kind!: ReportKind;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'text' }) presenter!: string;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true }) scheduledAt!: Date | null;
  @Column({ type: 'jsonb', default: {} }) place!: LocalizedText;
  @Column({ name: 'announced_at', type: 'timestamptz', nullable: true }) announcedAt!: Date | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) text!: LocalizedText | null;
  /** Reports published before uploads keep their link; new ones carry an uploaded PDF. */
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ name: 'file_id', type: 'uuid', nullable: true }) fileId!: string | null;
}

@Entity({ name: 'councils_report_questions' })
export class ReportQuestionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'report_id', type: 'uuid' }) reportId!: string;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId!: string | null;
  @Column({ name: 'author_name', type: 'text' }) authorName!: string;
  @Column({ type: 'text' }) question!: string;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

export const COUNCILS_ENTITIES = [
  BodyEntity,
  MemberEntity,
  SessionEntity,
  AgendaItemEntity,
  DocumentEntity,
  AttendanceEntity,
  MotionEntity,
  VoteEntity,
  RecommendationEntity,
  ReportEntity,
  ReportQuestionEntity,
];
