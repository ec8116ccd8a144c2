import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '../http/request-context';

/** The roles of the portal. A user can hold several; `citizen` alone is what everyone signed in has. */
export const ROLES = ['citizen', 'council_member', 'staff', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PUBLIC_ROUTE = 'chartuloba:public';
export const REQUIRED_ROLES = 'chartuloba:roles';

/**
 * Access is denied by default: the access guard (identity) lets a route through only when it is marked
 * `@Public()`, or the actor is signed in and holds one of `@Roles(...)` (any signed-in actor when none).
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface ActorRequest {
  actor?: Actor;
}

/** The signed-in actor; the guard has already refused the request when a route needs one and there is none. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<ActorRequest>().actor;
});

export function hasRole(actor: Actor | undefined, ...roles: Role[]): boolean {
  return !!actor && roles.some((role) => actor.roles.includes(role));
}
