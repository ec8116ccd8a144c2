import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { AuditChainer } from './audit/audit-chainer';
import { AuditLogEntity } from './audit/audit-log.entity';
import { AuditLog } from './audit/audit-log.service';
import { AuditVerifier } from './audit/audit-verifier';
import { AppConfig } from './config/app-config';
import { appConfig, ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { PLATFORM_ROLE, PlatformRole } from './config/platform-role';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { DomainEvents } from './events/domain-events';
import { FileStore } from './files/file-store.service';
import { StoredFileEntity } from './files/stored-file.entity';
import { HealthController } from './health/health.controller';
import { HotReads } from './http/hot-reads';
import { QUIET_PATHS } from './http/quiet-paths';
import { I18nService } from './i18n/i18n.service';
import { AppLogger, createRootLogger } from './logging/app-logger';
import './i18n/messages';
import { MailEntity } from './mail/mail.entity';
import { MailService, PLATFORM_QUEUE } from './mail/mail.service';
import { DmanisiSeed } from './municipality/dmanisi.seed';
import { MunicipalityController } from './municipality/municipality.controller';
import { MunicipalityEntity, SettlementEntity, VoterCountEntity } from './municipality/municipality.entities';
import { MunicipalityService } from './municipality/municipality.service';
import { BullmqDispatcher } from './queue/bullmq-dispatcher';
import { InlineDispatcher } from './queue/inline-dispatcher';
import { JobDispatcher } from './queue/job-dispatcher';
import { JobQueue } from './queue/job-queue';
import { PlatformProcessor } from './queue/platform.processor';
import { ProcessorRegistry } from './queue/processor-registry';
import { RecurringJobs } from './queue/recurring-jobs';
import { redisOptionsFromUrl } from './queue/redis-options';
import { THROTTLER_STORAGE, ThrottlerStorageModule } from './http/throttler-storage.module';
import { DemoSeedRunner } from './seeding/demo-seed';
import { createValidationPipe } from './validation/validation';
import { LocaleController } from './web/locale.controller';
import { HomeSections } from './web/home-sections';
import { PageRenderer } from './web/page-renderer';

export interface PlatformOptions {
  /** Defaults to the validated environment; tests pass their own. */
  config?: AppConfig;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  /** `worker` binds the libs' processors to BullMQ; the api only hands jobs to Redis. */
  role: PlatformRole;
}

/** Everything every app needs: config, database, jobs, mail, audit, events, i18n, errors, web shell. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const config = options.config ?? appConfig();
    const bullWorker =
      options.role === 'worker' && config.redisUrl
        ? [
            BullModule.forRoot({
              connection: redisOptionsFromUrl(config.redisUrl),
              prefix: config.queuePrefix,
            }),
            // Registering a queue is what makes @nestjs/bullmq bind @Processor classes to workers.
            BullModule.registerQueue({ name: PLATFORM_QUEUE }),
          ]
        : [];
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forConfig(config),
        DatabaseModule.forRoot({ migrations: options.migrations }),
        TypeOrmModule.forFeature([
          AuditLogEntity,
          MailEntity,
          MunicipalityEntity,
          SettlementEntity,
          VoterCountEntity,
          StoredFileEntity,
        ]),
        DiscoveryModule,
        TerminusModule,
        ThrottlerModule.forRootAsync({
          imports: [ThrottlerStorageModule.forConfig(config)],
          inject: [THROTTLER_STORAGE],
          useFactory: (storage: ThrottlerStorage) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute }],
            storage,
            // The library hashes this key with SHA-256 on every request; a plain string keys the window as well.
            generateKey: (context, tracker, name) =>
              `${context.getClass().name}:${context.getHandler().name}:${name}:${tracker}`,
            skipIf: (context) =>
              QUIET_PATHS.test(context.switchToHttp().getRequest<{ url?: string }>().url ?? ''),
          }),
        }),
        ...bullWorker,
      ],
      controllers: [HealthController, MunicipalityController, LocaleController],
      providers: [
        { provide: PLATFORM_ROLE, useValue: options.role },
        {
          provide: AppLogger,
          // The CLI prints its results on stdout, so its logs go to stderr, and only warnings unless asked.
          useFactory: () =>
            new AppLogger(
              createRootLogger(
                options.role === 'cli' && config.logLevel === 'info' ? 'warn' : config.logLevel,
                options.role === 'cli' ? 2 : 1,
              ),
            ),
        },
        AuditLog,
        AuditChainer,
        AuditVerifier,
        JobQueue,
        ProcessorRegistry,
        RecurringJobs,
        { provide: JobDispatcher, useClass: config.redisUrl ? BullmqDispatcher : InlineDispatcher },
        MailService,
        FileStore,
        PlatformProcessor,
        I18nService,
        DomainEvents,
        DemoSeedRunner,
        MunicipalityService,
        DmanisiSeed,
        PageRenderer,
        HomeSections,
        HotReads,
        AllExceptionsFilter,
        { provide: APP_FILTER, useExisting: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
      ],
      exports: [
        AppLogger,
        AuditLog,
        AuditChainer,
        AuditVerifier,
        JobQueue,
        JobDispatcher,
        RecurringJobs,
        MailService,
        FileStore,
        I18nService,
        DomainEvents,
        DemoSeedRunner,
        MunicipalityService,
        PageRenderer,
        HomeSections,
        HotReads,
        AllExceptionsFilter,
      ],
    };
  }
}
