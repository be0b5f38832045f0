import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { serializeError } from './safe-error';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logs (and every `new Logger(context)` in the hub) written through the hub's pino logger, so they get
 * the same JSON lines, redaction, error serialization and per-cause limit as the HTTP layer's.
 *
 * Nest calls `error(message, stack?, context?)` and the others `(message, ...params, context?)`; a message may be
 * a string, an Error or an object of fields (with `msg`).
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params, true);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[], withStack = false) {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string | symbol, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      // The message as serialized: a database error's message may quote the caller's data.
      this.logger[level]({ ...fields, err: message }, serializeError(message).message);
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...own } = message as Record<string | symbol, unknown>;
      this.logger[level]({ ...fields, ...own }, typeof msg === 'string' ? msg : '');
    } else {
      // `error(message, stack)`: Nest's own handlers pass a stack string for unexpected failures.
      const stack = withStack && typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? rest[0] : undefined;
      this.logger[level](stack ? { ...fields, stack } : fields, String(message));
    }
  }
}
