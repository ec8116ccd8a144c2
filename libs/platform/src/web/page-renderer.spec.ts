import type { FastifyReply } from 'fastify';
import { h } from 'preact';
import { loadConfig } from '../config/app-config';
import { I18nService } from '../i18n/i18n.service';
import type { MunicipalityService } from '../municipality/municipality.service';
import { PageRenderer, PageRequest, SHARED_PAGE_MS } from './page-renderer';

/** A reply that keeps what was sent. */
function replyRecorder() {
  const sent: { status?: number; body?: string } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header() {
      return reply;
    },
    clearCookie() {
      return reply;
    },
    generateCsrf: () => 'token-of-this-visitor',
    send(body: string) {
      sent.body = body;
      return Promise.resolve(reply);
    },
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

function visit(url: string, extra: Partial<PageRequest> = {}): PageRequest {
  return { id: 'r', url, method: 'GET', locale: 'en', cookies: {}, ...extra } as unknown as PageRequest;
}

describe('PageRenderer.sendShared', () => {
  const config = loadConfig({ APP_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/chartuloba-pages-spec' });
  const municipalities = {
    current: () => Promise.resolve({ name: { en: 'Dmanisi' } }),
  } as unknown as MunicipalityService;
  let pages: PageRenderer;
  let loads: number;
  let now: number;

  /** A page whose text says how many times it was loaded, with a form when asked. */
  const load = (withForm = false) => {
    return async () => {
      loads += 1;
      const n = loads;
      return () => h('main', null, `load ${n}`, withForm ? h('input', { name: '_csrf', value: 'x' }) : null);
    };
  };

  async function show(request: PageRequest, withForm = false): Promise<string> {
    const { reply, sent } = replyRecorder();
    await pages.sendShared(request, reply, load(withForm));
    expect(sent.status).toBe(200);
    return sent.body ?? '';
  }

  beforeEach(() => {
    pages = new PageRenderer(new I18nService(config), municipalities, config);
    loads = 0;
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });

  afterEach(() => jest.restoreAllMocks());

  it('serves signed-out visitors one render per address and language until it is SHARED_PAGE_MS old', async () => {
    expect(await show(visit('/petitions/1'))).toContain('load 1');
    now += SHARED_PAGE_MS - 1;
    expect(await show(visit('/petitions/1'))).toContain('load 1');
    expect(await show(visit('/petitions/1', { locale: 'az' }))).toContain('load 2');
    expect(await show(visit('/petitions/2'))).toContain('load 3');
    now += 1;
    expect(await show(visit('/petitions/1'))).toContain('load 4');
    expect(loads).toBe(4);
  });

  it('lets visitors who arrive while the page renders wait for that render instead of starting their own', async () => {
    const bodies = await Promise.all(Array.from({ length: 20 }, () => show(visit('/petitions/1'))));
    expect(new Set(bodies).size).toBe(1);
    expect(loads).toBe(1);
  });

  it('renders for the request a signed-in visitor, a visitor with a notice, and anything but GET', async () => {
    await show(visit('/petitions/1'));
    await show(
      visit('/petitions/1', {
        actor: { id: 'u', label: 'Leyla', roles: ['citizen'] },
      } as Partial<PageRequest>),
    );
    await show(visit('/petitions/1', { cookies: { flash: 'petitions.flash.signed' } }));
    await show(visit('/petitions/1', { method: 'HEAD' }));
    expect(loads).toBe(4);
  });

  it('never shares a page holding a form, whose CSRF token is one visitor’s own', async () => {
    expect(await show(visit('/petitions/1'), true)).toContain('load 1');
    expect(await show(visit('/petitions/1'), true)).toContain('load 2');
  });

  it('keeps no failed load: the visitor gets the error and the next one loads again', async () => {
    const { reply } = replyRecorder();
    await expect(
      pages.sendShared(visit('/petitions/1'), reply, () => Promise.reject(new Error('no such petition'))),
    ).rejects.toThrow('no such petition');
    expect(await show(visit('/petitions/1'))).toContain('load 1');
  });
});
