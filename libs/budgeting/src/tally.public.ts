export { tally, TALLY_RULES, isTallyRule } from './domain/tally.rules';
export type {
  TallyRule,
  TallyOptions,
  TallyResult,
  ProjectResult,
  EqualSharesDetails,
} from './domain/tally.rules';
export {
  assertValidElection,
  countSupport,
  voterCount,
  TallyInputError,
} from './domain/tally-election.model';
export type { TallyElection, TallyProject, TallyBallot, BallotKind } from './domain/tally-election.model';
export type { ProjectStatus } from './domain/tally-outcome.model';
export { byProjectId } from './domain/tie-break.model';
export type { TieBreak } from './domain/tie-break.model';
export { parsePb, parsePbDecimal } from './pabulib/pb-file.parser';
export { writePb } from './pabulib/pb-file.writer';
export { parsePbFile, pabulibDir, pabulibFiles } from './pabulib/pb-file.reader';
export { PbParseError, pbMinProjectScore, pbOfficialSelection, pbRule } from './pabulib/pb-election.model';
export type { PbElection, PbTable } from './pabulib/pb-election.model';
export { pbTallyReport, PbTallyRuleMissing } from './pabulib/pb-tally.report';
export type { PbTallyReport } from './pabulib/pb-tally.report';
export { PbTallyCommand } from './cli/pb-tally.command';
