import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Actor, APP_CONFIG, AppConfig } from '@chartuloba/platform';
import { IdentityKeys } from '../services/identity-keys';
import { BearerClaims, SessionsService } from '../services/sessions.service';
import { BearerTokenStrategy } from './bearer-token.strategy';

/** Bearer tokens of API clients: a valid signature is not enough, the session behind it must be live. */
@Injectable()
export class JwtStrategy extends PassportStrategy(BearerTokenStrategy, 'jwt') {
  constructor(
    keys: IdentityKeys,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({ secret: keys.jwt.export(), issuer: config.publicUrl, audience: 'chartuloba-api' });
  }

  async validate(claims: Partial<BearerClaims>): Promise<Actor | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      return false;
    }
    return (await this.sessions.actorOfBearer({ sub: claims.sub, sid: claims.sid })) ?? false;
  }
}
