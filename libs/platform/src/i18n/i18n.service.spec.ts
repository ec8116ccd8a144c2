import { loadConfig } from '../config/app-config';
import { I18nService } from './i18n.service';
import './messages';

describe('I18nService', () => {
  const i18n = new I18nService(
    loadConfig({ APP_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/chartuloba-i18n-spec' }),
  );

  it('picks the best supported language from Accept-Language, else Georgian', () => {
    expect(i18n.negotiate('ru-RU,ru;q=0.9,az;q=0.8,en;q=0.5')).toBe('az');
    expect(i18n.negotiate('hy-AM')).toBe('hy');
    expect(i18n.negotiate('fr, de;q=0.5')).toBe('ka');
    expect(i18n.negotiate('en;q=0, az;q=0.1')).toBe('az');
    expect(i18n.negotiate(undefined)).toBe('ka');
  });

  it('formats messages with plurals in each language', () => {
    expect(i18n.t('en', 'platform.form.errors-summary', { count: 1 })).toBe(
      'There is a problem: 1 field needs attention',
    );
    expect(i18n.t('en', 'platform.form.errors-summary', { count: 3 })).toBe(
      'There is a problem: 3 fields need attention',
    );
    expect(i18n.t('ka', 'platform.nav.home')).toBe('მთავარი');
  });

  it('falls back to the default language, then shows the key, for a message nobody wrote', () => {
    expect(i18n.t('az', 'platform.no-such-key')).toBe('platform.no-such-key');
  });

  it('formats GEL amounts kept in tetri and numbers per locale', () => {
    expect(i18n.formatGel('en', 2_000_000)).toMatch(/20,000\.00/);
    expect(i18n.formatGel('ka', 2_000_000)).toMatch(/20\s000,00/);
    expect(i18n.formatNumber('az', 20013)).toBe('20.013');
    expect(i18n.formatNumber('en', 20013)).toBe('20,013');
  });

  it('shows dates in Tbilisi time in the reader’s language', () => {
    const lateEvening = new Date('2026-03-01T21:30:00Z'); // already 2 March in Tbilisi (UTC+4)
    expect(i18n.formatDate('en', lateEvening)).toBe('March 2, 2026');
    expect(i18n.formatDate('ka', lateEvening)).toMatch(/2 მარტი, 2026/);
  });
});
