import request from 'supertest';
import { UserProvisioningService } from '@chartuloba/identity';
import { MunicipalityService } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { ka as budgetingKa } from '../../libs/budgeting/src/i18n/ka';
import { ka as petitionsKa } from '../../libs/petitions/src/i18n/ka';
import {
  bearerFor,
  createResident,
  createUser,
  openPetition,
  PASSWORD,
  setUpMunicipality,
} from '../support/petitions';

const DAY = 24 * 60 * 60 * 1000;

type Choice = 'yes' | 'no' | 'abstain';
/** Sakrebulo members of this suite: four with accounts who vote themselves, one on paper, one absent. */
type Member = 'secretary' | 'a' | 'b' | 'c' | 'paper' | 'absent';

interface Motion {
  id: string;
  originLib: string;
  originId: string;
  status: string;
}

/**
 * The council path across the real libs: petitions and budgeting file motions through COUNCIL_MOTIONS,
 * the Sakrebulo votes on them through the councils API, and `councils.motion-decided` (published by the
 * councils lib itself, not by the test) brings the decision back to the lib that asked.
 */
describe('council decisions across petitions, councils and budgeting', () => {
  let t: TestApp;
  let staff: string;
  let author: { id: string; token: string };
  const signers: Array<{ id: string; token: string }> = [];
  const tokens: Partial<Record<Member, string>> = {};
  const memberIds: Partial<Record<Member, string>> = {};
  let irganchai: string;

  const api = (token: string) => ({
    get: (path: string) => request(t.url).get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });

  const petition = async (id: string) =>
    (await request(t.url).get(`/api/v1/petitions/${id}`).expect(200)).body as {
      status: string;
      answerOutcome: string | null;
      answerText: Record<string, string> | null;
    };

  const page = async (path: string) =>
    (await request(t.url).get(path).set('accept', 'text/html').expect(200)).text;

  async function pendingMotion(originLib: string, originId: string): Promise<Motion> {
    const pending = (await api(staff).get('/admin/councils/motions/pending').expect(200)).body as Motion[];
    const motion = pending.find((m) => m.originLib === originLib && m.originId === originId);
    if (!motion) {
      throw new Error(`no pending motion for ${originLib} ${originId}`);
    }
    return motion;
  }

  /** Plans a Sakrebulo session, announces it and puts the motion on its agenda. */
  async function schedule(motionId: string): Promise<string> {
    const session = await api(staff)
      .post(`/admin/councils/${sakrebuloId}/sessions`, {
        title: { en: 'Regular session', ka: 'რიგითი სხდომა' },
        startsAt: new Date(Date.now() + 10 * DAY).toISOString(),
        place: { en: 'Hall, Dmanisi' },
      })
      .expect(201);
    const sessionId = (session.body as { id: string }).id;
    await api(tokens.secretary!).post(`/admin/councils/sessions/${sessionId}/announce`).expect(201);
    await api(staff).post(`/admin/councils/sessions/${sessionId}/agenda`, { motionId }).expect(201);
    return sessionId;
  }

  /** Members with an account vote themselves; the paper member's vote comes through the secretary's roll call. */
  async function vote(motionId: string, votes: Partial<Record<Member, Choice>>): Promise<void> {
    for (const [member, choice] of Object.entries(votes) as Array<[Member, Choice]>) {
      if (member === 'paper') {
        await api(tokens.secretary!)
          .post(`/admin/councils/motions/${motionId}/roll-call`, {
            votes: [{ memberId: memberIds.paper, choice }],
          })
          .expect(204);
      } else {
        await api(tokens[member]!).post(`/councils/motions/${motionId}/votes`, { choice }).expect(204);
      }
    }
  }

  const decide = (motionId: string) =>
    api(tokens.secretary!).post(`/admin/councils/motions/${motionId}/decide`);

  /** A petition with its threshold of 3 reached by the author and two verified residents, registered and sent to the Sakrebulo. */
  async function petitionBeforeCouncil(title: string): Promise<{ petitionId: string; motion: Motion }> {
    const petitionId = await openPetition(t, author.token, staff, title);
    for (const signer of [author, ...signers]) {
      await api(signer.token).post(`/petitions/${petitionId}/signature`).expect(201);
    }
    expect((await petition(petitionId)).status).toBe('threshold-reached');
    await api(staff).post(`/admin/petitions/${petitionId}/register`).expect(200);
    const considered = await request(t.url)
      .post(`/api/v1/admin/petitions/${petitionId}/consider?council=true`)
      .auth(staff, { type: 'bearer' })
      .expect(200);
    expect((considered.body as { status: string }).status).toBe('under-consideration');
    return { petitionId, motion: await pendingMotion('petitions', petitionId) };
  }

  let sakrebuloId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpMunicipality(t, 300); // 1% of 300: three signatures reach the threshold
    irganchai = (await t.app.get(MunicipalityService).settlements()).find((s) => s.slug === 'irganchai')!.id;
    staff = (await createUser(t, 'staff@test.ge', ['staff'])).token;
    author = await createResident(t, staff, 'author@test.ge');
    signers.push(await createResident(t, staff, 'signer-1@test.ge'));
    signers.push(await createResident(t, staff, 'signer-2@test.ge'));

    sakrebuloId = (
      (
        await api(staff)
          .post('/admin/councils', {
            slug: 'sakrebulo',
            kind: 'sakrebulo',
            name: { ka: 'საკრებულო', en: 'Sakrebulo' },
          })
          .expect(201)
      ).body as { id: string }
    ).id;
    await request(t.url)
      .patch(`/api/v1/admin/councils/${sakrebuloId}`)
      .auth(staff, { type: 'bearer' })
      .send({ quorumRule: 'more-than-half', majorityRule: 'of-present' })
      .expect(200);
    const provisioning = t.app.get(UserProvisioningService);
    for (const key of ['secretary', 'a', 'b', 'c', 'paper', 'absent'] as const) {
      const withAccount = key !== 'paper' && key !== 'absent';
      const user = withAccount
        ? await provisioning.create({
            email: `member-${key}@test.ge`,
            displayName: `Member ${key}`,
            password: PASSWORD,
            roles: ['council_member'],
          })
        : null;
      const member = await api(staff)
        .post(`/admin/councils/${sakrebuloId}/members`, {
          name: `Member ${key}`,
          ...(user ? { userId: user.id } : {}),
          role: key === 'secretary' ? 'secretary' : 'member',
          termStart: '2020-01-01',
        })
        .expect(201);
      memberIds[key] = (member.body as { id: string }).id;
      if (user) {
        tokens[key] = await bearerFor(t, `member-${key}@test.ge`);
      }
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers a petition the Sakrebulo adopts, with the vote figures, on its API and page, and mails the signatories', async () => {
    const { petitionId, motion } = await petitionBeforeCouncil('Bus to Irganchai');
    expect(motion.status).toBe('pending');
    const sessionId = await schedule(motion.id);
    expect(
      JSON.stringify((await request(t.url).get(`/api/v1/councils/sessions/${sessionId}`).expect(200)).body),
    ).toContain(motion.id);

    // Six members, five vote: three yes (one by roll call), one no, one abstains; quorum 4, of-present needs 3 yes.
    await vote(motion.id, { a: 'yes', b: 'yes', paper: 'yes', c: 'no', secretary: 'abstain' });
    const decided = await decide(motion.id).expect(201);
    expect(decided.body).toMatchObject({
      status: 'decided',
      outcome: 'adopted',
      quorate: true,
      yesCount: 3,
      noCount: 1,
      abstainCount: 1,
      absentCount: 1,
    });

    const answered = await petition(petitionId);
    expect(answered).toMatchObject({ status: 'answered', answerOutcome: 'accepted' });
    expect(answered.answerText?.en).toBe(
      'The Sakrebulo adopted the motion (yes 3, no 1, abstain 1, absent 1).',
    );
    const html = await page(`/petitions/${petitionId}`);
    expect(html).toContain(petitionsKa['petitions.outcome.accepted']);
    expect(html).toContain('მომხრე 3, წინააღმდეგი 1, თავი შეიკავა 1, არ ესწრებოდა 1');

    await t.drainJobs();
    for (const to of ['author@test.ge', 'signer-1@test.ge', 'signer-2@test.ge']) {
      await t.smtp.waitFor(
        (m) => m.to.includes(to) && m.subject === petitionsKa['petitions.mail.answered.subject'],
      );
    }
  });

  it('gives a petition the Sakrebulo votes down a rejected answer', async () => {
    const { petitionId, motion } = await petitionBeforeCouncil('Close the market on Sundays');
    await schedule(motion.id);
    await vote(motion.id, { a: 'no', b: 'no', c: 'no', secretary: 'yes', paper: 'abstain' });
    expect((await decide(motion.id).expect(201)).body).toMatchObject({ outcome: 'rejected', quorate: true });

    const answered = await petition(petitionId);
    expect(answered).toMatchObject({ status: 'answered', answerOutcome: 'rejected' });
    expect(answered.answerText?.en).toBe(
      'The Sakrebulo rejected the motion (yes 1, no 3, abstain 1, absent 1).',
    );
    expect(await page(`/petitions/${petitionId}`)).toContain(petitionsKa['petitions.outcome.rejected']);
  });

  it('refuses to close a vote without quorum, leaving the petition under consideration until enough members vote', async () => {
    const { petitionId, motion } = await petitionBeforeCouncil('Street lights in Kamarlo');
    const sessionId = await schedule(motion.id);
    await vote(motion.id, { a: 'yes', b: 'yes', c: 'yes' });

    // Three of six voted; more than half is four. The Sakrebulo has decided nothing, so nothing is closed.
    const refused = await decide(motion.id).expect(409);
    expect(refused.body).toMatchObject({
      code: 'councils.no-quorum',
      message: 'No quorum: 3 members have voted and 4 are needed; the vote stays open',
    });
    const open = await petition(petitionId);
    expect(open).toMatchObject({ status: 'under-consideration', answerOutcome: null, answerText: null });
    expect(await page(`/petitions/${petitionId}`)).toContain(
      petitionsKa['petitions.status.under-consideration'],
    );
    // The motion is still open on the session's agenda: a fourth vote gives the quorum.
    expect(
      JSON.stringify((await request(t.url).get(`/api/v1/councils/sessions/${sessionId}`).expect(200)).body),
    ).toContain('"scheduled"');
    await vote(motion.id, { paper: 'no' });
    expect((await decide(motion.id).expect(201)).body).toMatchObject({
      outcome: 'adopted',
      quorate: true,
      yesCount: 3,
    });
    expect(await petition(petitionId)).toMatchObject({ status: 'answered', answerOutcome: 'accepted' });
  });

  describe('the budget shortlist', () => {
    let voter: string;
    let personal = 30_000_000_000;

    beforeAll(async () => {
      const user = await createUser(t, 'voter@test.ge');
      await api(staff)
        .post(`/admin/accounts/${user.id}/residency`, {
          personalNumber: String(personal++),
          settlementId: irganchai,
          birthYear: 1985,
        })
        .expect(204);
      voter = user.token;
    });

    /** A cycle that needs the Sakrebulo's approval, moved from review to council with one project shortlisted. */
    async function cycleBeforeCouncil(title: string) {
      const created = await api(staff)
        .post('/admin/budgeting/cycles', {
          title: { ka: title, en: title },
          rules: { en: 'Residents aged 16+ vote.' },
          totalBudget: 50_000,
          districtBudgets: [{ settlementId: irganchai, budget: 50_000 }],
          maxProjectCost: 50_000,
          ballotType: 'knapsack',
          outcomeRule: 'greedy',
          minVoterAge: 16,
          needsCouncil: true,
        })
        .expect(201);
      const cycleId = (created.body as { id: string }).id;
      const cycle = async () =>
        (await request(t.url).get(`/api/v1/budgeting/cycles/${cycleId}`).expect(200)).body as {
          phase: string;
          districts: Array<{ id: string; settlementId: string | null }>;
        };
      const districtId = (await cycle()).districts.find((d) => d.settlementId === irganchai)!.id;
      const project = await api(voter)
        .post(`/budgeting/cycles/${cycleId}/projects`, {
          districtId,
          title: { en: `Playground (${title})` },
          description: { en: 'Swings by the school' },
          estimatedCost: 20_000,
          location: 'School',
        })
        .expect(201);
      const projectId = (project.body as { id: string }).id;
      await api(staff).post(`/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
      await api(staff)
        .post(`/admin/budgeting/projects/${projectId}/review`, {
          decision: 'shortlist',
          feasible: true,
          legal: true,
          costEstimate: 20_000,
        })
        .expect(200);
      await api(staff).post(`/admin/budgeting/cycles/${cycleId}/advance`).expect(200);
      expect((await cycle()).phase).toBe('council');
      const ballot = () =>
        api(voter).post(`/budgeting/cycles/${cycleId}/ballot`, { districtId, choices: [{ projectId }] });
      return { cycleId, cycle, ballot, motion: await pendingMotion('budgeting', cycleId) };
    }

    it('opens voting once the Sakrebulo adopts the shortlist', async () => {
      const { cycleId, cycle, ballot, motion } = await cycleBeforeCouncil('Budget 2026');
      expect((await ballot().expect(409)).body).toMatchObject({ code: 'budgeting.wrong-phase' });
      await schedule(motion.id);
      await vote(motion.id, { a: 'yes', b: 'yes', c: 'yes', secretary: 'yes', paper: 'no' });
      await decide(motion.id).expect(201);

      expect((await cycle()).phase).toBe('voting');
      expect((await ballot().expect(201)).body).toHaveProperty('receipt');
      expect(await page(`/budgeting/${cycleId}`)).toContain(budgetingKa['budgeting.phase.voting']);
    });

    it('keeps voting blocked when the Sakrebulo rejects the shortlist', async () => {
      const { cycleId, cycle, ballot, motion } = await cycleBeforeCouncil('Budget 2027');
      await schedule(motion.id);
      await vote(motion.id, { a: 'no', b: 'no', c: 'no', secretary: 'yes' });
      await decide(motion.id).expect(201);

      expect((await cycle()).phase).toBe('council-rejected');
      const refused = await ballot().expect(409);
      expect(refused.body).toMatchObject({
        code: 'budgeting.wrong-phase',
        message: 'Voting is not open',
      });
      expect(await page(`/budgeting/${cycleId}`)).toContain(budgetingKa['budgeting.phase.council-rejected']);
      await api(staff).post(`/admin/budgeting/cycles/${cycleId}/advance`).expect(409);
    });
  });
});
