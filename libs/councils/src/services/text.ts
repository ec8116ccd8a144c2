import { LocalizedText, LOCALES } from '@chartuloba/platform';
import { councilsFieldError } from '../councils.errors';

/**
 * Staff-written text as stored: only known languages, trimmed, each within `max`; `required` means at least
 * one language. The API takes LocalizedText as a plain object, so this is where its shape is checked.
 */
export function cleanText(
  value: unknown,
  field: string,
  options: { required?: boolean; max?: number } = {},
): LocalizedText {
  const max = options.max ?? 300;
  const text: LocalizedText = {};
  if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    throw councilsFieldError('councils.invalid', field, 'Expected text per language');
  }
  for (const [key, raw] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    if (!(LOCALES as readonly string[]).includes(key) || typeof raw !== 'string') {
      throw councilsFieldError('councils.invalid', `${field}.${key}`, 'Unknown language or not text');
    }
    const trimmed = raw.trim();
    if (trimmed.length > max) {
      throw councilsFieldError('councils.invalid', `${field}.${key}`, `At most ${max} characters`);
    }
    if (trimmed) {
      text[key as keyof LocalizedText] = trimmed;
    }
  }
  if (options.required && Object.keys(text).length === 0) {
    throw councilsFieldError('councils.invalid', field, 'Write it in at least one language');
  }
  return text;
}
