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
    // PGlite is one session behind its socket server, which queues each protocol message on its own:
    // with several connections, one client's Parse/Bind/Execute interleave with another's ("portal does
    // not exist"). One connection keeps every exchange whole; PGlite runs one query at a time anyway.
    extra: { max: embedded ? 1 : config.databasePoolSize },
    logging: ['error'],
  };
}
