import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { MigrationRunner } from './migration-runner';
import { TransactionRunner } from './transaction-runner';

const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

export interface DatabaseModuleOptions {
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/** TypeORM on PostgreSQL (DATABASE_URL) or, without it, on embedded PGlite in DATA_DIR/pg. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
  ) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const embeddedProvider = {
      provide: EMBEDDED_POSTGRES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.databaseUrl ? null : EmbeddedPostgres.shared(config.dataDir),
    };
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG, EMBEDDED_POSTGRES],
          extraProviders: [embeddedProvider],
          useFactory: (config: AppConfig, embedded: EmbeddedPostgres | null) => ({
            ...dataSourceOptions(config, options.migrations, embedded ?? undefined),
            autoLoadEntities: true,
          }),
        }),
      ],
      providers: [embeddedProvider, TransactionRunner, MigrationRunner],
      exports: [TransactionRunner, MigrationRunner],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
    await this.embedded?.stop();
  }
}
