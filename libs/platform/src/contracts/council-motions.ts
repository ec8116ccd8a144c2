import type { LocalizedText } from '../i18n/localized-text';

/**
 * How a mechanism puts an item before the Sakrebulo without importing the councils lib: it asks this
 * port (provided by councils under COUNCIL_MOTIONS) and later hears `councils.motion-decided`.
 */
export interface CouncilMotionRequest {
  /** The lib asking, e.g. `petitions`, `budgeting`; the decision event names it back. */
  originLib: string;
  /** The lib's own id of the item (a petition id, a cycle id). */
  originId: string;
  /** What the council is asked to decide, in the languages staff wrote. */
  title: LocalizedText;
  summary?: LocalizedText;
  /** A public page about the item, linked from the agenda. */
  link: string;
}

export interface CouncilMotionSummary {
  motionId: string;
  status: 'pending' | 'scheduled' | 'decided' | 'withdrawn';
  sessionId: string | null;
  outcome: 'adopted' | 'rejected' | null;
}

export interface CouncilMotions {
  /** Files a motion for the Sakrebulo; idempotent per (originLib, originId). */
  propose(request: CouncilMotionRequest): Promise<CouncilMotionSummary>;
  statusOf(originLib: string, originId: string): Promise<CouncilMotionSummary | null>;
}

export const COUNCIL_MOTIONS = Symbol('COUNCIL_MOTIONS');

export const MOTION_DECIDED = 'councils.motion-decided';

/** Published in the transaction that records the council's result. */
export interface MotionDecidedEvent {
  readonly type: typeof MOTION_DECIDED;
  motionId: string;
  originLib: string;
  originId: string;
  outcome: 'adopted' | 'rejected';
  votes: { yes: number; no: number; abstain: number; absent: number };
  sessionId: string | null;
  decidedAt: string;
}
