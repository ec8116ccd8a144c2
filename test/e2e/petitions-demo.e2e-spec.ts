import request from 'supertest';
import { DemoSeedRunner } from '@chartuloba/platform';
import { startTestApp, TestApp } from '@chartuloba/testing';

describe('petitions demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('seeds Dmanisi petitions in several states, the open one just under half its threshold, idempotently', async () => {
    const list = await request(t.url).get('/api/v1/petitions?pageSize=50').expect(200);
    const byTitle = (en: string) =>
      (
        list.body.items as Array<{
          title: { en?: string; ka?: string; az?: string };
          status: string;
          signatures: number;
          threshold: number | null;
        }>
      ).find((p) => p.title.en === en);
    const bus = byTitle('A regular bus route Dmanisi–Irganchai');
    expect(bus).toMatchObject({ status: 'open', threshold: 201, signatures: 97 });
    expect(bus?.title.ka).toBeTruthy();
    expect(bus?.title.az).toBeTruthy();
    expect(byTitle('Heating for the Kamarlo public school')?.status).toBe('registered');
    expect(byTitle('Street lighting in central Dmanisi')?.status).toBe('answered');
    await t.app.get(DemoSeedRunner).run();
    const again = await request(t.url).get('/api/v1/petitions?pageSize=50').expect(200);
    expect(again.body.total).toBe(list.body.total);
    await request(t.url).get('/petitions').set('accept', 'text/html').expect(200);
  });
});
