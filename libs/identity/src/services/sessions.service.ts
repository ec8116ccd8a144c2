import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, APP_CONFIG, AppConfig, Batcher } from '@chartuloba/platform';
import { randomToken, sha256 } from '../domain/secrets';
import { UserEntity } from '../entities/user.entity';
import { SessionKind } from '../entities/session.entity';
import { LiveSession, SessionsRepository } from '../repositories/sessions.repository';

export const SESSION_COOKIE = 'sid';
export const WEB_SESSION_DAYS = 30;
export const BEARER_TTL_SECONDS = 3600;
const TOUCH_EVERY_MS = 5 * 60_000;
// At most two in flight: under load the batches grow instead of the queries (four made batches of ~3).
const SESSION_LOOKUPS = { concurrency: 2, maxBatch: 256 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BearerClaims {
  sub: string;
  sid: string;
}

export function actorOf(user: UserEntity): Actor {
  return { id: user.id, label: user.displayName, roles: [...user.roles] };
}

/**
 * Web sessions and API tokens. Both point at a row in identity_sessions, and the user's roles are read
 * on every request, so signing out, revoking or changing roles takes effect at once.
 */
@Injectable()
export class SessionsService {
  // Every request checks its session; concurrent checks share one query (still read fresh each time).
  private readonly webSessions = this.liveSessionLookup('web', 'token_hash');
  private readonly apiSessions = this.liveSessionLookup('api', 'id');
  // Each request's actor is a new object, so what was read with its session lives exactly as long as it.
  private readonly residentKeys = new WeakMap<Actor, string | null>();

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private liveSessionLookup(
    kind: SessionKind,
    by: 'id' | 'token_hash',
  ): Batcher<string, LiveSession | undefined> {
    return new Batcher(async (keys) => {
      const found = new Map((await this.sessions.findLive(kind, by, keys)).map((row) => [row.key, row]));
      return keys.map((key) => found.get(key));
    }, SESSION_LOOKUPS);
  }

  /** A new web session; answers the secret for the cookie (only its hash is stored). */
  async startWebSession(userId: string): Promise<string> {
    const token = randomToken();
    await this.sessions.insert({
      tokenHash: sha256(token),
      userId,
      kind: 'web',
      expiresAt: new Date(Date.now() + WEB_SESSION_DAYS * 24 * 3600_000),
    });
    return token;
  }

  async actorOfWebSession(token: string): Promise<Actor | undefined> {
    const session = await this.webSessions.submit(sha256(token));
    if (!session) {
      return undefined;
    }
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.touch(session.sessionId);
    }
    return this.actorOf(session);
  }

  async endWebSession(token: string): Promise<void> {
    const session = await this.sessions.findActiveByHash(sha256(token), 'web');
    if (session) {
      await this.sessions.revoke(session.id);
    }
  }

  /** A short-lived JWT for API clients, tied to a session row so it can be revoked before it expires. */
  async issueBearer(userId: string): Promise<{ accessToken: string; expiresIn: number }> {
    const session = await this.sessions.insert({
      tokenHash: sha256(randomToken()),
      userId,
      kind: 'api',
      expiresAt: new Date(Date.now() + BEARER_TTL_SECONDS * 1000),
    });
    const claims: BearerClaims = { sub: userId, sid: session.id };
    return {
      accessToken: await this.jwt.signAsync(claims, {
        expiresIn: BEARER_TTL_SECONDS,
        issuer: this.config.publicUrl,
        audience: 'chartuloba-api',
      }),
      expiresIn: BEARER_TTL_SECONDS,
    };
  }

  async actorOfBearer(claims: BearerClaims): Promise<Actor | undefined> {
    const session = UUID.test(claims.sid) ? await this.apiSessions.submit(claims.sid) : undefined;
    if (!session || session.userId !== claims.sub) {
      return undefined;
    }
    return this.actorOf(session);
  }

  /** The resident key read with this actor's session (null: not a verified resident); undefined if not known. */
  residentKeyReadWith(actor: Actor): string | null | undefined {
    return this.residentKeys.get(actor);
  }

  private actorOf(session: LiveSession): Actor {
    const actor: Actor = { id: session.userId, label: session.displayName, roles: [...session.roles] };
    this.residentKeys.set(actor, session.residentKey);
    return actor;
  }

  async revokeBearer(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
  }

  async endAllSessions(userId: string): Promise<void> {
    await this.sessions.revokeAllForUser(userId);
  }
}
