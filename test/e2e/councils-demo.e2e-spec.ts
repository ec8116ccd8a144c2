import * as ical from 'node-ical';
import request from 'supertest';
import { DemoSeedRunner } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';
import { binary } from '../support/pages';

interface BodyView {
  slug: string;
  kind: string;
  members: unknown[];
  sessions: Array<{
    id: string;
    status: string;
    fieldSettlementId: string | null;
    flags: { announcement: string; minutes: string };
  }>;
  recommendations: Array<{ overdue: boolean; status: string }>;
}

describe('councils demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });

  afterAll(async () => {
    await t?.close();
  });

  const body = async (slug: string) =>
    (await request(t.url).get(`/api/v1/councils/bodies/${slug}`).expect(200)).body as BodyView;

  it('holds the four kinds of bodies with members, minuted past sessions, a field session and an announced one', async () => {
    const bodies = (await request(t.url).get('/api/v1/councils').expect(200)).body as Array<{ kind: string }>;
    expect(new Set(bodies.map((b) => b.kind))).toEqual(
      new Set(['sakrebulo', 'commission', 'mayor-advisory', 'gender-equality', 'youth']),
    );
    const sakrebulo = await body('sakrebulo');
    expect(sakrebulo.members.length).toBeGreaterThanOrEqual(6);
    expect(
      sakrebulo.sessions.filter((s) => s.status === 'held' && s.flags.minutes === 'published'),
    ).toHaveLength(2);
    expect(sakrebulo.sessions.some((s) => s.status === 'held' && s.fieldSettlementId !== null)).toBe(true);
    expect(sakrebulo.sessions.filter((s) => s.status === 'announced')).toEqual([
      expect.objectContaining({ flags: expect.objectContaining({ announcement: 'on-time' }) }),
    ]);
    const advisory = await body('mayor-advisory-council');
    expect(advisory.recommendations.map((r) => [r.status, r.overdue]).sort()).toEqual([
      ['implemented', false],
      ['sent', true],
    ]);
  });

  it('shows them on the public pages in Georgian, Azerbaijani and English, and in the calendar', async () => {
    for (const [locale, text] of [
      ['ka', 'საკრებულოს გასვლითი სხდომა'],
      ['az', 'Sakrebulonun səyyar iclası'],
      ['en', 'Field session of the Sakrebulo'],
    ]) {
      const page = await request(t.url)
        .get('/councils/sakrebulo')
        .set('cookie', `locale=${locale}`)
        .expect(200);
      expect(page.text).toContain(text);
    }
    const advisory = await request(t.url)
      .get('/councils/mayor-advisory-council')
      .set('cookie', 'locale=az')
      .expect(200);
    expect(advisory.text).toContain('Cavab gecikir');
    const lastYear = new Date().getUTCFullYear() - 1;
    const earlier = await request(t.url)
      .get(`/councils/sakrebulo?year=${lastYear}`)
      .set('cookie', 'locale=en')
      .expect(200);
    expect(earlier.text).toContain(`Openness in ${lastYear}`);
    const calendar = await request(t.url).get('/councils/sakrebulo/calendar.ics').expect(200);
    expect(Object.values(ical.sync.parseICS(calendar.text)).filter((c) => c.type === 'VEVENT')).toHaveLength(
      3,
    );
  });

  it('gives a past Sakrebulo session a downloadable agenda paper and signed minutes', async () => {
    const { sessions } = await body('sakrebulo');
    const views = await Promise.all(
      sessions.map(
        async (s) =>
          (await request(t.url).get(`/api/v1/councils/sessions/${s.id}`).expect(200)).body as {
            documents: Array<{ downloadUrl: string | null; mediaType: string }>;
            minutesPdfUrl: string | null;
          },
      ),
    );
    const withPaper = views.find((v) => v.documents.length > 0);
    expect(withPaper?.documents[0]).toMatchObject({ mediaType: 'application/pdf' });
    for (const url of [withPaper?.documents[0]?.downloadUrl, withPaper?.minutesPdfUrl]) {
      const file = await request(t.url)
        .get(url ?? '')
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect((file.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('adds nothing when seeded again', async () => {
    await t.app.get(DemoSeedRunner).run();
    const bodies = (await request(t.url).get('/api/v1/councils').expect(200)).body as unknown[];
    expect(bodies).toHaveLength(5);
    expect((await body('sakrebulo')).sessions).toHaveLength(3);
  });
});
