import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createSecretKey, randomBytes } from 'node:crypto';
import { Body, Controller, Injectable, Module, Post, UseGuards, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsBoolean, IsOptional } from 'class-validator';
import { ExtractJwt, Strategy } from 'passport-jwt';

/**
 * bench:floor: what the fixed stack alone costs per authenticated write request on this machine. A Nest
 * app on Fastify with a Passport JWT guard, the ValidationPipe and a DTO like the sign route's, answering
 * from memory: no database, no code of ours. Signing can only be slower than this, so it is the figure to
 * read bench:sign's ratios against. The app runs in a child process, as the portal does in bench:sign, so
 * the load generator does not share its event loop. BENCH_SECONDS (10), BENCH_CONNECTIONS (50).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECRET = process.env.FLOOR_SECRET ?? randomBytes(32).toString('hex');

class SignBody {
  @IsOptional() @IsBoolean() notify?: boolean;
}

@Injectable()
class BearerStrategy extends PassportStrategy(Strategy, 'bench-jwt') {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, as the portal passes: with a string, every verify builds the key again.
      secretOrKey: createSecretKey(Buffer.from(SECRET)) as unknown as Buffer,
      algorithms: ['HS256'],
    });
  }

  validate(claims: { sub: string }): { id: string } {
    return { id: claims.sub };
  }
}

@Controller()
class FloorController {
  private signed = 0;

  @Post('sign')
  @UseGuards(AuthGuard('bench-jwt'))
  sign(@Body() body: SignBody): { signatureId: number; notify: boolean } {
    this.signed += 1;
    return { signatureId: this.signed, notify: body.notify ?? true };
  }
}

@Module({ imports: [PassportModule], controllers: [FloorController], providers: [BearerStrategy] })
class FloorModule {}

export interface FloorResult {
  '2xx': number;
  non2xx: number;
  requests: { average: number };
  latency: { p50: number; p99: number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: object,
  done: (error: Error | null, result: FloorResult) => void,
) => unknown;

/** The child: serves the app and prints its URL. */
async function serve(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), {
    logger: false,
  });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`${await app.getUrl()}\n`);
}

/** The floor app, running in a child process, and a token it accepts. */
export interface FloorApp {
  url: string;
  token: string;
  stop(): void;
}

export async function startFloorApp(): Promise<FloorApp> {
  const child = spawn(process.execPath, [__filename, 'serve'], {
    env: { ...process.env, FLOOR_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the app exited (${code}) before it listened`)));
    child.stdout?.once('data', (chunk: Buffer) => done(chunk.toString().trim()));
  });
  const token = new JwtService({ secret: SECRET }).sign({ sub: 'bench' }, { expiresIn: 3600 });
  return { url, token, stop: () => child.kill('SIGTERM') };
}

/** Authenticated sign POSTs against the floor app for `seconds`, after a two-second warm-up. */
export async function driveFloor(app: FloorApp, seconds: number, connections: number): Promise<FloorResult> {
  const drive = (duration: number) =>
    new Promise<FloorResult>((done, fail) => {
      autocannon(
        {
          url: `${app.url}/sign`,
          connections,
          duration,
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
        },
        (error, result) => (error ? fail(error) : done(result)),
      );
    });
  await drive(2);
  return drive(seconds);
}

async function main(): Promise<void> {
  const app = await startFloorApp();
  try {
    const result = await driveFloor(app, SECONDS, CONNECTIONS);
    const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(34)} ${value}\n`);
    process.stdout.write('\n================ bench:floor ================\n');
    line('concurrency (connections)', String(CONNECTIONS));
    line('stack', 'Nest on Fastify, Passport JWT guard, ValidationPipe; no database');
    line('authenticated POST/s', `${result.requests.average.toFixed(0)} (non-2xx ${result.non2xx})`);
    line('latency p50 / p99', `${result.latency.p50} ms / ${result.latency.p99} ms`);
  } finally {
    app.stop();
  }
}

// bench:sign imports this file for the floor; run as a script, it is bench:floor (or, with `serve`, its app).
if (require.main === module) {
  (process.argv[2] === 'serve' ? serve() : main()).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
