import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { IdentityFacade } from '@chartuloba/identity';
import { countStatements, startTestApp, TestApp } from '@chartuloba/testing';
import { SessionsService } from '../../libs/identity/src/services/sessions.service';
import { createResident, createUser, setUpMunicipality } from '../support/petitions';

/** What other libs ask of accounts on their hot paths: the resident key with the session, contacts in bulk. */
describe('identity: the facade on hot paths', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpMunicipality(t);
    staff = (await createUser(t, 'staff@test.ge', ['staff'])).token;
  });
  afterAll(async () => t?.close());

  const actorOf = async (token: string) => {
    const claims = t.app.get(JwtService, { strict: false }).decode<{ sub: string; sid: string }>(token);
    const actor = await t.app.get(SessionsService).actorOfBearer(claims);
    if (!actor) {
      throw new Error('no live session');
    }
    return actor;
  };

  it('answers from the session lookup for that request, and reads afresh for the next one', async () => {
    const resident = await createResident(t, staff, 'resident-key@test.ge');
    const identity = t.app.get(IdentityFacade);
    const actor = await actorOf(resident.token);
    const key = await identity.residentKeyOf(resident.id);
    expect(key).toEqual(expect.any(String));

    // Residency gone after the session was read: this request keeps what it read, as one query would.
    await t.dataSource.query(`DELETE FROM identity_residency WHERE user_id = $1`, [resident.id]);
    expect(await identity.residentKeyFor(actor)).toBe(key);
    expect(await identity.residentKeyOf(resident.id)).toBeNull();

    // The next request's session lookup sees it gone.
    expect(await identity.residentKeyFor(await actorOf(resident.token))).toBeNull();
  });

  it('finds no key for an account that is not a verified resident', async () => {
    const visitor = await createUser(t, 'visitor-key@test.ge');
    expect(await t.app.get(IdentityFacade).residentKeyFor(await actorOf(visitor.token))).toBeNull();
  });

  it('looks the key up for an actor it did not read with a session', async () => {
    const resident = await createResident(t, staff, 'looked-up@test.ge');
    const identity = t.app.get(IdentityFacade);
    const actor = { id: resident.id, label: 'looked-up', roles: ['citizen'] };
    expect(await identity.residentKeyFor(actor)).toBe(await identity.residentKeyOf(resident.id));
  });

  it('reads contacts a thousand ids per query, past the chunk boundary, finding each account once', async () => {
    const known = [await createUser(t, 'contact-first@test.ge'), await createUser(t, 'contact-last@test.ge')];
    // 1,001 distinct ids: the first and the last are accounts, so each chunk finds one.
    const strangers = Array.from({ length: 999 }, () => randomUUID());
    const ids = [known[0]?.id ?? '', ...strangers, known[1]?.id ?? '', known[0]?.id ?? ''];
    const { result, statements } = await countStatements(t.dataSource, () =>
      t.app.get(IdentityFacade).contactsOf(ids),
    );
    expect(statements).toHaveLength(2);
    expect([...result.keys()].sort()).toEqual(known.map((user) => user.id).sort());
    expect(result.get(known[1]?.id ?? '')).toMatchObject({ email: 'contact-last@test.ge' });
  });
});
