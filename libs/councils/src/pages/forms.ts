import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, FieldError, flattenValidationErrors, Translate } from '@chartuloba/platform';

const MESSAGE_OF_CONSTRAINT: Record<string, string> = {
  isNotEmpty: 'platform.validation.required',
  isDefined: 'platform.validation.required',
  isString: 'platform.validation.required',
  minLength: 'platform.validation.required',
  maxLength: 'platform.validation.invalid',
  isDateString: 'platform.validation.invalid',
  isInt: 'platform.validation.not-a-number',
  min: 'platform.validation.invalid',
  max: 'platform.validation.invalid',
};

/** Validates a posted page form against the DTO the JSON API uses; messages in the page's language. */
export async function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  values: Record<string, unknown>,
  t: Translate,
): Promise<{ value: T; errors?: undefined } | { value?: undefined; errors: FieldError[] }> {
  const value = plainToInstance(dto, values);
  const problems = await validate(value, { whitelist: true, forbidUnknownValues: false });
  if (!problems.length) {
    return { value };
  }
  const seen = new Set<string>();
  const errors = flattenValidationErrors(problems)
    .filter((error) => !seen.has(error.field) && seen.add(error.field))
    .map((error) => ({
      ...error,
      message: t(MESSAGE_OF_CONSTRAINT[error.constraint ?? ''] ?? 'platform.validation.invalid', {
        min: 0,
        max: 0,
      }),
    }));
  return { errors };
}

/** A refused action as form problems, on its own fields when it names them, else on `fallback`. */
export function domainFormErrors(error: DomainError, t: Translate, fallback: string): FieldError[] {
  const translated = t(error.messageKey, error.params);
  const message = translated === error.messageKey ? error.message : translated;
  return error.details?.length
    ? error.details.map((d) => ({ ...d, message }))
    : [{ field: fallback, message, constraint: error.code }];
}

/** Non-empty string fields of a posted form (the CSRF token is not part of any DTO). */
export function filled(body: Record<string, unknown>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = body[name];
    if (typeof value === 'string' && value.trim() !== '') {
      out[name] = value.trim();
    }
  }
  return out;
}
