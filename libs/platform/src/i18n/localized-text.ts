import { LOCALES, Locale } from '../config/app-config';

/** Text staff write in several languages (titles, descriptions); any language may be missing. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** The text in `locale`, else the default locale, else the first language it has. */
export function pickText(
  text: LocalizedText | null | undefined,
  locale: Locale,
  fallback: Locale = 'ka',
): string {
  if (!text) {
    return '';
  }
  return text[locale] ?? text[fallback] ?? LOCALES.map((l) => text[l]).find((v) => v !== undefined) ?? '';
}

/** Which language `pickText` actually used, so pages can mark fallback text with its `lang`. */
export function pickedLocale(
  text: LocalizedText | null | undefined,
  locale: Locale,
  fallback: Locale = 'ka',
): Locale {
  if (!text) {
    return locale;
  }
  if (text[locale] !== undefined) {
    return locale;
  }
  if (text[fallback] !== undefined) {
    return fallback;
  }
  return LOCALES.find((l) => text[l] !== undefined) ?? locale;
}
