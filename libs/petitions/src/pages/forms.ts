import {
  DomainError,
  domainErrorsOf,
  FieldError,
  formValues,
  LOCALES,
  parseLocalizedText,
  Translate,
} from '@chartuloba/platform';
import type { CreateAssemblyPetitionDto, CreatePetitionDto } from '../dto/petitions.dto';
import type { PetitionKind } from '../domain/lifecycle';
import type { Petition } from '../repositories/petition.row';

/** The petition form as posted: every language of title and body, the kind and the closing date. */
export function petitionInputOf(body: unknown): CreatePetitionDto {
  const values = formValues(body);
  return {
    kind: (values['kind'] ?? '') as PetitionKind,
    title: parseLocalizedText(values, 'title'),
    body: parseLocalizedText(values, 'body'),
    closesOn: values['closesOn'] ?? '',
  };
}

/** A stored petition as the values of its form; the closing date is the Tbilisi day signing ends. */
export function petitionFormValues(petition: Petition): Record<string, string> {
  const values: Record<string, string> = { kind: petition.kind };
  for (const locale of LOCALES) {
    for (const [name, text] of [
      ['title', petition.title],
      ['body', petition.body],
    ] as const) {
      const value = text[locale];
      if (value) {
        values[`${name}.${locale}`] = value;
      }
    }
  }
  if (petition.closesAt) {
    values['closesOn'] = new Date(petition.closesAt.getTime() + 4 * 3600_000).toISOString().slice(0, 10);
  }
  return values;
}

/** A general assembly's petition as staff typed it from the minutes. */
export function assemblyInputOf(body: unknown): CreateAssemblyPetitionDto {
  const values = formValues(body);
  return {
    kind: (values['kind'] ?? '') as PetitionKind,
    title: parseLocalizedText(values, 'title'),
    body: parseLocalizedText(values, 'body'),
    settlementId: values['settlementId'] ?? '',
    minutes: values['minutes'] ?? '',
    authorName: values['authorName'] ?? '',
  };
}

/** What the assembly service does not check itself: minutes and a chair worth the name, spaces aside. */
export function assemblyProblems(input: CreateAssemblyPetitionDto, t: Translate): FieldError[] {
  const problems: FieldError[] = [];
  if (input.minutes.trim().length < 10) {
    problems.push({ field: 'minutes', message: t('platform.validation.too-short', { min: 10 }) });
  }
  if (input.authorName.trim().length < 2) {
    problems.push({ field: 'authorName', message: t('platform.validation.too-short', { min: 2 }) });
  }
  return problems;
}

export interface PaperSignatureInput {
  name: string;
  personalNumber: string;
  address: string;
  signedOn: string;
}

/** One line of a paper signature list as staff copied it. */
export function paperSignatureOf(body: unknown): PaperSignatureInput {
  const values = formValues(body);
  return {
    name: values['name'] ?? '',
    personalNumber: values['personalNumber'] ?? '',
    address: values['address'] ?? '',
    signedOn: values['signedOn'] ?? '',
  };
}

export function paperSignatureProblems(input: PaperSignatureInput, t: Translate): FieldError[] {
  const problems: FieldError[] = [];
  if (input.name.trim().length < 2) {
    problems.push({ field: 'name', message: t('platform.validation.required') });
  }
  if (!/^\s*\d{11}\s*$/.test(input.personalNumber)) {
    problems.push({ field: 'personalNumber', message: t('errors.petitions.invalid-input') });
  }
  if (input.address.trim().length < 2) {
    problems.push({ field: 'address', message: t('platform.validation.required') });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.signedOn)) {
    problems.push({ field: 'signedOn', message: t('platform.validation.date') });
  }
  return problems;
}

/**
 * The petition text check reports several fields under one code, each with what is wrong with it; the
 * shared helper gives every field the code's message, so those fields get the one that fits them.
 */
const MESSAGE_OF_TEXT_PROBLEM: Record<string, string> = {
  required: 'platform.validation.required',
  maxLength: 'platform.validation.invalid',
  isIn: 'platform.validation.invalid',
};

/** A refused petition action as form problems, in the page's language. */
export function petitionErrorsOf(error: DomainError, t: Translate, fallbackField: string): FieldError[] {
  return domainErrorsOf(error, t, fallbackField).map((problem) => {
    const key = MESSAGE_OF_TEXT_PROBLEM[problem.constraint ?? ''];
    return key ? { ...problem, message: t(key) } : problem;
  });
}
