import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { MunicipalityService } from '@chartuloba/platform';
import type { TestApp } from '@chartuloba/testing';

export const PASSWORD = 'correct horse battery';

/**
 * A bearer token for `login`, minted the way identity issues one (a session row and a signed JWT) rather
 * than through POST /auth/token: that route is rate-limited per address, and with Redis the counter is
 * shared by every test app on this machine, so a suite creating many residents would trip it.
 */
export async function bearerFor(t: TestApp, login: string): Promise<string> {
  const [user] = (await t.dataSource.query(`SELECT id FROM identity_users WHERE lower(email) = lower($1)`, [
    login,
  ])) as Array<{ id: string }>;
  if (!user) {
    throw new Error(`no account ${login}`);
  }
  const [session] = (await t.dataSource.query(
    `INSERT INTO identity_sessions (token_hash, user_id, kind, expires_at)
     VALUES (md5(random()::text), $1, 'api', now() + interval '1 hour') RETURNING id`,
    [user.id],
  )) as Array<{ id: string }>;
  return t.app
    .get(JwtService, { strict: false })
    .signAsync(
      { sub: user.id, sid: session?.id },
      { expiresIn: 3600, issuer: t.url, audience: 'chartuloba-api' },
    );
}

/** Dmanisi with its 20,013 voters (threshold 201), unless a different count is given. */
export async function setUpMunicipality(t: TestApp, registeredVoters = 20013): Promise<void> {
  const municipalities = t.app.get(MunicipalityService);
  if (!(await municipalities.exists())) {
    await municipalities.create('dmanisi', { ka: 'დმანისი', az: 'Dmanisi', en: 'Dmanisi' }, [
      { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', az: 'İrqançay', en: 'Irganchai' } },
      { slug: 'kamarlo', kind: 'village', name: { ka: 'ყამარლო', az: 'Qəmərli', en: 'Kamarlo' } },
    ]);
  }
  await municipalities.recordVoterCount(
    { registeredVoters, asOf: '2024-10-26', source: 'CEC of Georgia (test)' },
    null,
  );
}

export async function createUser(
  t: TestApp,
  email: string,
  roles: Array<'staff' | 'moderator' | 'admin'> = [],
) {
  const user = await t.app
    .get(UserProvisioningService)
    .create({ email, displayName: email.split('@')[0] ?? email, password: PASSWORD, roles });
  return { id: user.id, token: await bearerFor(t, email) };
}

let personalNumberSeq = 1000;

/** A citizen whose residency staff verified in person (a fresh personal number unless given). */
export async function createResident(t: TestApp, staffToken: string, email: string, personalNumber?: string) {
  const user = await createUser(t, email);
  personalNumberSeq += 1;
  await request(t.url)
    .post(`/api/v1/admin/accounts/${user.id}/residency`)
    .auth(staffToken, { type: 'bearer' })
    .send({ personalNumber: personalNumber ?? `0200${String(personalNumberSeq).padStart(7, '0')}` })
    .expect(204);
  return user;
}

export function closesOn(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 4 * 3600_000).toISOString().slice(0, 10);
}

/** A petition written by `authorToken` and submitted for moderation. */
export async function submittedPetition(
  t: TestApp,
  authorToken: string,
  title = 'Bus to Irganchai',
): Promise<string> {
  const created = await request(t.url)
    .post('/api/v1/petitions')
    .auth(authorToken, { type: 'bearer' })
    .send({
      kind: 'session-request',
      title: { en: title, az: `${title} (az)` },
      body: { en: 'Please discuss it.' },
      closesOn: closesOn(30),
    })
    .expect(201);
  const id = (created.body as { id: string }).id;
  await request(t.url)
    .post(`/api/v1/petitions/${id}/submit`)
    .auth(authorToken, { type: 'bearer' })
    .expect(200);
  return id;
}

/** A petition written by `authorToken`, submitted, and opened by `staffToken`. */
export async function openPetition(
  t: TestApp,
  authorToken: string,
  staffToken: string,
  title = 'Bus to Irganchai',
): Promise<string> {
  const id = await submittedPetition(t, authorToken, title);
  await request(t.url)
    .post(`/api/v1/admin/petitions/${id}/open`)
    .auth(staffToken, { type: 'bearer' })
    .expect(200);
  return id;
}
