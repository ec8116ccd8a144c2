import type { ClassConstructor } from 'class-transformer';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorKind, FieldError } from '../errors/domain-error';
import type { Translate } from '../i18n/i18n.service';
import { domainErrorsOf, validateForm } from './forms';
import type { PageRenderer } from './page-renderer';

/** Where a form's action sends the browser when it succeeds, with a one-time notice by message key. */
export interface FormDone {
  location: string;
  flash?: string;
}

/** Why a post was refused: the problems to show next to the fields, and a domain error's kind if one refused it. */
export interface FormRefused {
  errors: FieldError[];
  kind?: ErrorKind;
}

/**
 * The one path of a page form post: validate against the API's DTO, run the action, and redirect on success
 * (Post/Redirect/Get). The action may refuse with field errors of its own before calling a service. A
 * domain refusal becomes form errors (on its own fields, else on `fallbackField`), except forbidden and
 * not-found, which are about the request rather than the form and go to the error page. Returns undefined
 * once redirected; the caller re-renders the form with what it returns otherwise.
 */
export async function submitForm<T extends object>(
  pages: PageRenderer,
  reply: FastifyReply,
  t: Translate,
  form: {
    dto: ClassConstructor<T>;
    input: unknown;
    fallbackField: string;
    act: (value: T) => Promise<FormDone | FieldError[]>;
  },
): Promise<FormRefused | undefined> {
  const checked = await validateForm(form.dto, form.input, t);
  if (checked.errors) {
    return { errors: checked.errors };
  }
  let done: FormDone | FieldError[];
  try {
    done = await form.act(checked.value);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind === 'forbidden' || error.kind === 'not-found') {
      throw error;
    }
    return { errors: domainErrorsOf(error, t, form.fallbackField), kind: error.kind };
  }
  if (Array.isArray(done)) {
    return { errors: done };
  }
  await pages.redirect(reply, done.location, done.flash);
  return undefined;
}
