// The petitions lib's public surface: the modules, the facade and the events it publishes.
export { PetitionsModule, PetitionsWorkerModule } from './petitions.module';
export { PetitionsFacade, PetitionSummary } from './petitions.facade';
export { PETITIONS_QUEUE } from './petitions.jobs';
export * from './events/petition.events';
export type { PetitionStatus, PetitionKind, AnswerOutcome } from './domain/lifecycle';
