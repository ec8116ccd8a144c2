import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';

export interface DatabaseEndpoint {
  host: string;
  port: number;
}

/** The same options for the app, the worker, the CLI and tests; only the endpoint differs in embedded mode. */
export function dataSourceOptions(
  config: AppConfig,
  migrations: DataSourceOptions['migrations'],
  embedded?: DatabaseEndpoint,
): DataSourceOptions {
  const connection = embedded
    ? { host: embedded.host, port: embedded.port, username: 'postgres', database: 'postgres' }
    : { url: config.databaseUrl };
  return {
    type: 'postgres',
    ...connection,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'platform_migrations',
    // PGlite serves one query at a time, so a small pool is enough there.
    extra: { max: embedded ? 4 : config.databasePoolSize },
    logging: ['error'],
  };
}
