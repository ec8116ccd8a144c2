import { DomainError, FieldError, parseLocalizedText, STATUS_OF_KIND, Translate } from '@chartuloba/platform';
import type { CreatePetitionDto } from '../dto/petitions.dto';
import type { PetitionKind } from '../domain/lifecycle';

export function bodyOf(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

export function str(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}

/** The petition form as posted: every language of title and body, the kind and the closing date. */
export function petitionInputOf(raw: unknown): CreatePetitionDto {
  const body = bodyOf(raw);
  return {
    kind: str(body, 'kind') as PetitionKind,
    title: parseLocalizedText(body, 'title'),
    body: parseLocalizedText(body, 'body'),
    closesOn: str(body, 'closesOn'),
  };
}

const CONSTRAINT_MESSAGES: Record<string, string> = {
  required: 'platform.validation.required',
  maxLength: 'platform.validation.invalid',
  isIn: 'platform.validation.invalid',
};

/** A domain error as the fields it concerns, in the page's language; `fallback` when it names none. */
export function errorsOf(error: DomainError, t: Translate, fallback: string): FieldError[] {
  const message = t(error.messageKey, error.params);
  return error.details?.length
    ? error.details.map((detail) => ({
        ...detail,
        message: t(CONSTRAINT_MESSAGES[detail.constraint ?? ''] ?? error.messageKey, {
          ...error.params,
          min: 1,
          max: 0,
        }),
      }))
    : [{ field: fallback, message, constraint: error.code }];
}

export function statusOf(error: DomainError): number {
  return STATUS_OF_KIND[error.kind];
}
