import { CouncilsHomeSection } from './pages/councils.home-section';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COUNCIL_MOTIONS, registerNavItem } from '@chartuloba/platform';
import { IdentityModule } from '@chartuloba/identity';
import { CouncilsAdminController } from './controllers/councils-admin.controller';
import { CouncilsController } from './controllers/councils.controller';
import { COUNCILS_ENTITIES } from './entities/councils.entities';
import './i18n';
import { CouncilsAdminBodyPagesController } from './pages/councils-admin-body-pages.controller';
import { CouncilsAdminDocumentsPagesController } from './pages/councils-admin-documents-pages.controller';
import { CouncilsAdminPagesController } from './pages/councils-admin-pages.controller';
import { CouncilsAdminVotesPagesController } from './pages/councils-admin-votes-pages.controller';
import { ManageSessionResponder } from './pages/manage-session.responder';
import { CouncilsPagesController } from './pages/councils-pages.controller';
import { CouncilsRepository } from './repositories/councils.repository';
import { BodiesService } from './services/bodies.service';
import { CouncilsDemoSeed } from './services/councils-demo.seed';
import { CouncilsReadService } from './services/councils-read.service';
import { DocumentsService } from './services/documents.service';
import { FeedsService } from './services/feeds.service';
import { MotionsService } from './services/motions.service';
import { ReportsService } from './services/reports.service';
import { SessionsService } from './services/sessions.service';

registerNavItem({ href: '/councils', labelKey: 'councils.nav.councils', order: 200 });
registerNavItem({
  href: '/admin/councils',
  labelKey: 'councils.nav.admin',
  order: 910,
  roles: ['staff', 'admin', 'council_member'],
});

/**
 * Councils, sessions, minutes, recommendations, reports and council votes. Global so that any mechanism can
 * inject COUNCIL_MOTIONS (the port in platform) without importing this lib.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(COUNCILS_ENTITIES), IdentityModule],
  controllers: [
    CouncilsController,
    CouncilsAdminController,
    CouncilsPagesController,
    CouncilsAdminPagesController,
    CouncilsAdminDocumentsPagesController,
    CouncilsAdminVotesPagesController,
    CouncilsAdminBodyPagesController,
  ],
  providers: [
    CouncilsHomeSection,
    ManageSessionResponder,
    CouncilsRepository,
    BodiesService,
    SessionsService,
    DocumentsService,
    MotionsService,
    ReportsService,
    CouncilsReadService,
    FeedsService,
    CouncilsDemoSeed,
    { provide: COUNCIL_MOTIONS, useExisting: MotionsService },
  ],
  exports: [COUNCIL_MOTIONS],
})
export class CouncilsModule {}
