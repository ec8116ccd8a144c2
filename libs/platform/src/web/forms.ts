import { ClassConstructor, plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, ValidationError } from 'class-validator';
import { DomainError, FieldError } from '../errors/domain-error';
import type { Translate } from '../i18n/i18n.service';
import { flattenValidationErrors } from '../validation/validation';

/** What a form shows again after a failed post: the typed values (never passwords) and the problems. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldError[];
}

export const EMPTY_FORM: FormState = { values: {}, errors: [] };

const MESSAGE_OF_CONSTRAINT: Record<string, string> = {
  isNotEmpty: 'platform.validation.required',
  isDefined: 'platform.validation.required',
  isString: 'platform.validation.required',
  isEmail: 'platform.validation.email',
  minLength: 'platform.validation.too-short',
  maxLength: 'platform.validation.too-long',
  isInt: 'platform.validation.not-a-number',
  isDateString: 'platform.validation.date',
  min: 'platform.validation.out-of-range',
  max: 'platform.validation.out-of-range',
};

/**
 * Form fields as strings; a field left empty counts as not given, and the CSRF token is not part of any DTO.
 * With `names`, only those fields are taken. Values are not trimmed: a password may end in a space.
 */
export function formValues(body: unknown, names?: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(body))) {
    if (
      key !== '_csrf' &&
      (!names || names.includes(key)) &&
      typeof value === 'string' &&
      value.trim() !== ''
    ) {
      values[key] = value;
    }
  }
  return values;
}

function asRecord(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** Posted string fields with their empties dropped; values a page put in itself (all-languages text, flags) kept. */
function dtoInput(body: unknown): Record<string, unknown> {
  const given = Object.entries(asRecord(body)).filter(
    ([, value]) => typeof value !== 'string' && value !== null && value !== undefined,
  );
  return { ...formValues(body), ...Object.fromEntries(given) };
}

/** The bound a failing constraint names (`@MinLength(10)` → 10), for messages like "at least 10 characters". */
function boundsOf(dto: ClassConstructor<object>, property: string): { min?: number; max?: number } {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const bound = (...names: string[]) =>
    rules.find((rule) => rule.propertyName === property && names.includes(rule.name ?? ''))
      ?.constraints?.[0] as number | undefined;
  return { min: bound('minLength', 'min'), max: bound('maxLength', 'max') };
}

function translated(dto: ClassConstructor<object>, errors: ValidationError[], t: Translate): FieldError[] {
  const seen = new Set<string>();
  return flattenValidationErrors(errors)
    .filter((error) => !seen.has(error.field) && seen.add(error.field))
    .map((error) => {
      const key = MESSAGE_OF_CONSTRAINT[error.constraint ?? ''] ?? 'platform.validation.invalid';
      const { min = 0, max = 0 } = boundsOf(dto, error.field);
      return { ...error, message: t(key, { min, max }) };
    });
}

/**
 * Validates a posted form against the same DTO the JSON API uses, with messages in the page's language.
 * `body` is the raw posted body or values already picked from it (`formValues`, `parseLocalizedText`).
 */
export async function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  body: unknown,
  t: Translate,
): Promise<{ value: T; errors?: undefined } | { value?: undefined; errors: FieldError[] }> {
  const value = plainToInstance(dto, dtoInput(body));
  const errors = await validate(value, { whitelist: true, forbidUnknownValues: false });
  return errors.length ? { errors: translated(dto as ClassConstructor<object>, errors, t) } : { value };
}

/** A refused action as form problems: on its own fields when it names them, else on `fallbackField`. */
export function domainErrorsOf(error: DomainError, t: Translate, fallbackField: string): FieldError[] {
  const localized = t(error.messageKey, error.params);
  const message = localized === error.messageKey ? error.message : localized;
  if (error.details?.length) {
    return error.details.map((detail) => ({ ...detail, message }));
  }
  return [{ field: fallbackField, message, constraint: error.code }];
}
