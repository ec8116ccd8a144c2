import { Command, CommandRunner } from 'nest-commander';
import { AuditChainer, AuditVerifier, DemoSeedRunner, MigrationRunner } from '@chartuloba/platform';

@Command({
  name: 'audit:verify',
  description: 'Recompute the audit hash chain; exit 1 naming the first bad row',
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly verifier: AuditVerifier) {
    super();
  }

  async run(): Promise<void> {
    const result = await this.verifier.verify();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) {
      const bad = result.firstBad;
      process.stderr.write(
        `audit chain broken at position ${bad?.seq}${bad?.id ? ` (row id ${bad.id})` : ''}: ${bad?.reason}\n`,
      );
      process.exitCode = 1;
    } else if (result.unchained > 0) {
      process.stderr.write(`${result.unchained} recent rows are not chained yet (run audit:chain)\n`);
    }
  }
}

@Command({ name: 'audit:chain', description: 'Link every committed audit row into the hash chain now' })
export class AuditChainCommand extends CommandRunner {
  constructor(private readonly chainer: AuditChainer) {
    super();
  }

  async run(): Promise<void> {
    process.stdout.write(`${JSON.stringify({ chained: await this.chainer.chainPending() })}\n`);
  }
}

@Command({ name: 'db:migrate', description: 'Apply pending migrations' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly migrations: MigrationRunner) {
    super();
  }

  async run(): Promise<void> {
    process.stdout.write(`${JSON.stringify({ applied: await this.migrations.migrate() })}\n`);
  }
}

@Command({ name: 'db:revert', description: 'Revert the last applied migration' })
export class RevertCommand extends CommandRunner {
  constructor(private readonly migrations: MigrationRunner) {
    super();
  }

  async run(): Promise<void> {
    await this.migrations.revertLast();
  }
}

@Command({ name: 'seed:demo', description: 'Add the demo municipality and every lib’s demo records' })
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly migrations: MigrationRunner,
    private readonly seeds: DemoSeedRunner,
  ) {
    super();
  }

  async run(): Promise<void> {
    await this.migrations.migrate();
    process.stdout.write(`${JSON.stringify({ seeded: await this.seeds.run() })}\n`);
  }
}
