import { JwtService } from '@nestjs/jwt';
import { IdentityFacade } from '@chartuloba/identity';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { SessionsService } from '../../libs/identity/src/services/sessions.service';
import { createResident, createUser, setUpMunicipality } from '../support/petitions';

/** Signing and voting take the resident key read with the request's session, not a second query. */
describe('identity: the resident key read with the session', () => {
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
});
