import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface SpawnedApp {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs a built entry point (`dist/...`) as `npm start` would, with exactly the given environment. */
export function spawnBuilt(
  entry: 'api' | 'worker' | 'cli',
  env: Record<string, string>,
  args: string[] = [],
): SpawnedApp {
  const child = spawn(process.execPath, [resolve(ROOT, `dist/apps/${entry}/src/main.js`), ...args], {
    cwd: ROOT,
    // Only what the test passes: no DATABASE_URL or REDIS_URL leaks in from CI's environment.
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  return { child, output: () => output, exited };
}

/** Polls `url` until it answers 200 or the time is up. */
export async function waitForOk(url: string, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status === 200) {
        return response;
      }
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${last})`);
}

export async function runCli(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  const cli = spawnBuilt('cli', env, args);
  cli.child.stdin?.end();
  const code = await cli.exited;
  return { code, output: cli.output() };
}
