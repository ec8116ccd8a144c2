import type { LocalizedText } from '@chartuloba/platform';
import type { BallotType } from '../domain/ballot-rules';
import type { CyclePhase } from '../domain/cycle-phase';
import type { TallyResult, TallyRule } from '../domain/tally.rules';

export interface Category {
  key: string;
  name: LocalizedText;
}

export type TieBreakName = 'cheaper-first' | 'project-id';

export interface CycleRow {
  id: string;
  title: LocalizedText;
  rules: LocalizedText;
  unitsPerCurrency: number;
  currency: string;
  totalBudget: number;
  maxProjectCost: number | null;
  categories: Category[];
  proposeRequiresResident: boolean;
  minVoterAge: number;
  ballotType: BallotType;
  ballotK: number | null;
  ballotPoints: number | null;
  outcomeRule: TallyRule;
  minScore: number | null;
  tieBreak: TieBreakName;
  needsCouncil: boolean;
  councilMotionId: string | null;
  councilOutcome: 'adopted' | 'rejected' | null;
  phase: CyclePhase;
  proposalsFrom: Date | null;
  reviewFrom: Date | null;
  votingFrom: Date | null;
  votingUntil: Date | null;
  imported: boolean;
  pbMeta: Record<string, string> | null;
  createdAt: Date;
}

export interface DistrictRow {
  id: string;
  cycleId: string;
  settlementId: string | null;
  name: LocalizedText;
  budget: number;
}

export type ProjectStatusName = 'proposed' | 'shortlisted' | 'rejected' | 'merged' | 'withdrawn';
export type ImplementationStatus = 'not-started' | 'in-progress' | 'completed' | 'cancelled';

export interface ProjectReview {
  feasible: boolean;
  legal: boolean;
  costEstimate: number;
  note?: LocalizedText;
}

export interface ProjectRow {
  id: string;
  cycleId: string;
  districtId: string;
  code: string;
  authorId: string | null;
  title: LocalizedText;
  description: LocalizedText;
  category: string | null;
  location: string | null;
  estimatedCost: number;
  status: ProjectStatusName;
  review: ProjectReview | null;
  rejectionReason: LocalizedText | null;
  mergedInto: string | null;
  implementationStatus: ImplementationStatus;
  progress: number;
  spent: number;
  supports: number;
  createdAt: Date;
}

export interface BallotRow {
  id: string;
  cycleId: string;
  districtId: string;
  channel: 'online' | 'paper' | 'import';
  paperNumber: string | null;
  projects: string[];
  points: number[] | null;
  receipt: string;
  firstCastAt: Date;
  updatedAt: Date;
}

export interface ConflictRow {
  id: string;
  districtId: string;
  paperNumber: string;
  keptBallotId: string;
  keptChannel: string;
  discardedChannel: string;
  discardedCastAt: Date;
  createdAt: Date;
}

export interface StoredResult {
  districtId: string;
  result: TallyResult;
  talliedAt: Date;
}

export interface UpdateRow {
  id: string;
  projectId: string;
  status: ImplementationStatus;
  progress: number;
  spent: number;
  note: LocalizedText;
  createdAt: Date;
}
