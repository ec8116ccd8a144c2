import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Actor, APP_CONFIG, AppConfig } from '@chartuloba/platform';
import { IdentityKeys } from '../services/identity-keys';
import { BearerClaims, SessionsService } from '../services/sessions.service';

/** Bearer tokens of API clients: a valid signature is not enough, the session behind it must be live. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    keys: IdentityKeys,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt's types say string or Buffer; it hands the key to jsonwebtoken, which takes a KeyObject.
      secretOrKey: keys.jwt as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: config.publicUrl,
      audience: 'chartuloba-api',
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<BearerClaims>): Promise<Actor | false> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      return false;
    }
    return (await this.sessions.actorOfBearer({ sub: claims.sub, sid: claims.sid })) ?? false;
  }
}
