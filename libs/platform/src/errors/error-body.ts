import { HttpException, HttpStatus } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, FieldError, STATUS_OF_KIND } from './domain-error';

/** The one error body of the JSON API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: FieldError[];
  requestId?: string;
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((w) => w[0]?.toUpperCase() + w.slice(1))
        .join(' ')
    : 'Error';
}

/** Maps anything thrown into the body and status the client sees; unknown errors become an opaque 500. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    const status = STATUS_OF_KIND[error.kind];
    return {
      statusCode: status,
      error: reasonPhrase(status),
      message: error.message,
      code: error.code,
      ...(error.details?.length ? { details: error.details } : {}),
    };
  }
  if (error instanceof ThrottlerException) {
    return {
      statusCode: 429,
      error: reasonPhrase(429),
      message: 'Too many requests',
      code: 'platform.rate-limited',
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : error.message;
    return { statusCode: status, error: reasonPhrase(status), message };
  }
  // Errors raised by Fastify itself (malformed JSON, body too large, bad CSRF token) carry a statusCode.
  const fastify = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return {
      statusCode: fastify.statusCode,
      error: reasonPhrase(fastify.statusCode),
      message: fastify.message ?? reasonPhrase(fastify.statusCode),
      ...(fastify.code ? { code: fastify.code } : {}),
    };
  }
  return { statusCode: 500, error: reasonPhrase(500), message: 'Internal server error' };
}
