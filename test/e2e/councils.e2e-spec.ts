import { XMLParser } from 'fast-xml-parser';
import * as ical from 'node-ical';
import request from 'supertest';
import {
  COUNCIL_MOTIONS,
  CouncilMotions,
  DomainEvents,
  MOTION_DECIDED,
  MotionDecidedEvent,
  MunicipalityService,
} from '@chartuloba/platform';
import { UserProvisioningService } from '@chartuloba/identity';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { bearerToken, PageClient } from '../support/pages';

const PASSWORD = 'correct horse battery';
const DAY = 24 * 60 * 60 * 1000;

interface Flags {
  announcement: string;
  minutes: string;
}

describe('councils over HTTP', () => {
  let t: TestApp;
  let staff: string;
  let secretary: string;
  let memberA: string;
  let memberB: string;
  let outsider: string;
  let citizen: string;
  let villageId: string;
  let sakrebuloId: string;
  let youthId: string;
  const userIds: Record<string, string> = {};
  const memberIds: Record<string, string> = {};
  const decided: MotionDecidedEvent[] = [];
  let failNextDecision = false;

  const bearerFor = (login: string) => bearerToken(t.url, login, PASSWORD);

  const api = (token: string) => ({
    post: (path: string, body: object = {}) =>
      request(t.url).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    get: (path: string) => request(t.url).get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
  });

  async function planSession(bodyId: string, startsAt: Date, title = 'Session'): Promise<string> {
    const response = await api(staff)
      .post(`/admin/councils/${bodyId}/sessions`, {
        title: { en: title, ka: `სხდომა ${title}` },
        startsAt: startsAt.toISOString(),
        place: { en: 'Hall, Dmanisi' },
      })
      .expect(201);
    return (response.body as { id: string }).id;
  }

  async function flagsOf(sessionId: string): Promise<Flags> {
    return (
      (await request(t.url).get(`/api/v1/councils/sessions/${sessionId}`).expect(200)).body as {
        flags: Flags;
      }
    ).flags;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const municipality = t.app.get(MunicipalityService);
    await municipality.create('dmanisi', { ka: 'დმანისი', en: 'Dmanisi' }, [
      { slug: 'irganchai', kind: 'village', name: { ka: 'ირგანჩაი', az: 'İrqançay', en: 'Irganchai' } },
    ]);
    villageId = (await municipality.settlements())[0]!.id;
    const provisioning = t.app.get(UserProvisioningService);
    const accounts: Array<[string, 'staff' | 'council_member' | 'citizen']> = [
      ['staff', 'staff'],
      ['secretary', 'council_member'],
      ['a', 'council_member'],
      ['b', 'council_member'],
      ['outsider', 'council_member'],
      ['citizen', 'citizen'],
    ];
    for (const [name, role] of accounts) {
      const user = await provisioning.create({
        email: `${name}@test.ge`,
        displayName: `User ${name}`,
        password: PASSWORD,
        roles: [role],
      });
      userIds[name] = user.id;
    }
    const tokens: string[] = [];
    for (const [name] of accounts) {
      tokens.push(await bearerFor(`${name}@test.ge`));
    }
    [staff, secretary, memberA, memberB, outsider, citizen] = tokens as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    t.app.get(DomainEvents).subscribe(MOTION_DECIDED, (event) => {
      if (failNextDecision) {
        failNextDecision = false;
        throw new Error('the originating lib refused');
      }
      decided.push(event as MotionDecidedEvent);
    });

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
    youthId = (
      (
        await api(staff)
          .post('/admin/councils', { slug: 'youth', kind: 'youth', name: { en: 'Youth council' } })
          .expect(201)
      ).body as { id: string }
    ).id;
    await request(t.url)
      .patch(`/api/v1/admin/councils/${sakrebuloId}`)
      .auth(staff, { type: 'bearer' })
      .send({
        announcementLeadDays: 5,
        minutesDueDays: 14,
        quorumRule: 'more-than-half',
        majorityRule: 'of-present',
      })
      .expect(200);
    const termStart = '2020-01-01';
    for (const [key, role] of [
      ['secretary', 'secretary'],
      ['a', 'member'],
      ['b', 'member'],
    ] as const) {
      const member = await api(staff)
        .post(`/admin/councils/${sakrebuloId}/members`, {
          name: `User ${key}`,
          userId: userIds[key],
          role,
          termStart,
        })
        .expect(201);
      memberIds[key] = (member.body as { id: string }).id;
    }
    // Two members with no account: they count for quorum and can be recorded by roll call.
    for (const name of ['Paper One', 'Paper Two']) {
      const member = await api(staff)
        .post(`/admin/councils/${sakrebuloId}/members`, { name, role: 'member', termStart })
        .expect(201);
      memberIds[name] = (member.body as { id: string }).id;
    }
    const youthMember = await api(staff)
      .post(`/admin/councils/${youthId}/members`, {
        name: 'User outsider',
        userId: userIds.outsider,
        role: 'member',
        termStart,
      })
      .expect(201);
    memberIds.outsider = (youthMember.body as { id: string }).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses bad input with field details and changes nothing', async () => {
    const bad = await api(staff)
      .post(`/admin/councils/${sakrebuloId}/sessions`, { title: { xx: 'nope' }, startsAt: 'tomorrow' })
      .expect(400);
    expect((bad.body as { details: Array<{ field: string }> }).details.map((d) => d.field)).toContain(
      'startsAt',
    );
    const noTitle = await api(staff)
      .post(`/admin/councils/${sakrebuloId}/sessions`, {
        title: { en: '  ' },
        startsAt: new Date().toISOString(),
      })
      .expect(400);
    expect(JSON.stringify(noTitle.body)).toContain('title');
    const body = (await request(t.url).get('/api/v1/councils/bodies/sakrebulo').expect(200)).body as {
      sessions: unknown[];
    };
    expect(body.sessions).toHaveLength(0);
    await api(citizen)
      .post(`/admin/councils/${sakrebuloId}/sessions`, {
        title: { en: 'x' },
        startsAt: new Date().toISOString(),
      })
      .expect(403);
  });

  it('announces a session on time, flags a late one and a missing one, and takes minutes only after the start', async () => {
    const onTime = await planSession(sakrebuloId, new Date(Date.now() + 10 * DAY), 'on time');
    expect((await flagsOf(onTime)).announcement).toBe('not-yet-due');
    // Only the secretary of this body (or staff) runs it; a member of another body may not.
    await api(outsider).post(`/admin/councils/sessions/${onTime}/announce`).expect(403);
    await api(secretary).post(`/admin/councils/sessions/${onTime}/announce`).expect(201);
    await api(secretary).post(`/admin/councils/sessions/${onTime}/announce`).expect(409);
    expect((await flagsOf(onTime)).announcement).toBe('on-time');
    await api(secretary)
      .post(`/admin/councils/sessions/${onTime}/minutes`, { text: { en: 'Too early' }, presentMemberIds: [] })
      .expect(409);

    const late = await planSession(sakrebuloId, new Date(Date.now() + 2 * DAY), 'late');
    await api(staff).post(`/admin/councils/sessions/${late}/announce`).expect(201);
    expect((await flagsOf(late)).announcement).toBe('late');

    const forgotten = await planSession(sakrebuloId, new Date(Date.now() - 20 * DAY), 'forgotten');
    expect(await flagsOf(forgotten)).toMatchObject({ announcement: 'missing', minutes: 'missing' });

    const field = await api(staff)
      .post(`/admin/councils/${sakrebuloId}/sessions`, {
        title: { en: 'Field session', az: 'Səyyar iclas' },
        startsAt: new Date(Date.now() - 2 * DAY).toISOString(),
        place: { en: 'School hall' },
        fieldSettlementId: villageId,
      })
      .expect(201);
    const fieldId = (field.body as { id: string }).id;
    const minutes = await api(secretary)
      .post(`/admin/councils/sessions/${fieldId}/minutes`, {
        text: { en: 'Residents asked about water.', az: 'Sakinlər su barədə soruşdular.' },
        presentMemberIds: [memberIds.secretary, memberIds.a],
      })
      .expect(201);
    expect(minutes.body).toMatchObject({ status: 'held' });
    await api(secretary)
      .post(`/admin/councils/sessions/${fieldId}/minutes`, {
        text: { en: 'x' },
        presentMemberIds: [memberIds.outsider],
      })
      .expect(400);
    const view = (await request(t.url).get(`/api/v1/councils/sessions/${fieldId}`).expect(200)).body as {
      flags: Flags;
      attendance: Array<{ name: string; present: boolean }>;
    };
    expect(view.flags.minutes).toBe('published');
    expect(
      view.attendance
        .filter((a) => a.present)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['User a', 'User secretary']);

    const year = new Date().getUTCFullYear();
    const compliance = (
      await request(t.url).get(`/api/v1/councils/bodies/sakrebulo/compliance?year=${year}`).expect(200)
    ).body as Record<string, number | boolean>;
    // Sessions near a year boundary would fall into another year; count only what this year holds.
    expect(compliance.announcementsMissing).toBeGreaterThanOrEqual(
      new Date(Date.now() - 20 * DAY).getUTCFullYear() === year ? 1 : 0,
    );
    expect(compliance.fieldSessions).toBeGreaterThanOrEqual(0);
    expect(compliance.reportPublished).toBe(false);
  });

  it('puts a motion from another lib on the agenda, lets only members vote once, and carries the decision back', async () => {
    const motions = t.app.get<CouncilMotions>(COUNCIL_MOTIONS);
    const request1 = {
      originLib: 'petitions',
      originId: 'p-1',
      title: { en: 'Street lights in Irganchai' },
      link: '/petitions/p-1',
    };
    const proposed = await motions.propose(request1);
    expect(await motions.propose(request1)).toEqual(proposed);
    expect(proposed.status).toBe('pending');
    const pending = (await api(staff).get('/admin/councils/motions/pending').expect(200)).body as Array<{
      id: string;
    }>;
    expect(pending.map((m) => m.id)).toContain(proposed.motionId);

    // A cancelled session gives an unvoted motion back to the pending list.
    const cancelled = await planSession(sakrebuloId, new Date(Date.now() + 3 * DAY), 'cancelled');
    await api(staff)
      .post(`/admin/councils/sessions/${cancelled}/agenda`, { motionId: proposed.motionId })
      .expect(201);
    await api(staff).post(`/admin/councils/sessions/${cancelled}/cancel`).expect(204);
    expect(await motions.statusOf('petitions', 'p-1')).toMatchObject({ status: 'pending', sessionId: null });

    const session = await planSession(sakrebuloId, new Date(Date.now() + 7 * DAY), 'with a motion');
    await api(staff)
      .post(`/admin/councils/sessions/${session}/agenda`, { motionId: proposed.motionId })
      .expect(201);
    await api(staff)
      .post(`/admin/councils/sessions/${session}/agenda`, { motionId: proposed.motionId })
      .expect(409);
    expect(await motions.statusOf('petitions', 'p-1')).toMatchObject({
      status: 'scheduled',
      sessionId: session,
    });

    const vote = (token: string, choice: string) =>
      api(token).post(`/councils/motions/${proposed.motionId}/votes`, { choice });
    await vote(memberA, 'yes').expect(204);
    await vote(memberA, 'no').expect(409);
    await vote(outsider, 'yes').expect(403);
    await vote(citizen, 'yes').expect(403);
    await vote(memberB, 'maybe').expect(400);
    await vote(memberB, 'abstain').expect(204);
    // The roll call refuses a member of another body, and a member who already voted.
    await api(secretary)
      .post(`/admin/councils/motions/${proposed.motionId}/roll-call`, {
        votes: [{ memberId: memberIds.outsider, choice: 'no' }],
      })
      .expect(403);
    await api(secretary)
      .post(`/admin/councils/motions/${proposed.motionId}/roll-call`, {
        votes: [{ memberId: memberIds.a, choice: 'no' }],
      })
      .expect(409);
    await api(secretary)
      .post(`/admin/councils/motions/${proposed.motionId}/roll-call`, {
        votes: [
          { memberId: memberIds.secretary, choice: 'yes' },
          { memberId: memberIds['Paper One'], choice: 'yes' },
        ],
      })
      .expect(204);

    // The database itself refuses a second vote and a vote by a member of another body.
    const insert = (memberId: string) =>
      t.dataSource.query(
        `INSERT INTO councils_votes (motion_id, body_id, member_id, choice, recorded_by) VALUES ($1, $2, $3, 'yes', $4)`,
        [proposed.motionId, sakrebuloId, memberId, userIds.staff],
      );
    await expect(insert(memberIds.a!)).rejects.toThrow(/duplicate key|unique/i);
    await expect(insert(memberIds.outsider!)).rejects.toThrow(/foreign key/i);
    await expect(
      t.dataSource.query(
        `INSERT INTO councils_votes (motion_id, body_id, member_id, choice, recorded_by) VALUES ($1, $2, $3, 'yes', $4)`,
        [proposed.motionId, youthId, memberIds.outsider, userIds.staff],
      ),
    ).rejects.toThrow(/foreign key/i);

    // A listener that fails rolls the decision back with it: the event travels in the same transaction.
    failNextDecision = true;
    await api(secretary).post(`/admin/councils/motions/${proposed.motionId}/decide`).expect(500);
    expect(await motions.statusOf('petitions', 'p-1')).toMatchObject({ status: 'scheduled', outcome: null });
    expect(decided).toHaveLength(0);

    await api(secretary).post(`/admin/councils/motions/${proposed.motionId}/decide`).expect(201);
    // 5 members, 4 voted (3 yes, 1 abstain), 1 absent; quorum 3; majority of present needs 3 yes.
    expect(decided).toEqual([
      expect.objectContaining({
        type: MOTION_DECIDED,
        motionId: proposed.motionId,
        originLib: 'petitions',
        originId: 'p-1',
        outcome: 'adopted',
        votes: { yes: 3, no: 0, abstain: 1, absent: 1 },
        sessionId: session,
      }),
    ]);
    expect(await motions.statusOf('petitions', 'p-1')).toMatchObject({
      status: 'decided',
      outcome: 'adopted',
    });
    await vote(memberB, 'yes').expect(409);
    await api(secretary).post(`/admin/councils/motions/${proposed.motionId}/decide`).expect(409);

    const page = await request(t.url)
      .get(`/councils/sessions/${session}`)
      .set('accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('Paper One');
    expect(page.text).toMatch(/User b<\/td><td>[^<]+<\/td>/);
  });

  it('keeps a recommendations register with deadlines, flags overdue answers publicly, and takes report questions', async () => {
    const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
    const overdue = await api(staff)
      .post(`/admin/councils/${sakrebuloId}/recommendations`, {
        addressee: 'Mayor',
        text: { en: 'Fix the water pipe' },
        issuedOn: iso(-60),
        responsibleUnit: 'Infrastructure service',
      })
      .expect(201);
    expect(overdue.body).toMatchObject({ responseDueOn: iso(-30), status: 'sent' });
    const answered = await api(secretary)
      .post(`/admin/councils/${sakrebuloId}/recommendations`, {
        addressee: 'Mayor',
        text: { en: 'Publish in Azerbaijani' },
        issuedOn: iso(-60),
        responsibleUnit: 'PR',
      })
      .expect(201);
    await api(secretary)
      .post(`/admin/councils/recommendations/${(answered.body as { id: string }).id}/answer`, {
        status: 'implemented',
        answer: { en: 'Done' },
        answeredOn: iso(-40),
      })
      .expect(201);
    const body = (await request(t.url).get('/api/v1/councils/bodies/sakrebulo').expect(200)).body as {
      recommendations: Array<{ addressee: string; overdue: boolean; text: { en: string } }>;
    };
    expect(body.recommendations.map((r) => [r.text.en, r.overdue]).sort()).toEqual([
      ['Fix the water pipe', true],
      ['Publish in Azerbaijani', false],
    ]);
    const page = await request(t.url)
      .get('/councils/sakrebulo')
      .set('accept', 'text/html')
      .set('cookie', 'locale=en')
      .expect(200);
    expect(page.text).toContain('Answer overdue');

    const report = await api(staff)
      .post(`/admin/councils/${sakrebuloId}/reports`, {
        kind: 'mayor-public',
        year: new Date().getUTCFullYear(),
        presenter: 'The Mayor',
        title: { en: 'Mayor’s public report' },
        scheduledAt: new Date(Date.now() + 5 * DAY).toISOString(),
        announce: true,
      })
      .expect(201);
    const reportId = (report.body as { id: string }).id;
    const question = await api(citizen)
      .post(`/councils/reports/${reportId}/questions`, { question: 'When will the road be fixed?' })
      .expect(201);
    await api(staff)
      .post(`/admin/councils/questions/${(question.body as { id: string }).id}/answer`, {
        answer: 'In spring.',
      })
      .expect(204);
    await api(staff)
      .post(`/admin/councils/reports/${reportId}/publish`, { text: { en: 'What we did this year.' } })
      .expect(201);
    const shown = (await request(t.url).get(`/api/v1/councils/reports/${reportId}`).expect(200)).body as {
      questions: Array<{ question: string; answer: string }>;
      publishedAt: string;
    };
    expect(shown.questions).toEqual([
      expect.objectContaining({ question: 'When will the road be fixed?', answer: 'In spring.' }),
    ]);
    expect(shown.publishedAt).toBeTruthy();
  });

  it('serves iCalendar feeds that a real parser reads into the announced sessions', async () => {
    const announced = await planSession(
      youthId,
      new Date('2031-05-04T11:00:00Z'),
      'Youth, budget; roads\nand schools',
    );
    await planSession(youthId, new Date('2031-06-01T11:00:00Z'), 'not announced yet');
    await api(staff).post(`/admin/councils/sessions/${announced}/announce`).expect(201);

    const youth = await request(t.url)
      .get('/councils/youth/calendar.ics')
      .set('cookie', 'locale=en')
      .expect(200);
    expect(youth.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(youth.text)).filter(
      (c): c is ical.VEvent => c.type === 'VEVENT',
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe('Youth council: Youth, budget; roads\nand schools');
    expect(events[0]!.start.toISOString()).toBe('2031-05-04T11:00:00.000Z');
    expect(events[0]!.uid).toBe(`${announced}@councils.chartuloba`);
    expect(String(events[0]!.url)).toContain(`/councils/sessions/${announced}`);

    const all = await request(t.url).get('/councils/calendar.ics').expect(200);
    const allEvents = Object.values(ical.sync.parseICS(all.text)).filter((c) => c.type === 'VEVENT');
    // Every announced or held session of every body, and none that is only planned.
    expect(allEvents.length).toBeGreaterThanOrEqual(4);
    expect(all.text).not.toContain('not announced yet');
    await request(t.url).get('/councils/no-such-body/calendar.ics').expect(404);
  });

  it('serves an Atom feed of announcements and minutes that parses', async () => {
    const response = await request(t.url).get('/councils/feed.atom').set('cookie', 'locale=en').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(response.text) as {
      feed: {
        title: string;
        entry: Array<{ title: string; category: { '@_term': string }; link: { '@_href': string } }>;
      };
    };
    expect(parsed.feed.title).toBe('Council announcements and minutes');
    const titles = parsed.feed.entry.map((e) => e.title);
    expect(titles).toContain('Minutes: Sakrebulo: Field session');
    expect(titles).toContain('Announced: Youth council: Youth, budget; roads\nand schools');
    expect(new Set(parsed.feed.entry.map((e) => e.category['@_term']))).toEqual(
      new Set(['announcement', 'minutes']),
    );
  });

  it('plans a session through the staff form, re-showing the form with errors when the date is missing', async () => {
    const browser = new PageClient(t.url);
    const signIn = await browser.submit('/sign-in', { login: 'secretary@test.ge', password: PASSWORD });
    expect(signIn.status).toBe(303);
    const form = `/admin/councils/${sakrebuloId}/sessions/new`;
    const bad = await browser.submit(form, { 'title.en': 'Kept title' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('startsAt-error');
    expect(bad.text).toContain('value="Kept title"');
    const good = await browser.submit(form, {
      'title.en': 'Spring session',
      startsAt: '2031-03-20T15:00',
      'place.en': 'Hall',
    });
    expect(good.status).toBe(303);
    const manage = await browser.get(String(good.headers.location));
    expect(manage.status).toBe(200);
    expect(manage.text).toContain('Spring session');
    expect((await new PageClient(t.url).get(form)).status).toBe(303);
  });

  it('runs the recommendations register and the rules from the council’s staff page', async () => {
    const staffPages = new PageClient(t.url);
    await staffPages.submit('/sign-in', { login: 'staff@test.ge', password: PASSWORD });
    const page = `/admin/councils/${youthId}`;
    const bad = await staffPages.submit(
      page,
      { addressee: '', 'text.en': 'Open the sports hall on Sundays' },
      `${page}/recommendations`,
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('addressee-error');
    expect(bad.text).toContain('Open the sports hall on Sundays');
    const before = (await request(t.url).get('/api/v1/councils/bodies/youth').expect(200)).body as {
      recommendations: unknown[];
    };
    expect(before.recommendations).toHaveLength(0);
    const good = await staffPages.submit(
      page,
      {
        addressee: 'Mayor',
        'text.en': 'Open the sports hall on Sundays',
        issuedOn: '2031-01-10',
        responsibleUnit: 'Sports service',
      },
      `${page}/recommendations`,
    );
    expect(good.status).toBe(303);
    const after = (await request(t.url).get('/api/v1/councils/bodies/youth').expect(200)).body as {
      recommendations: Array<{ id: string; responseDueOn: string }>;
    };
    expect(after.recommendations).toEqual([expect.objectContaining({ responseDueOn: '2031-02-09' })]);
    const id = after.recommendations[0]!.id;
    const answered = await staffPages.submit(
      page,
      { [`answer-${id}.en`]: 'Opened from March', status: 'implemented', [`answeredOn-${id}`]: '2031-02-01' },
      `${page}/recommendations/${id}/answer`,
    );
    expect(answered.status).toBe(303);
    const settings = await staffPages.submit(
      page,
      {
        announcementLeadDays: '7',
        minutesDueDays: '10',
        responseDays: '20',
        quorumRule: 'one-third',
        majorityRule: 'of-votes-cast',
      },
      `${page}/settings`,
    );
    expect(settings.status).toBe(303);
    const youth = (await request(t.url).get('/api/v1/councils').expect(200)).body as Array<{
      slug: string;
      announcementLeadDays: number;
      quorumRule: string;
    }>;
    expect(youth.find((b) => b.slug === 'youth')).toMatchObject({
      announcementLeadDays: 7,
      quorumRule: 'one-third',
    });

    // A secretary runs the register of their own body but not its rules, and nothing of another body.
    const secretaryPages = new PageClient(t.url);
    await secretaryPages.submit('/sign-in', { login: 'secretary@test.ge', password: PASSWORD });
    expect((await secretaryPages.get(page)).status).toBe(403);
    expect((await secretaryPages.get(`/admin/councils/${sakrebuloId}`)).status).toBe(200);
    const refused = await secretaryPages.submit(
      `/admin/councils/${sakrebuloId}`,
      { announcementLeadDays: '1' },
      `/admin/councils/${sakrebuloId}/settings`,
    );
    expect(refused.status).toBe(403);
  });

  it('schedules a member’s yearly public report, takes a resident’s question in advance and publishes the answers', async () => {
    const staffPages = new PageClient(t.url);
    await staffPages.submit('/sign-in', { login: 'staff@test.ge', password: PASSWORD });
    const page = `/admin/councils/${sakrebuloId}`;
    const missing = await staffPages.submit(page, { kind: 'member-public', year: '2031' }, `${page}/reports`);
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('presenter-error');
    const scheduled = await staffPages.submit(
      page,
      {
        kind: 'member-public',
        year: '2031',
        presenter: 'Elnur Mammadov',
        'reportTitle.az': 'Elnur Məmmədovun illik hesabatı',
        scheduledAt: '2031-10-20T17:00',
      },
      `${page}/reports`,
    );
    expect(scheduled.status).toBe(303);
    const reports = (
      (await request(t.url).get('/api/v1/councils/bodies/sakrebulo').expect(200)).body as {
        reports: Array<{ report: { id: string; presenter: string; scheduledAt: string } }>;
      }
    ).reports;
    const report = reports.find((r) => r.report.presenter === 'Elnur Mammadov')!.report;
    expect(report.scheduledAt).toBe('2031-10-20T13:00:00.000Z');

    const resident = new PageClient(t.url);
    await resident.submit('/sign-in', { login: 'citizen@test.ge', password: PASSWORD });
    const tooShort = await resident.submit(
      `/councils/reports/${report.id}`,
      { question: 'Hm' },
      `/councils/reports/${report.id}/questions`,
    );
    expect(tooShort.status).toBe(400);
    expect(tooShort.text).toContain('question-error');
    const asked = await resident.submit(
      `/councils/reports/${report.id}`,
      { question: 'Kənd yolu nə vaxt təmir olunacaq?' },
      `/councils/reports/${report.id}/questions`,
    );
    expect(asked.status).toBe(303);

    const view = (await request(t.url).get(`/api/v1/councils/reports/${report.id}`).expect(200)).body as {
      questions: Array<{ id: string }>;
    };
    const questionId = view.questions[0]!.id;
    expect(
      (
        await staffPages.submit(
          page,
          { [`qa-${questionId}`]: 'Yazda.' },
          `${page}/questions/${questionId}/answer`,
        )
      ).status,
    ).toBe(303);
    expect(
      (
        await staffPages.submit(
          page,
          { [`report-${report.id}.az`]: 'Bu il görülən işlər.' },
          `${page}/reports/${report.id}/publish`,
        )
      ).status,
    ).toBe(303);

    const shown = await request(t.url)
      .get(`/councils/reports/${report.id}`)
      .set('cookie', 'locale=az')
      .expect(200);
    expect(shown.text).toContain('Bu il görülən işlər.');
    expect(shown.text).toContain('Kənd yolu nə vaxt təmir olunacaq?');
    expect(shown.text).toContain('Yazda.');
    // Questions close once the report is published.
    await request(t.url)
      .post(`/api/v1/councils/reports/${report.id}/questions`)
      .auth(citizen, { type: 'bearer' })
      .send({ question: 'One more question?' })
      .expect(409);
  });
});
