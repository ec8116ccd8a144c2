import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Actor, hasRole, PageRequest, PUBLIC_ROUTE, REQUIRED_ROLES, Role } from '@chartuloba/platform';
import { IdentityError } from '../identity.errors';
import { SESSION_COOKIE, SessionsService } from '../services/sessions.service';

/** The bearer strategy through @nestjs/passport, answering "no actor" instead of refusing: the access guard decides. */
@Injectable()
export class BearerAuthenticator extends AuthGuard('jwt') {
  override handleRequest<TUser = Actor>(error: unknown, user: TUser | false): TUser {
    if (error) {
      throw error;
    }
    return (user || undefined) as TUser;
  }
}

type GuardedRequest = PageRequest & { user?: Actor };

/**
 * Deny by default. Every route needs a signed-in actor unless it is `@Public()`, and one of its `@Roles()`
 * when it names some. Pages authenticate by the session cookie only, the JSON API by bearer token only:
 * a cookie on /api would be open to cross-site forgery, since the API takes no CSRF token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly bearer: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    const request = context.switchToHttp().getRequest<GuardedRequest>();

    request.actor = request.url.startsWith('/api/')
      ? await this.actorOfBearer(context, request)
      : await this.actorOfCookie(request);

    if (isPublic) {
      return true;
    }
    if (!request.actor) {
      throw new IdentityError('identity.sign-in-required', 'unauthenticated', 'Please sign in');
    }
    if (roles.length && !hasRole(request.actor, ...roles)) {
      throw new IdentityError('identity.forbidden', 'forbidden', 'You do not have access to this');
    }
    return true;
  }

  private async actorOfBearer(
    context: ExecutionContext,
    request: GuardedRequest,
  ): Promise<Actor | undefined> {
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      return undefined;
    }
    await this.bearer.canActivate(context);
    return request.user;
  }

  private async actorOfCookie(request: GuardedRequest): Promise<Actor | undefined> {
    const raw = request.cookies?.[SESSION_COOKIE];
    if (!raw) {
      return undefined;
    }
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? this.sessions.actorOfWebSession(unsigned.value) : undefined;
  }
}
