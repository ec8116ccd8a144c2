import { PetitionCountHotRead } from './controllers/petition-count.hot-read';
import { PetitionsHomeSection } from './pages/petitions.home-section';
import { Module } from '@nestjs/common';
import { registerNavItem } from '@chartuloba/platform';
import { IdentityCoreModule, IdentityModule } from '@chartuloba/identity';
import { PetitionsAdminController } from './controllers/petitions-admin.controller';
import { PetitionsController } from './controllers/petitions.controller';
import './i18n';
import { PetitionsFacade } from './petitions.facade';
import { AdminPetitionResponder } from './pages/admin-petition.responder';
import { PetitionDetailResponder } from './pages/petition-detail.responder';
import { PetitionsAdminPagesController } from './pages/petitions-admin-pages.controller';
import { PetitionsAdminPaperPagesController } from './pages/petitions-admin-paper-pages.controller';
import { PetitionsAuthorPagesController } from './pages/petitions-author-pages.controller';
import { PetitionsCertificatePagesController } from './pages/petitions-certificate-pages.controller';
import { PetitionsPagesController } from './pages/petitions-pages.controller';
import { PetitionsSigningPagesController } from './pages/petitions-signing-pages.controller';
import { PetitionsProcessor } from './processors/petitions.processor';
import { PetitionsRepository } from './repositories/petitions.repository';
import { SignaturesRepository } from './repositories/signatures.repository';
import { AbuseGuard } from './services/abuse-guard';
import { ModerationService } from './services/moderation.service';
import { OpenDataService } from './services/open-data.service';
import { PaperService } from './services/paper.service';
import { PersonalNumberVault } from './services/personal-number-vault';
import { PetitionNotifier } from './services/petition-notifier';
import { PetitionTransitions } from './services/petition-transitions';
import { PetitionsDemoSeed } from './services/petitions-demo.seed';
import { PetitionsService } from './services/petitions.service';
import { SignatoryExportService } from './services/signatory-export.service';
import { SigningService } from './services/signing.service';

registerNavItem({ href: '/petitions', labelKey: 'petitions.nav', order: 100 });
registerNavItem({
  href: '/admin/petitions',
  labelKey: 'petitions.nav.admin',
  order: 800,
  roles: ['staff', 'moderator', 'admin'],
});

const CORE_PROVIDERS = [
  PetitionsRepository,
  SignaturesRepository,
  PersonalNumberVault,
  PetitionNotifier,
  PetitionTransitions,
  PetitionsService,
  AbuseGuard,
  SigningService,
  ModerationService,
  PaperService,
  OpenDataService,
  SignatoryExportService,
  PetitionsFacade,
  PetitionsProcessor,
];

/** E-petitions (Art. 86): public and staff pages, the JSON API, and (in embedded mode) the jobs. */
@Module({
  imports: [IdentityModule],
  controllers: [
    PetitionsController,
    PetitionsAdminController,
    PetitionsPagesController,
    PetitionsAuthorPagesController,
    PetitionsSigningPagesController,
    PetitionsCertificatePagesController,
    PetitionsAdminPagesController,
    PetitionsAdminPaperPagesController,
  ],
  providers: [
    ...CORE_PROVIDERS,
    PetitionsDemoSeed,
    PetitionsHomeSection,
    PetitionCountHotRead,
    PetitionDetailResponder,
    AdminPetitionResponder,
  ],
  exports: [PetitionsFacade],
})
export class PetitionsModule {}

/** For apps/worker: the services and the processor, no HTTP. */
@Module({
  imports: [IdentityCoreModule],
  providers: CORE_PROVIDERS,
  exports: [PetitionsFacade],
})
export class PetitionsWorkerModule {}
