// Participatory budgeting's public surface: the module (cycles, proposals, ballots, results) and the
// tally rules and Pabulib `.pb` files.
export * from './tally.public';
export { BudgetingModule, BudgetingWorkerModule } from './budgeting.module';
export { BUDGETING_QUEUE } from './budgeting.jobs';
export { PbExchangeService } from './services/pb-exchange.service';
export { ResultsService } from './services/results.service';
export { CyclesService } from './services/cycles.service';
export { BudgetingDemoSeed } from './services/budgeting-demo.seed';
