import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';

/** Flattens class-validator's tree into one entry per failing field, with dotted paths (`items.0.title`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      flat.push({ field, message, constraint });
    }
    if (error.children?.length) {
      flat.push(...flattenValidationErrors(error.children, field));
    }
  }
  return flat;
}

/** Unknown fields, wrong types and over-long strings are refused before any service runs. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainError(
        'platform.invalid-input',
        'invalid',
        'The input is not valid',
        flattenValidationErrors(errors),
      ),
  });
}
