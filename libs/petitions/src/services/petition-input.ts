import { FieldError, LOCALES, LocalizedText } from '@chartuloba/platform';
import { PETITION_KINDS, PetitionKind } from '../domain/lifecycle';
import { addCalendarDays } from '../domain/working-days';
import { BODY_MAX, TITLE_MAX } from '../dto/petitions.dto';
import { fieldError, PetitionError } from '../petitions.errors';

/** Keeps only the known languages, trimmed and non-empty. */
export function cleanText(text: unknown): LocalizedText {
  const out: LocalizedText = {};
  if (text && typeof text === 'object') {
    for (const locale of LOCALES) {
      const value = (text as Record<string, unknown>)[locale];
      if (typeof value === 'string' && value.trim() !== '') {
        out[locale] = value.trim();
      }
    }
  }
  return out;
}

function textProblem(text: LocalizedText, field: string, max: number): FieldError | null {
  const values = Object.values(text);
  if (values.length === 0) {
    return { field, message: `${field} is required in at least one language`, constraint: 'required' };
  }
  if (values.some((value) => value.length > max)) {
    return { field, message: `${field} is too long (at most ${max})`, constraint: 'maxLength' };
  }
  return null;
}

/** Every problem of a petition's kind and text at once, so a form shows them all next to their fields. */
export function checkPetitionText(title: LocalizedText, body: LocalizedText, kind?: string): void {
  const problems = [
    kind === undefined || PETITION_KINDS.includes(kind as PetitionKind)
      ? null
      : { field: 'kind', message: 'Choose a kind of petition', constraint: 'isIn' },
    textProblem(title, 'title', TITLE_MAX),
    textProblem(body, 'body', BODY_MAX),
  ].filter((problem): problem is FieldError => problem !== null);
  if (problems.length) {
    throw new PetitionError('petitions.invalid-input', 'invalid', 'Please check the petition', problems);
  }
}

/** The closing date an author chose: end of that Tbilisi day, after today and within the maximum. */
export function closingInstant(closesOn: string, now: Date, maxOpenDays: number): Date {
  const end = new Date(new Date(`${closesOn}T23:59:59.999+04:00`).getTime());
  if (
    Number.isNaN(end.getTime()) ||
    end <= addCalendarDays(now, 0) ||
    end > addCalendarDays(now, maxOpenDays)
  ) {
    throw fieldError(
      'petitions.closing-date-invalid',
      'invalid',
      'closesOn',
      `The closing date must be after today and at most ${maxOpenDays} days away`,
      { max: maxOpenDays },
    );
  }
  return end;
}
