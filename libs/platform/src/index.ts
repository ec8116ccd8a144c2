// The platform's public surface: what apps and libs may use. Nothing else is imported from outside.
export * from './auth/access';
export * from './audit/audit-log.service';
export { AuditChainer } from './audit/audit-chainer';
export { AuditVerifier, AuditVerification } from './audit/audit-verifier';
export * from './config/app-config';
export { APP_CONFIG, appConfig, ConfigModule } from './config/config.module';
export { TransactionRunner } from './database/transaction-runner';
export { MigrationRunner } from './database/migration-runner';
export { dataSourceOptions } from './database/data-source-options';
export { EmbeddedPostgres } from './database/embedded-postgres';
export * from './errors/domain-error';
export { toErrorBody, ErrorBody } from './errors/error-body';
export * from './events/domain-events';
export * from './files/accept-policy';
export { cleanFilename, FileStore, SaveFileRequest, StoredFile } from './files/file-store.service';
export { contentDisposition, sendStoredFile } from './files/file-response';
export { formatFileSize, MediaType, mediaTypeLabel, sniffMediaType } from './files/media-type';
export { minimalPdf } from './files/minimal-pdf';
export { AcceptsUploads, WEB_SESSION_COOKIE } from './files/upload-gate';
export { requiredUploadOf, UploadedFile, uploadedFileOf } from './files/uploaded-file';
export * from './contracts/council-motions';
export { API_PREFIX } from './http/api-prefix';
export { configureHttpApp, createFastifyAdapter, setupOpenApi } from './http/http-setup';
export * from './http/pagination';
export { Actor, RequestContext, RequestContextData } from './http/request-context';
export * from './i18n/catalogue';
export * from './logging/app-logger';
export { I18nService, MessageParams, Translate } from './i18n/i18n.service';
export * from './i18n/localized-text';
export {
  DeliveryReport,
  MAILS_PER_SEND_JOB,
  MailRequest,
  MailService,
  SEND_MAIL_JOB,
  SendMailPayload,
} from './mail/mail.service';
export { LocalizedTextDto } from './municipality/municipality.dto';
export {
  Municipality,
  MunicipalityService,
  Settlement,
  VoterCount,
} from './municipality/municipality.service';
export { PlatformModule, PlatformOptions } from './platform.module';
export { JobDispatcher } from './queue/job-dispatcher';
export { JobQueue } from './queue/job-queue';
export { JobRequest, RecurringJob } from './queue/job.types';
export { RecurringJobs } from './queue/recurring-jobs';
export { DemoSeed, DemoSeeder, DemoSeedRunner } from './seeding/demo-seed';
export { flattenValidationErrors } from './validation/validation';
export * from './web/components';
export { ErrorPage } from './web/error-page';
export { HomeSection, HomeSectionProvider, HomeSections } from './web/home-sections';
export { Layout } from './web/layout';
export { NavItem, PageContext, registerNavItem } from './web/page-context';
export { PageLoader, PageRenderer, PageRequest, SHARED_PAGE_MS } from './web/page-renderer';
export { renderDocument } from './web/render';
export { domainErrorsOf, EMPTY_FORM, FormState, formValues, validateForm } from './web/forms';
export { FormDone, FormRefused, submitForm } from './web/form-post';
export { Batcher } from './batching/batcher';
export { chunksOf } from './batching/chunks';
export { HotRead, HotReads } from './http/hot-reads';
