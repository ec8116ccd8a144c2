import { Inject, Injectable } from '@nestjs/common';
import { IntlMessageFormat } from 'intl-messageformat';
import { AppConfig, LOCALES, Locale } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { registeredCatalogues } from './catalogue';

export type MessageParams = Record<string, string | number | Date>;
export type Translate = (key: string, params?: MessageParams) => string;

/** Intl has no Georgian-script name for GEL everywhere; the lari sign reads the same in every locale. */
const GEL = 'GEL';

@Injectable()
export class I18nService {
  private readonly formats = new Map<string, IntlMessageFormat>();
  private readonly formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
  readonly defaultLocale: Locale;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.defaultLocale = config.defaultLocale;
  }

  isLocale(value: unknown): value is Locale {
    return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
  }

  /** The best of the supported locales for an Accept-Language header, else the default. */
  negotiate(acceptLanguage: string | undefined): Locale {
    if (!acceptLanguage) {
      return this.defaultLocale;
    }
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.find((p) => p.trim().startsWith('q='));
        return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
      })
      .filter((entry) => entry.q > 0)
      .sort((a, b) => b.q - a.q);
    return (
      (ranked.map((entry) => entry.lang).find((lang) => this.isLocale(lang)) as Locale | undefined) ??
      this.defaultLocale
    );
  }

  t(locale: Locale, key: string, params?: MessageParams): string {
    const namespace = key.startsWith('errors.') ? key.split('.')[1] : key.split('.')[0];
    const set = namespace ? registeredCatalogues().get(namespace) : undefined;
    for (const candidate of [locale, this.defaultLocale, 'en'] as const) {
      const message = set?.[candidate][key];
      if (message !== undefined) {
        return this.format(candidate, key, message, params);
      }
    }
    return key;
  }

  translator(locale: Locale): Translate {
    return (key, params) => this.t(locale, key, params);
  }

  has(key: string): boolean {
    const namespace = key.startsWith('errors.') ? key.split('.')[1] : key.split('.')[0];
    return namespace !== undefined && registeredCatalogues().get(namespace)?.en[key] !== undefined;
  }

  formatDate(locale: Locale, date: Date, style: 'date' | 'datetime' = 'date'): string {
    return this.formatter(
      `${locale}:${style}`,
      () =>
        new Intl.DateTimeFormat(locale, {
          dateStyle: 'long',
          ...(style === 'datetime' ? { timeStyle: 'short' } : {}),
          timeZone: 'Asia/Tbilisi',
        }),
    ).format(date);
  }

  formatNumber(locale: Locale, value: number): string {
    return this.formatter(`${locale}:number`, () => new Intl.NumberFormat(locale)).format(value);
  }

  /** Amounts are kept in tetri (1/100 GEL) as integers; shown per locale. */
  formatGel(locale: Locale, tetri: number | bigint): string {
    const amount = Number(tetri) / 100;
    return this.formatter(
      `${locale}:gel`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency: GEL, currencyDisplay: 'symbol' }),
    ).format(amount);
  }

  /** Intl formatters are costly to build (a page formats dozens of values) and immutable, so one per kind. */
  private formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
    let formatter = this.formatters.get(key) as F | undefined;
    if (!formatter) {
      formatter = make();
      this.formatters.set(key, formatter);
    }
    return formatter;
  }

  private format(locale: Locale, key: string, message: string, params?: MessageParams): string {
    const cacheKey = `${locale}\u0000${key}`;
    let format = this.formats.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(message, locale);
      this.formats.set(cacheKey, format);
    }
    return String(format.format(params));
  }
}
