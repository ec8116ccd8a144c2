import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, APP_CONFIG, AppConfig } from '@chartuloba/platform';
import { randomToken, sha256 } from '../domain/secrets';
import { UserEntity } from '../entities/user.entity';
import { SessionsRepository } from '../repositories/sessions.repository';
import { UsersRepository } from '../repositories/users.repository';

export const SESSION_COOKIE = 'sid';
export const WEB_SESSION_DAYS = 30;
export const BEARER_TTL_SECONDS = 3600;
const TOUCH_EVERY_MS = 5 * 60_000;

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
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    const session = await this.sessions.findActiveByHash(sha256(token), 'web');
    if (!session) {
      return undefined;
    }
    const user = await this.users.findById(session.userId);
    if (!user) {
      return undefined;
    }
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.touch(session.id);
    }
    return actorOf(user);
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
    const session = await this.sessions.findActiveById(claims.sid, 'api');
    if (!session || session.userId !== claims.sub) {
      return undefined;
    }
    const user = await this.users.findById(session.userId);
    return user ? actorOf(user) : undefined;
  }

  async revokeBearer(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
  }

  async endAllSessions(userId: string): Promise<void> {
    await this.sessions.revokeAllForUser(userId);
  }
}
