import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Pool } from 'pg';
// Deep imports on purpose: the bench mints what identity would (keys, hashes) without booting Nest here.
import { deriveKey, hmac } from '../libs/identity/src/domain/secrets';
import { createTestDatabase } from '../libs/testing/src/test-database';
import { driveFloor, FloorResult, startFloorApp } from './stack-floor';

/**
 * bench:sign: starts the built portal against DATABASE_URL (a fresh database), creates verified residents,
 * drives concurrent sign POSTs with autocannon for a fixed time, checks the stored count equals the 2xx
 * answers, drives reads of the count endpoint (anonymous, and with a bearer token through the whole request
 * pipeline) and the petition page, and measures the ceiling: a bare single-row durable INSERT … ON CONFLICT
 * DO NOTHING through pg at the same concurrency, just before and just after signing. Before signing it also
 * drives bench:floor's bare stack between two ceilings: the share of the ceiling that any authenticated POST
 * through the fixed stack could reach on the machine as it is during the run.
 *
 * BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_RESIDENTS (40000), BENCH_POOL (DATABASE_POOL_SIZE, 20),
 * BENCH_PROFILE_DIR (unset: no profile; set: the portal writes a V8 CPU profile there when it stops),
 * BENCH_SIGN_ONLY=1 (only the signing phase, for profiling it), BENCH_NODE_OPTIONS (the portal's NODE_OPTIONS),
 * BENCH_API_PROCESSES (1; above 1 needs REDIS_URL). With REDIS_URL the portal uses it (rate limits, job
 * hand-off) under a prefix of its own, as a deployment would.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 40000);
const POOL = process.env.BENCH_POOL ?? '20';
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const SIGN_ONLY = process.env.BENCH_SIGN_ONLY === '1';
const REDIS_URL = process.env.REDIS_URL;
const API_PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? 1);
const APP_SECRET = `bench-${randomBytes(24).toString('hex')}`;
const ROOT = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

async function waitForOk(url: string): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(url)).status === 200) {
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

/** The part of autocannon's API this bench uses (the package ships no types). */
interface CannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  setupRequest?: (request: CannonRequest) => CannonRequest;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  requests?: CannonRequest[];
}
interface CannonResult {
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: CannonOptions,
  done: (error: Error | null, result: CannonResult) => void,
) => unknown;

/** CPU seconds (user + system) a process has used, from /proc on Linux; null elsewhere. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function run(options: CannonOptions): Promise<CannonResult> {
  return new Promise((done, fail) => {
    autocannon(options, (error, result) => (error ? fail(error) : done(result)));
  });
}

/**
 * The machine's ceiling: SECONDS of bare durable single-row INSERT … ON CONFLICT DO NOTHING at the signing
 * concurrency, each its own transaction, into a table of the same key; answers inserts per second.
 */
async function measureCeiling(db: Pool, petitionId: string): Promise<number> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS bench_ceiling (petition_id uuid NOT NULL, resident_key text NOT NULL, PRIMARY KEY (petition_id, resident_key))`,
  );
  const round = randomBytes(4).toString('hex');
  let inserted = 0;
  const started = Date.now();
  const stopAt = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, worker) => {
      let i = 0;
      while (Date.now() < stopAt) {
        await db.query(
          `INSERT INTO bench_ceiling (petition_id, resident_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [petitionId, `${round}-${worker}-${i}`],
        );
        i += 1;
        inserted += 1;
      }
    }),
  );
  return inserted / ((Date.now() - started) / 1000);
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    throw new Error('bench:sign needs DATABASE_URL (a PostgreSQL it may create a scratch database on)');
  }
  const database = await createTestDatabase(base);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR)}`] : [];
  // Started as `npm start` and the Dockerfile start it (the young generation's size included).
  const child = spawn(
    process.execPath,
    [...profile, '--max-semi-space-size=32', resolve(ROOT, 'dist/apps/api/src/main.js')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
        PORT: String(port),
        PUBLIC_URL: url,
        DATABASE_URL: database.url,
        APP_SECRET,
        LOG_LEVEL: 'warn',
        DEMO_SEED: 'never',
        RATE_LIMIT_PER_MINUTE: '100000000',
        DATABASE_POOL_SIZE: POOL,
        DATA_DIR: resolve(ROOT, 'data/bench'),
        API_PROCESSES: String(API_PROCESSES),
        ...(REDIS_URL ? { REDIS_URL, QUEUE_PREFIX: `bench${randomBytes(4).toString('hex')}` } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // Every api process is up once the portal says it listens.
  const listening = new Promise<void>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the portal exited (${code}) before it listened`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (chunk.toString().includes('listening on')) {
        done();
      }
    });
  });
  const db = new Pool({ connectionString: database.url, max: CONNECTIONS });
  // Dropping the scratch database at the end terminates whatever is still connected; that is expected.
  db.on('error', () => undefined);
  try {
    await listening;
    await waitForOk(`${url}/health`);

    // Municipality with 20,013 voters: threshold 201, so milestones happen early in the run, as in life.
    const [municipality] = (
      await db.query(
        `INSERT INTO platform_municipalities (slug, name) VALUES ('dmanisi', '{"ka":"დმანისი","en":"Dmanisi"}') RETURNING id`,
      )
    ).rows as Array<{ id: string }>;
    await db.query(
      `INSERT INTO platform_voter_counts (municipality_id, registered_voters, as_of, source) VALUES ($1, 20013, '2024-10-26', 'bench')`,
      [municipality?.id],
    );

    // Residents: users, residency (keyed hash of a made-up personal number), an API session each.
    const started = Date.now();
    const numberKey = deriveKey(APP_SECRET, 'personal-number');
    const jwt = new JwtService({ secret: deriveKey(APP_SECRET, 'jwt'), signOptions: { algorithm: 'HS256' } });
    const tokens: string[] = [];
    const batch = 5000;
    for (let from = 0; from < RESIDENTS + 2; from += batch) {
      const size = Math.min(batch, RESIDENTS + 2 - from);
      const ids = Array.from({ length: size }, (_, i) => from + i);
      const users = (
        await db.query(
          `INSERT INTO identity_users (email, display_name, email_verified_at, roles)
           SELECT 'r' || n || '@bench.local', 'Resident ' || n, now(),
             CASE WHEN n = 0 THEN ARRAY['citizen','staff'] ELSE ARRAY['citizen'] END
           FROM unnest($1::int[]) n RETURNING id, email`,
          [ids],
        )
      ).rows as Array<{ id: string; email: string }>;
      const hashes = users.map((u) => hmac(numberKey, `5${u.email.replace(/\D/g, '').padStart(10, '0')}`));
      await db.query(
        `INSERT INTO identity_residency (user_id, personal_number_hash) SELECT * FROM unnest($1::uuid[], $2::text[])`,
        [users.map((u) => u.id), hashes],
      );
      const sessions = (
        await db.query(
          `INSERT INTO identity_sessions (token_hash, user_id, kind, expires_at)
           SELECT md5(random()::text || u), u, 'api', now() + interval '2 hours' FROM unnest($1::uuid[]) u
           RETURNING id, user_id`,
          [users.map((u) => u.id)],
        )
      ).rows as Array<{ id: string; user_id: string }>;
      for (const s of sessions) {
        tokens.push(
          jwt.sign(
            { sub: s.user_id, sid: s.id },
            { expiresIn: 7200, issuer: url, audience: 'chartuloba-api' },
          ),
        );
      }
    }
    // Statistics and a vacuum for the rows just loaded, as autovacuum keeps them in a running deployment
    // (and so autovacuum does not start on them during signing). Without statistics the planner guessed
    // 160 sessions and scanned the whole partial index of live sessions for every session check: 2.8 ms
    // instead of 0.1 ms for six sessions.
    await db.query('VACUUM ANALYZE');
    const [staffToken, authorToken, ...residentTokens] = tokens;
    process.stdout.write(
      `setup: ${RESIDENTS} verified residents in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );

    const api = async (method: string, path: string, token: string, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) {
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      }
      return (await response.json()) as { id: string };
    };
    const closesOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const petition = await api('POST', '/api/v1/petitions', authorToken ?? '', {
      kind: 'session-request',
      title: { en: 'A bus route to Irganchai', az: 'İrqançaya avtobus marşrutu' },
      body: { en: 'Two runs a day, please.' },
      closesOn,
    });
    await api('POST', `/api/v1/petitions/${petition.id}/submit`, authorToken ?? '');
    await api('POST', `/api/v1/admin/petitions/${petition.id}/open`, staffToken ?? '');

    // Signing: every request a different resident. autocannon drops answers still in flight when a timed
    // run stops, so the run is a fixed number of requests sized to last SECONDS at the rate of a short
    // warm-up; the time it actually took is what the rate is divided by.
    let next = 0;
    const signRequests = (amount: number | undefined, duration: number | undefined): CannonOptions => ({
      url,
      connections: CONNECTIONS,
      ...(amount ? { amount } : { duration: duration ?? 1 }),
      requests: [
        {
          method: 'POST',
          path: `/api/v1/petitions/${petition.id}/signature`,
          body: '{}',
          setupRequest: (request: CannonRequest) => {
            const token = residentTokens[next % residentTokens.length];
            next += 1;
            return {
              ...request,
              headers: {
                ...request.headers,
                'content-type': 'application/json',
                authorization: `Bearer ${token}`,
              },
            };
          },
        },
      ],
    });
    const warmup = await run(signRequests(undefined, 2));
    await new Promise((r) => setTimeout(r, 3000)); // let the warm-up's in-flight answers land
    const amount = Math.min(
      residentTokens.length - next - CONNECTIONS,
      Math.max(500, Math.round((warmup['2xx'] / 2) * SECONDS)),
    );
    const before = (
      await db.query(
        `SELECT COALESCE(sum(counted), 0)::int AS n FROM petitions_counters WHERE petition_id = $1`,
        [petition.id],
      )
    ).rows[0] as { n: number };
    // The floor (bench:floor's bare stack: what any authenticated POST through Nest, Fastify, Passport and
    // the ValidationPipe costs, with no database and none of our code) between two ceilings, so the run
    // shows how much of the ceiling this stack could reach at all on the machine as it is now.
    let floor: { result: FloorResult; ceilingBefore: number } | undefined;
    if (!SIGN_ONLY) {
      const ceilingBeforeFloor = await measureCeiling(db, petition.id);
      const floorApp = await startFloorApp();
      try {
        floor = {
          result: await driveFloor(floorApp, SECONDS, CONNECTIONS),
          ceilingBefore: ceilingBeforeFloor,
        };
      } finally {
        floorApp.stop();
      }
    }
    // The ceiling just before and just after signing, so a machine whose speed drifts (this one's does,
    // by half within a minute) is compared with itself; the ratio is against their mean.
    const ceilingBefore = await measureCeiling(db, petition.id);
    const signStart = Date.now();
    const cpuBefore = API_PROCESSES === 1 ? cpuSecondsOf(child.pid) : null;
    const sign = await run(signRequests(amount, undefined));
    const signSeconds = (Date.now() - signStart) / 1000;
    const cpuAfter = cpuBefore === null ? null : cpuSecondsOf(child.pid);
    // What one signature costs the portal's process: it counts only the portal's own work, not time spent
    // waiting for the database or the load generator (a machine that slows down still moves it).
    const cpuPerSign =
      cpuBefore === null || cpuAfter === null
        ? 'n/a'
        : `${(((cpuAfter - cpuBefore) / sign['2xx']) * 1e6).toFixed(0)} µs`;
    const stored = (
      await db.query(
        `SELECT COALESCE(sum(counted), 0)::int AS n FROM petitions_counters WHERE petition_id = $1`,
        [petition.id],
      )
    ).rows[0] as { n: number };
    const rows = (
      await db.query(
        `SELECT count(*)::int AS n FROM petitions_signatures WHERE petition_id = $1 AND status = 'active'`,
        [petition.id],
      )
    ).rows[0] as { n: number };
    const signRate = sign['2xx'] / signSeconds;
    const ceilingAfter = await measureCeiling(db, petition.id);
    const ceiling = (ceilingBefore + ceilingAfter) / 2;
    stored.n -= before.n;
    rows.n -= before.n;

    if (SIGN_ONLY) {
      process.stdout.write(
        `signing only: ${sign['2xx']} 2xx in ${signSeconds.toFixed(1)} s = ${signRate.toFixed(0)}/s, ` +
          `p50 ${sign.latency.p50} ms, p99 ${sign.latency.p99} ms, stored ${stored.n}, rows ${rows.n}, ` +
          `portal CPU ${cpuPerSign}/signature, ceiling ${ceiling.toFixed(0)}/s ` +
          `(${((signRate / ceiling) * 100).toFixed(1)} %)\n`,
      );
      return;
    }

    // Reads: the count endpoint and the petition page.
    const countReads = await run({
      url: `${url}/api/v1/petitions/${petition.id}/count`,
      connections: CONNECTIONS,
      duration: Math.min(SECONDS, 10),
    });
    // The same endpoint with a bearer token goes through the whole pipeline (auth guard, session lookup,
    // throttler, interceptors) and writes nothing: the most any authenticated request can do here.
    const pipelineReads = await run({
      url: `${url}/api/v1/petitions/${petition.id}/count`,
      connections: CONNECTIONS,
      duration: Math.min(SECONDS, 10),
      headers: { authorization: `Bearer ${residentTokens[0] ?? ''}` },
    });
    const pageReads = await run({
      url: `${url}/petitions/${petition.id}`,
      connections: CONNECTIONS,
      duration: Math.min(SECONDS, 10),
      headers: { accept: 'text/html' },
    });

    const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(34)} ${value}\n`);
    process.stdout.write('\n================ bench:sign ================\n');
    line('concurrency (connections)', String(CONNECTIONS));
    line('portal', `${API_PROCESSES} api process(es), ${REDIS_URL ? 'Redis' : 'no Redis'}, pool ${POOL}`);
    line('duration per phase', `${SECONDS} s (signing: ${amount} requests in ${signSeconds.toFixed(1)} s)`);
    line(
      'sign requests',
      `${sign.requests.total} (2xx ${sign['2xx']}, non-2xx ${sign.non2xx}, errors ${sign.errors}, timeouts ${sign.timeouts})`,
    );
    line('signatures/s (2xx)', signRate.toFixed(0));
    line('sign latency p50 / p99', `${sign.latency.p50} ms / ${sign.latency.p99} ms`);
    line('portal CPU per signature', `${cpuPerSign} (user + system, during the signing phase)`);
    line(
      'stored count == 2xx',
      `${stored.n} == ${sign['2xx']} (rows ${rows.n}): ${stored.n === sign['2xx'] && rows.n === sign['2xx'] ? 'OK' : 'MISMATCH'}`,
    );
    line(
      'count endpoint reads/s',
      `${countReads.requests.average.toFixed(0)} (p99 ${countReads.latency.p99} ms, non-2xx ${countReads.non2xx})`,
    );
    line(
      'authenticated count reads/s',
      `${pipelineReads.requests.average.toFixed(0)} (p99 ${pipelineReads.latency.p99} ms, non-2xx ${pipelineReads.non2xx}; full request pipeline, no write)`,
    );
    line(
      'petition page reads/s',
      `${pageReads.requests.average.toFixed(0)} (p99 ${pageReads.latency.p99} ms, non-2xx ${pageReads.non2xx})`,
    );
    line(
      'ceiling: bare INSERT … ON CONFLICT',
      `${ceiling.toFixed(0)} /s (${ceilingBefore.toFixed(0)} just before signing, ${ceilingAfter.toFixed(0)} just after)`,
    );
    line('signing / ceiling', `${((signRate / ceiling) * 100).toFixed(1)} %`);
    if (floor) {
      const floorRate = floor.result.requests.average;
      const floorCeiling = (floor.ceilingBefore + ceilingBefore) / 2;
      line(
        'floor: bare stack POST/s',
        `${floorRate.toFixed(0)} (p99 ${floor.result.latency.p99} ms, non-2xx ${floor.result.non2xx}; bench:floor's app)`,
      );
      line(
        'floor / ceiling',
        `${((floorRate / floorCeiling) * 100).toFixed(1)} % (ceiling ${floor.ceilingBefore.toFixed(0)} /s before it, ${ceilingBefore.toFixed(0)} after)`,
      );
      line('signing / floor', `${((signRate / floorRate) * 100).toFixed(1)} %`);
    }
    line(
      'signing / authenticated reads',
      `${((signRate / pipelineReads.requests.average) * 100).toFixed(1)} %`,
    );
    line('targets', '≥ 40% of ceiling, ≥ 1,500 signatures/s, p99 < 100 ms, ≥ 10,000 count reads/s');
    if (stored.n !== sign['2xx']) {
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await db.end();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
