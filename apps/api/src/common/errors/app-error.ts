import { GraphQLError } from 'graphql';

/** The codes clients can rely on in `extensions.code`. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  /** A console session that still owes its second factor (or its enrolment): see `me.sessionStatus`. */
  MFA_REQUIRED: 'MFA_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RULE_VIOLATION: 'RULE_VIOLATION',
  /** A channel refused the call; the message carries the channel's words. */
  CHANNEL_ERROR: 'CHANNEL_ERROR',
  /** Too many requests (per token, or per address without one) or refused authentications: see `Retry-After`. */
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
export const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

/** An expected error whose message is written for the caller. Anything else is reported as INTERNAL. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = 'AppError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in, or send a valid API token as "Authorization: Bearer <token>".') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(required: string, actual: string) {
    super(ErrorCode.FORBIDDEN, `This operation needs the ${required} role; you have ${actual}.`, {
      requiredRole: required,
    });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`);
  }
}

/** Bad input; `field` is the argument path as the client wrote it (`filter.search`, `first`). */
export class BadUserInputError extends AppError {
  constructor(field: string, message: string) {
    super(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

/** A channel rule with severity BLOCK refused the action; `violations` lists every one (BLOCK and WARN). */
export class RuleViolationError extends AppError {
  constructor(violations: readonly { code: string; severity: string; field: string; message: string }[]) {
    const blocking = violations.filter((v) => v.severity === 'BLOCK');
    super(
      ErrorCode.RULE_VIOLATION,
      `Blocked by ${blocking.length} rule(s): ${blocking.map((v) => v.message).join(' ')}`,
      {
        violations: violations.map(({ code, severity, field, message }) => ({ code, severity, field, message })),
      },
    );
  }
}
