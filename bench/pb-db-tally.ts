import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@chartuloba/platform';
import { createApiApp } from '../apps/api/src/bootstrap';
import { TALLY_RULES, type TallyRule } from '../libs/budgeting/src/domain/tally.rules';
import { pbOfficialSelection } from '../libs/budgeting/src/pabulib/pb-election.model';
import { parsePb } from '../libs/budgeting/src/pabulib/pb-file.parser';
import { pabulibDir } from '../libs/budgeting/src/pabulib/pb-file.reader';
import { CyclesService } from '../libs/budgeting/src/services/cycles.service';
import { PbExchangeService } from '../libs/budgeting/src/services/pb-exchange.service';
import { ResultsService } from '../libs/budgeting/src/services/results.service';

/**
 * A 100,000-ballot cycle tallied from PostgreSQL: imports a Pabulib file (default Łódź 2022, 90k ballots) into
 * a cycle of a fresh database on the DATABASE_URL server, then times reading the ballots back (grouped in SQL)
 * and each rule on them. `npm run -s bench:pb-db -- [file.pb] [--keep]`.
 */

function millis(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    throw new Error('set DATABASE_URL to a PostgreSQL server (a fresh database is created on it)');
  }
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  const file = args.find((a) => a.endsWith('.pb')) ?? path.join(pabulibDir(), 'Poland_Lodz_2022.pb');
  const name = `chartuloba_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // The portal's own modules and services, without HTTP: the same code path as a staff import.
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'chartuloba-bench-')),
    APP_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'error',
    DEMO_SEED: 'never',
  });
  // Migrates the fresh database on the way up, as the portal does at every start (no port is opened).
  const app = await createApiApp(config);
  try {
    const dataSource = app.get(DataSource);
    const exchange = app.get(PbExchangeService);
    const results = app.get(ResultsService);
    const cycles = app.get(CyclesService);

    const text = readFileSync(file, 'utf8');
    const importStart = process.hrtime.bigint();
    const cycle = await exchange.import(null, text);
    const importMs = millis(importStart);
    const [district] = await cycles.districts(cycle.id);
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM budgeting_ballots`)) as [
      { n: number },
    ];
    process.stdout.write(
      `${path.basename(file)}: ${n} ballots stored in ${name} (import incl. first tally ${(importMs / 1000).toFixed(1)} s)\n`,
    );

    const official = pbOfficialSelection(parsePb(text));
    const rows: string[][] = [];
    for (const rule of [
      cycle.outcomeRule,
      ...TALLY_RULES.filter((r) => r !== cycle.outcomeRule),
    ] as TallyRule[]) {
      if (rule === 'greedy-threshold' && cycle.minScore === null) {
        continue;
      }
      const start = process.hrtime.bigint();
      const { election } = await results.electionOf(cycle, district!);
      const loadMs = millis(start);
      const tallyStart = process.hrtime.bigint();
      const result = results.tallyElection({ ...cycle, outcomeRule: rule }, election);
      const tallyMs = millis(tallyStart);
      const matches =
        rule === cycle.outcomeRule && official
          ? [...result.selected].sort().join() === [...official].sort().join()
            ? 'yes'
            : 'NO'
          : '';
      rows.push([
        rule,
        String(election.ballots.length),
        loadMs.toFixed(0),
        tallyMs.toFixed(0),
        (loadMs + tallyMs).toFixed(0),
        String(result.selected.length),
        matches,
      ]);
    }
    const header = ['rule', 'ballot groups', 'read ms', 'tally ms', 'total ms', 'selected', 'official'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [header, ...rows]) {
      process.stdout.write(row.map((cell, i) => cell.padStart(widths[i]!)).join('  ') + '\n');
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await app.close();
    if (!keep) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
