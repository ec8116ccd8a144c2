import { RequestContext } from '../http/request-context';
import { AppLogger, createRootLogger } from './app-logger';

function capture(level = 'info'): { logger: AppLogger; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const logger = new AppLogger(createRootLogger(level, { write: (line: string) => written.push(line) }));
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('AppLogger', () => {
  it('writes Nest-style calls as one JSON line with the context and, inside a request, its id', () => {
    const { logger, lines } = capture();
    logger.warn('outside', 'Jobs');
    RequestContext.run({ requestId: 'req-12345678', locale: 'ka' }, () => logger.log('inside', 'Signing'));
    expect(lines()).toEqual([
      expect.objectContaining({ level: 40, context: 'Jobs', msg: 'outside' }),
      expect.objectContaining({ level: 30, context: 'Signing', msg: 'inside', reqId: 'req-12345678' }),
    ]);
    expect(lines()[0]).not.toHaveProperty('reqId');
  });

  it('keeps an error call’s stack and an Error’s message, and writes nothing below its level', () => {
    const { logger, lines } = capture('warn');
    logger.error('failed', 'Error: boom\n    at x', 'Mail');
    logger.error(new Error('exploded'));
    logger.log('not written');
    logger.debug('nor this');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 50, context: 'Mail', stack: 'Error: boom\n    at x', msg: 'failed' }),
      expect.objectContaining({
        level: 50,
        msg: 'exploded',
        err: expect.objectContaining({ message: 'exploded' }),
      }),
    ]);
  });
});
