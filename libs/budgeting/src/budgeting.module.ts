import { Module } from '@nestjs/common';
import { registerNavItem } from '@chartuloba/platform';
import { IdentityModule } from '@chartuloba/identity';
import { BudgetingAdminController } from './controllers/budgeting-admin.controller';
import { BudgetingController } from './controllers/budgeting.controller';
import './i18n';
import { BudgetingAdminPagesController } from './pages/budgeting-admin-pages.controller';
import { BudgetingPagesController } from './pages/budgeting-pages.controller';
import { BudgetingDeskPagesController } from './pages/budgeting-desk-pages.controller';
import { BudgetingImplementationPagesController } from './pages/budgeting-implementation-pages.controller';
import { BudgetingStaffPagesController } from './pages/budgeting-staff-pages.controller';
import { BudgetingProposalPagesController } from './pages/budgeting-proposal-pages.controller';
import { BudgetingProcessor } from './processors/budgeting.processor';
import { BallotsRepository } from './repositories/ballots.repository';
import { AttachmentsRepository } from './repositories/attachments.repository';
import { CommentsRepository } from './repositories/comments.repository';
import { CyclesRepository } from './repositories/cycles.repository';
import { MergesRepository } from './repositories/merges.repository';
import { AttachmentsService } from './services/attachments.service';
import { BallotsService } from './services/ballots.service';
import { BudgetingDemoFiles } from './services/budgeting-demo.files';
import { BudgetingDemoHistory } from './services/budgeting-demo.history';
import { BudgetingDemoSeed } from './services/budgeting-demo.seed';
import { BudgetingHomeSection } from './pages/budgeting.home-section';
import { CommentsService } from './services/comments.service';
import { CyclesService } from './services/cycles.service';
import { MergesService } from './services/merges.service';
import { PbExchangeService } from './services/pb-exchange.service';
import { ProposalsService } from './services/proposals.service';
import { ResultsService } from './services/results.service';

registerNavItem({ href: '/budgeting', labelKey: 'budgeting.nav', order: 300 });
registerNavItem({
  href: '/admin/budgeting',
  labelKey: 'budgeting.nav.admin',
  order: 820,
  roles: ['staff', 'admin'],
});

export const BUDGETING_PROVIDERS = [
  CyclesRepository,
  MergesRepository,
  BallotsRepository,
  CommentsRepository,
  AttachmentsRepository,
  AttachmentsService,
  CyclesService,
  CommentsService,
  BudgetingHomeSection,
  ProposalsService,
  MergesService,
  BallotsService,
  ResultsService,
  PbExchangeService,
  BudgetingDemoHistory,
  BudgetingDemoFiles,
  BudgetingDemoSeed,
  BudgetingProcessor,
];

/** Participatory budgeting: cycles, proposals, review, council approval, ballots, tally, results, tracking. */
@Module({
  imports: [IdentityModule],
  controllers: [
    BudgetingController,
    BudgetingAdminController,
    BudgetingPagesController,
    BudgetingStaffPagesController,
    BudgetingDeskPagesController,
    BudgetingImplementationPagesController,
    BudgetingAdminPagesController,
    BudgetingProposalPagesController,
  ],
  providers: BUDGETING_PROVIDERS,
  exports: [PbExchangeService, ResultsService, CyclesService],
})
export class BudgetingModule {}

/** For apps/worker: what the recurring phase sweep needs (dates, gates, the tally), no HTTP. */
@Module({
  providers: [
    CyclesRepository,
    BallotsRepository,
    AttachmentsRepository,
    AttachmentsService,
    ResultsService,
    CyclesService,
    BudgetingProcessor,
  ],
})
export class BudgetingWorkerModule {}
