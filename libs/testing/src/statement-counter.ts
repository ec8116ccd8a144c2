import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

const scope = new AsyncLocalStorage<{ open: boolean }>();

/**
 * Runs `work` and lists the SQL statements it sent through `dataSource`, START TRANSACTION and COMMIT
 * included. Every statement passes TypeORM's logger, so the count is read there, while the queries run
 * for real. Only statements issued from `work`'s own async context and before it returned are listed:
 * the dispatchers' timer sweeps are not, nor is the tail of a dispatcher pass `work` kicked off.
 */
export async function countStatements<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const logger = dataSource.logger;
  const ownMethod = Object.prototype.hasOwnProperty.call(logger, 'logQuery');
  const original = logger.logQuery;
  const logQuery = original.bind(logger);
  const marker = { open: true };
  logger.logQuery = (query, parameters, queryRunner) => {
    if (scope.getStore() === marker && marker.open) {
      statements.push(query);
    }
    return logQuery(query, parameters, queryRunner);
  };
  try {
    const result = await scope.run(marker, work);
    return { result, statements };
  } finally {
    marker.open = false;
    if (ownMethod) {
      logger.logQuery = original;
    } else {
      delete (logger as { logQuery?: unknown }).logQuery;
    }
  }
}
