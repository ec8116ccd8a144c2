import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

interface TransactionScope {
  manager: EntityManager;
  afterCommit: Array<() => void | Promise<void>>;
}

/**
 * One place that opens transactions. Repositories ask it for the current manager, so a service's
 * `run(...)` makes everything below it atomic without passing managers around; work that must only
 * happen once the data is durable (waking the job dispatcher) is registered with `afterCommit`.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private readonly storage = new AsyncLocalStorage<TransactionScope>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction, joining the caller's transaction if there is one. */
  async run<T>(work: (manager: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const outer = this.storage.getStore();
    if (outer) {
      return work(outer.manager);
    }
    const scope: TransactionScope = { manager: this.dataSource.manager, afterCommit: [] };
    const inScope = (manager: EntityManager) => {
      scope.manager = manager;
      return this.storage.run(scope, () => work(manager));
    };
    const result = isolation
      ? await this.dataSource.transaction(isolation, inScope)
      : await this.dataSource.transaction(inScope);
    for (const hook of scope.afterCommit) {
      try {
        await hook();
      } catch (error) {
        this.logger.error(`after-commit hook failed: ${(error as Error).message}`);
      }
    }
    return result;
  }

  /** The manager of the current transaction, or the pool's manager outside one. */
  manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /** Runs `hook` after the current transaction commits (at once when there is none); never on rollback. */
  afterCommit(hook: () => void | Promise<void>): void {
    const scope = this.storage.getStore();
    if (scope) {
      scope.afterCommit.push(hook);
    } else {
      void Promise.resolve()
        .then(hook)
        .catch((error: unknown) =>
          this.logger.error(`after-commit hook failed: ${(error as Error).message}`),
        );
    }
  }
}
