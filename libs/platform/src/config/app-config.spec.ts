import { ConfigError, loadConfig } from './app-config';

const base = { APP_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/chartuloba-config-spec' };

describe('loadConfig', () => {
  it('runs embedded with no database, Redis or SMTP configured', () => {
    const config = loadConfig(base);
    expect(config.mode).toEqual({ database: 'pglite', queue: 'inline', mail: 'outbox' });
    expect(config.port).toBe(3000);
    expect(config.defaultLocale).toBe('ka');
  });

  it('uses the real servers when their URLs are set', () => {
    const config = loadConfig({
      ...base,
      DATABASE_URL: 'postgres://u@db/chartuloba',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtp://mail:25',
    });
    expect(config.mode).toEqual({ database: 'postgres', queue: 'bullmq', mail: 'smtp' });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/x'],
    ['REDIS_URL', 'localhost:6379'],
    ['SMTP_URL', 'mail.example.ge'],
    ['DEFAULT_LOCALE', 'ru'],
    ['PUBLIC_URL', 'not a url'],
    ['APP_SECRET', 'short'],
    ['API_PROCESSES', '0'],
  ])('refuses a malformed %s with one line naming it', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ ...base, [name]: value });
    } catch (error) {
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('requires APP_SECRET when running on a real database', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/x' })).toThrow(/APP_SECRET/);
  });

  it('runs several api processes only on PostgreSQL and Redis', () => {
    expect(() => loadConfig({ ...base, API_PROCESSES: '2' })).toThrow(/API_PROCESSES/);
    expect(() => loadConfig({ ...base, API_PROCESSES: '2', DATABASE_URL: 'postgres://u@db/x' })).toThrow(
      /REDIS_URL/,
    );
    const config = loadConfig({
      ...base,
      API_PROCESSES: '2',
      DATABASE_URL: 'postgres://u@db/x',
      REDIS_URL: 'redis://cache:6379',
    });
    expect(config.apiProcesses).toBe(2);
  });
});
