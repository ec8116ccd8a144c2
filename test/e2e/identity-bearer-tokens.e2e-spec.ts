import { createHmac } from 'node:crypto';
import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { IdentityKeys } from '../../libs/identity/src/services/identity-keys';
import { createUser, setUpMunicipality } from '../support/petitions';

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Bearer tokens: only our own unexpired HS256 tokens for a live session name an actor; anything else is 401. */
describe('identity: bearer tokens', () => {
  let t: TestApp;
  let token: string;
  let claims: { sub: string; sid: string; iss: string; aud: string; exp: number; iat: number };
  let secret: Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpMunicipality(t);
    token = (await createUser(t, 'bearer@test.ge', [])).token;
    claims = t.app.get(JwtService, { strict: false }).decode(token);
    secret = t.app.get(IdentityKeys).jwt.export();
  });
  afterAll(async () => t?.close());

  /** A token signed with the portal's own key, with whatever header and claims a test wants. */
  const signed = (header: object, payload: object, algorithm = 'sha256') => {
    const input = `${base64url(header)}.${base64url(payload)}`;
    return `${input}.${createHmac(algorithm, secret).update(input).digest('base64url')}`;
  };
  const me = (bearer: string) => request(t.url).get('/api/v1/auth/me').auth(bearer, { type: 'bearer' });
  const now = () => Math.floor(Date.now() / 1000);

  it('names the actor for an issued token, and the same claims re-signed with our key', async () => {
    expect((await me(token).expect(200)).body).toEqual(expect.objectContaining({ id: claims.sub }));
    await me(signed({ alg: 'HS256', typ: 'JWT' }, claims)).expect(200);
  });

  it('refuses a token whose signature, algorithm, issuer, audience or expiry is wrong', async () => {
    const [head, body] = token.split('.');
    const refused = {
      'tampered signature': `${head}.${body}.${'A'.repeat(43)}`,
      'tampered claims': `${head}.${base64url({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })}.${token.split('.')[2]}`,
      'alg none': `${base64url({ alg: 'none', typ: 'JWT' })}.${body}.`,
      'HS512 with our key': signed({ alg: 'HS512', typ: 'JWT' }, claims, 'sha512'),
      'another issuer': signed({ alg: 'HS256' }, { ...claims, iss: 'https://elsewhere.example' }),
      'another audience': signed({ alg: 'HS256' }, { ...claims, aud: 'someone-else' }),
      expired: signed({ alg: 'HS256' }, { ...claims, iat: now() - 7200, exp: now() - 60 }),
      'no expiry': signed(
        { alg: 'HS256' },
        { sub: claims.sub, sid: claims.sid, iss: claims.iss, aud: claims.aud },
      ),
      'not a JWT': 'not-a-token',
    };
    for (const [what, bearer] of Object.entries(refused)) {
      const response = await me(bearer);
      expect({ what, status: response.status }).toEqual({ what, status: 401 });
    }
  });

  it('refuses a well-signed token once its session is revoked', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    expect(claims.iss).toBe(config.publicUrl);
    await t.dataSource.query(`UPDATE identity_sessions SET revoked_at = now() WHERE id = $1`, [claims.sid]);
    await me(token).expect(401);
  });
});
