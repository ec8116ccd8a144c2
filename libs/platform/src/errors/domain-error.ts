/** How a domain error reads over HTTP; the one filter maps a kind to its status code. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unsupported-media-type'
  | 'too-many-requests';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
};

export interface FieldError {
  field: string;
  message: string;
  /** Machine-readable constraint, e.g. `maxLength` or a domain code. */
  constraint?: string;
}

/**
 * The only errors code below a controller throws. `code` is stable and namespaced (`petitions.closed`),
 * `messageKey` names the catalogue entry the web pages show; `params` fill its placeholders.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: FieldError[],
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  get messageKey(): string {
    return `errors.${this.code}`;
  }
}

/** Platform's own codes. Mechanism libs subclass DomainError with their own code unions. */
export type PlatformErrorCode =
  | 'platform.not-found'
  | 'platform.invalid-input'
  | 'platform.voter-count-in-future'
  | 'platform.unknown-municipality'
  | 'platform.file-missing'
  | 'platform.file-empty'
  | 'platform.file-too-large'
  | 'platform.file-type-refused'
  | 'platform.sign-in-required'
  | 'platform.multipart-not-accepted';

export class PlatformError extends DomainError<PlatformErrorCode> {}
