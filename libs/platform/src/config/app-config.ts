import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const LOCALES = ['ka', 'az', 'hy', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The environment as the portal reads it; every variable is validated once at boot. */
class EnvironmentVariables {
  @Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsEmail({ require_tld: false })
  MAIL_FROM?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'APP_SECRET must be at least 32 characters' })
  APP_SECRET?: string;

  @IsOptional()
  @IsIn(LOCALES, { message: `DEFAULT_LOCALE must be one of ${LOCALES.join(', ')}` })
  DEFAULT_LOCALE?: Locale;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY?: string;

  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1-40 lowercase letters, digits, - or _' })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @IsIn(['auto', 'always', 'never'], { message: 'DEMO_SEED must be auto, always or never' })
  DEMO_SEED?: 'auto' | 'always' | 'never';

  @Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE!: number;

  @Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE!: number;

  @Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES!: number;
}

export interface AppConfig {
  port: number;
  /** api processes sharing the port (node:cluster), to use every core of one machine. */
  apiProcesses: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string | undefined;
  /** BullMQ key prefix, so several portals (or test runs) can share one Redis. */
  queuePrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  appSecret: string;
  defaultLocale: Locale;
  logLevel: string;
  /** Demo data: `auto` seeds an empty embedded database only; never a production DATABASE_URL. */
  demoSeed: 'auto' | 'always' | 'never';
  rateLimitPerMinute: number;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (else anyone could fake it). */
  trustProxy: boolean;
  /** Which real parts are in use; the health endpoint reports them. */
  mode: { database: 'postgres' | 'pglite'; queue: 'bullmq' | 'inline'; mail: 'smtp' | 'outbox' };
}

export class ConfigError extends Error {}

/**
 * Validates the environment. Throws ConfigError with one line naming the first bad variable,
 * so a mistyped deployment stops before it touches any data.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = {
    PORT: '3000',
    DATABASE_POOL_SIZE: '20',
    RATE_LIMIT_PER_MINUTE: '600',
    API_PROCESSES: '1',
  };
  const raw: Record<string, string | undefined> = {
    ...defaults,
    ...Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  };
  const parsed = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  const first = errors[0];
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = reason.startsWith(first.property) ? reason : `${first.property} ${reason}`;
    throw new ConfigError(
      `Invalid configuration: ${shown} (got ${JSON.stringify(String(raw[first.property]))})`,
    );
  }
  const dataDir = resolve(parsed.DATA_DIR ?? './data');
  const embedded = !parsed.DATABASE_URL;
  const appSecret = parsed.APP_SECRET ?? (embedded ? embeddedSecret(dataDir) : undefined);
  if (!appSecret) {
    throw new ConfigError('Invalid configuration: APP_SECRET is required when DATABASE_URL is set');
  }
  if (parsed.API_PROCESSES > 1 && (embedded || !parsed.REDIS_URL)) {
    // One process owns an embedded database, and in-process jobs assume they are the only runner.
    throw new ConfigError('Invalid configuration: API_PROCESSES above 1 needs DATABASE_URL and REDIS_URL');
  }
  return {
    port: parsed.PORT,
    apiProcesses: parsed.API_PROCESSES,
    publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    redisUrl: parsed.REDIS_URL,
    queuePrefix: parsed.QUEUE_PREFIX ?? 'chartuloba',
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM ?? 'no-reply@chartuloba.local',
    appSecret,
    defaultLocale: parsed.DEFAULT_LOCALE ?? 'ka',
    logLevel: parsed.LOG_LEVEL ?? 'info',
    demoSeed: parsed.DEMO_SEED ?? 'auto',
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    trustProxy: parsed.TRUST_PROXY === 'true',
    mode: {
      database: embedded ? 'pglite' : 'postgres',
      queue: parsed.REDIS_URL ? 'bullmq' : 'inline',
      mail: parsed.SMTP_URL ? 'smtp' : 'outbox',
    },
  };
}

/** In embedded mode the secret is generated once and kept beside the data it protects. */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'app-secret');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
