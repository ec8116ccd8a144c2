import type { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger as Pino } from 'pino';
import { RequestContext } from '../http/request-context';

/**
 * The process's one pino logger. A line written during a request carries its id (`reqId`), read from the
 * request context when the line is written, so no per-request child logger is built for lines that are
 * mostly never written (pino-http built one for every request, about a twentieth of a signature's CPU).
 */
export function createRootLogger(level: string, to: 1 | 2 | DestinationStream): Pino {
  return pino(
    {
      level,
      mixin: () => {
        const requestId = RequestContext.current()?.requestId;
        return requestId ? { reqId: requestId } : {};
      },
    },
    typeof to === 'number' ? pino.destination(to) : to,
  );
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/** Nest's logger interface over pino: `new Logger('Context').warn(...)` becomes one JSON line with `context`. */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last; `error` may pass a stack before it. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) {
      return;
    }
    const rest = [...params];
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' && typeof rest[0] === 'string') {
      fields.stack = rest.shift();
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as object) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
