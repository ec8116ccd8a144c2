import type { IncomingMessage } from 'node:http';
import { createVerifier } from 'fast-jwt';
import passport from 'passport';

type Done = (error: unknown, user?: unknown) => void;
type VerifiedClaims = (claims: Record<string, unknown>, done: Done) => void;

export interface BearerTokenOptions {
  /** The HMAC secret of HS256 tokens. */
  secret: Buffer;
  issuer: string;
  audience: string;
}

/**
 * A Passport strategy for `Authorization: Bearer <JWT>`, verified by fast-jwt: passport-jwt's jsonwebtoken
 * decoded every token twice and was an eighth of an authenticated request's CPU. Only HS256 with our
 * issuer and audience passes, and only with an expiry not yet reached; a token that fails any check fails
 * authentication (no actor). `verified` maps the claims to a user, or to false.
 */
export class BearerTokenStrategy extends passport.Strategy {
  private readonly verify: (token: string) => Record<string, unknown>;

  constructor(
    options: BearerTokenOptions,
    private readonly verified: VerifiedClaims,
  ) {
    super();
    this.verify = createVerifier({
      key: options.secret,
      algorithms: ['HS256'],
      allowedIss: options.issuer,
      allowedAud: options.audience,
      requiredClaims: ['exp'],
    }) as (token: string) => Record<string, unknown>;
  }

  override authenticate(request: IncomingMessage): void {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!token) {
      this.fail('missing bearer token', 401);
      return;
    }
    let claims: Record<string, unknown>;
    try {
      claims = this.verify(token);
    } catch {
      this.fail('invalid bearer token', 401);
      return;
    }
    this.verified(claims, (error, user) => {
      if (error) {
        this.error(error);
      } else if (user) {
        this.success(user as Express.User);
      } else {
        this.fail('no live session for this token', 401);
      }
    });
  }
}
