/** The petition lifecycle (Local Self-Government Code, Art. 86, and the Sakrebulo's rules of procedure). */
export const PETITION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'open',
  'threshold-reached',
  'registered',
  'under-consideration',
  'answered',
  'closed',
  'not-reached',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const PETITION_KINDS = ['resolution-draft', 'resolution-principles', 'session-request'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];

export const ANSWER_OUTCOMES = ['accepted', 'partly-accepted', 'rejected'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

export type PetitionTransition =
  'submit' | 'return' | 'open' | 'reach-threshold' | 'register' | 'consider' | 'answer' | 'close' | 'expire';

const TRANSITIONS: Record<PetitionTransition, { from: readonly PetitionStatus[]; to: PetitionStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  open: { from: ['submitted'], to: 'open' },
  'reach-threshold': { from: ['open'], to: 'threshold-reached' },
  register: { from: ['threshold-reached'], to: 'registered' },
  consider: { from: ['registered'], to: 'under-consideration' },
  answer: { from: ['registered', 'under-consideration'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  // Below the threshold at the closing date: archived as not reached.
  expire: { from: ['open'], to: 'not-reached' },
};

/** The status after `transition`, or null when it is not allowed from `from`. */
export function nextStatus(from: PetitionStatus, transition: PetitionTransition): PetitionStatus | null {
  const rule = TRANSITIONS[transition];
  return rule.from.includes(from) ? rule.to : null;
}

export function allowedFrom(transition: PetitionTransition): readonly PetitionStatus[] {
  return TRANSITIONS[transition].from;
}

/** Signatures are taken while the petition runs: open, or past its threshold but not yet registered. */
export function acceptsSignatures(status: PetitionStatus, closesAt: Date | null, now: Date): boolean {
  return (status === 'open' || status === 'threshold-reached') && !!closesAt && closesAt > now;
}

/** Statuses the public sees; drafts and moderation stay with the author and staff. */
export const PUBLIC_STATUSES: readonly PetitionStatus[] = [
  'open',
  'threshold-reached',
  'registered',
  'under-consideration',
  'answered',
  'closed',
  'not-reached',
];
