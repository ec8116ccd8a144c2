import type { LocalizedText } from '@chartuloba/platform';
import type { AnswerOutcome, PetitionKind, PetitionStatus } from '../domain/lifecycle';

export interface ThresholdBasis {
  registeredVoters: number;
  asOf: string;
  source: string;
}

/** A petition as the lib reads it (read model over petitions_petitions). */
export interface Petition {
  id: string;
  kind: PetitionKind;
  origin: 'online' | 'general-assembly';
  status: PetitionStatus;
  title: LocalizedText;
  body: LocalizedText;
  authorId: string | null;
  authorName: string;
  settlementId: string | null;
  assemblyMinutes: string | null;
  moderationNote: string | null;
  threshold: number | null;
  thresholdBasis: ThresholdBasis | null;
  closesAt: Date | null;
  submittedAt: Date | null;
  openedAt: Date | null;
  thresholdReachedAt: Date | null;
  halfReachedAt: Date | null;
  registrationDueAt: Date | null;
  registeredAt: Date | null;
  registrationNumber: string | null;
  considerationDueAt: Date | null;
  considerationStartedAt: Date | null;
  motionId: string | null;
  answeredAt: Date | null;
  answerOutcome: AnswerOutcome | null;
  answerText: LocalizedText | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS: Record<keyof Petition, string> = {
  id: 'id',
  kind: 'kind',
  origin: 'origin',
  status: 'status',
  title: 'title',
  body: 'body',
  authorId: 'author_id',
  authorName: 'author_name',
  settlementId: 'settlement_id',
  assemblyMinutes: 'assembly_minutes',
  moderationNote: 'moderation_note',
  threshold: 'threshold',
  thresholdBasis: 'threshold_basis',
  closesAt: 'closes_at',
  submittedAt: 'submitted_at',
  openedAt: 'opened_at',
  thresholdReachedAt: 'threshold_reached_at',
  halfReachedAt: 'half_reached_at',
  registrationDueAt: 'registration_due_at',
  registeredAt: 'registered_at',
  registrationNumber: 'registration_number',
  considerationDueAt: 'consideration_due_at',
  considerationStartedAt: 'consideration_started_at',
  motionId: 'motion_id',
  answeredAt: 'answered_at',
  answerOutcome: 'answer_outcome',
  answerText: 'answer_text',
  closedAt: 'closed_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export const PETITION_SELECT = Object.entries(COLUMNS)
  .map(([prop, column]) => `p.${column} AS "${prop}"`)
  .join(', ');

export function columnOf(prop: keyof Petition): string {
  return COLUMNS[prop];
}

const DATE_PROPS = Object.keys(COLUMNS).filter((key) => key.endsWith('At')) as Array<keyof Petition>;

/** pg returns timestamptz as Date, PGlite may too; jsonb may come back as a string from some drivers. */
export function toPetition(row: Record<string, unknown>): Petition {
  const out = { ...row } as Record<string, unknown>;
  for (const key of DATE_PROPS) {
    const value = out[key];
    if (value !== null && value !== undefined && !(value instanceof Date)) {
      out[key] = new Date(value as string);
    }
  }
  for (const key of ['title', 'body', 'thresholdBasis', 'answerText']) {
    if (typeof out[key] === 'string') {
      out[key] = JSON.parse(out[key] as string) as unknown;
    }
  }
  return out as unknown as Petition;
}
