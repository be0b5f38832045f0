import pino, { type DestinationStream, type Logger, type LogFn } from 'pino';
import { LogThrottle, type Suppressed } from './log-throttle';
import { serializeError } from './safe-error';

/** Put on a log object (a symbol key, so it is never printed) to name the cause the per-cause limit counts. */
export const LOG_CAUSE = Symbol('logCause');

export interface HubLoggerOptions {
  level: string;
  /** Lines one cause may write per minute; the rest become one "suppressed" line. 0: unlimited. */
  linesPerCausePerMinute: number;
  /** Where lines go (default: standard output). Tests pass a stream to read them. */
  destination?: DestinationStream;
}

export interface HubLog {
  logger: Logger;
  /** Writes the suppressed counts still pending and stops the timer. */
  close(): void;
}

/**
 * Secrets and personal data that must never reach a log line, wherever they appear in a logged object: the
 * bearer token and cookies of a request, credentials an account carries.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'cookie',
  'password',
  'credentials',
  '*.authorization',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.password',
  '*.credentials',
  '*.clientSecret',
  '*.refreshToken',
  '*.accessToken',
];

/**
 * The one logger of a hub process: JSON lines (pino), with the redaction above, errors serialized without their
 * data (see safe-error.ts) and at most `linesPerCausePerMinute` lines per cause per minute.
 */
export function createHubLogger(options: HubLoggerOptions): HubLog {
  const throttle = new LogThrottle(options.linesPerCausePerMinute);
  let unthrottled = false;
  const report = (write: (obj: object, msg: string) => void) => (s: Suppressed) =>
    write(
      { suppressed: s.count, cause: s.cause },
      `suppressed ${s.count} similar line${s.count === 1 ? '' : 's'} in the last minute`,
    );
  const logger = pino(
    {
      level: options.level,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number) {
          if (unthrottled) return method.apply(this, args);
          const expired = report((obj, msg) => method.call(this, obj, msg));
          if (throttle.admit(causeOf(args, level), expired)) method.apply(this, args);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  // The "suppressed" lines themselves are not counted: there is at most one per cause and minute.
  const warnUnthrottled = (obj: object, msg: string) => {
    unthrottled = true;
    try {
      logger.warn(obj, msg);
    } finally {
      unthrottled = false;
    }
  };
  const timer = setInterval(() => throttle.sweep(Date.now(), report(warnUnthrottled)), 60_000);
  timer.unref();
  return {
    logger,
    close() {
      clearInterval(timer);
      throttle.flush(report(warnUnthrottled));
    },
  };
}

/**
 * The cause of a line: the LOG_CAUSE it names, else its level, message template (numbers and ids folded) and
 * error type. Never the request's own data beyond what the message already says.
 */
export function causeOf(args: readonly unknown[], level: number): string {
  const [first, second] = args;
  const obj = typeof first === 'object' && first !== null ? (first as Record<string | symbol, unknown>) : undefined;
  const explicit = obj?.[LOG_CAUSE];
  if (typeof explicit === 'string') return explicit;
  const msg = typeof first === 'string' ? first : typeof second === 'string' ? second : '';
  const err = first instanceof Error ? first : obj?.err instanceof Error ? obj.err : undefined;
  const errPart = err ? `${err.constructor?.name}:${fold(err.message)}` : '';
  return `${level}|${fold(msg)}|${errPart}`;
}

function fold(text: string): string {
  return text
    .slice(0, 200)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\d+/g, '#');
}
