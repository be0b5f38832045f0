import { UnauthorizedException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { BadUserInputError, UnauthenticatedError } from 'src/common/errors/app-error';
import { serializeError, withoutValues } from './safe-error';

describe('serializeError', () => {
  it('logs an expected error (refused token, bad input, HTTP 401) without a stack', () => {
    for (const err of [
      new UnauthenticatedError('The API token is unknown or has been revoked.'),
      new BadUserInputError('input.name', 'must be 1 to 120 characters.'),
      new UnauthorizedException('no token'),
    ]) {
      const logged = serializeError(err);
      expect(logged.stack).toBeUndefined();
      expect(JSON.stringify(logged).length).toBeLessThan(200);
    }
    expect(serializeError(new UnauthenticatedError()).code).toBe('UNAUTHENTICATED');
  });

  it('keeps the stack of an unexpected error', () => {
    const logged = serializeError(new TypeError('x is not a function'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
    expect(logged.stack).toMatch(/^TypeError: x is not a function\n\s+at /);
  });

  it('never carries a failed query’s parameters or the values PostgreSQL quotes', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type timestamp with time zone: "Jane Roe"'), {
      code: '22007',
      severity: 'ERROR',
      detail: 'Key (email)=(jane@example.com) already exists.',
      table: 'order',
    });
    const err = new QueryFailedError('INSERT INTO "order" ("customer_name") VALUES ($1)', ['Jane Roe'], driverError);
    const logged = JSON.stringify(serializeError(err));
    expect(logged).not.toMatch(/Jane|jane@example/);
    expect(serializeError(err)).toMatchObject({
      type: 'QueryFailedError',
      code: '22007',
      table: 'order',
      message: 'invalid input syntax for type timestamp with time zone: "…"',
    });
  });

  it('cuts the values out of PostgreSQL messages, keeping what names the rule', () => {
    expect(withoutValues('duplicate key value violates unique constraint "uq_outbox_key"')).toBe(
      'duplicate key value violates unique constraint "uq_outbox_key"',
    );
    expect(withoutValues('Key (email, name)=(a@b.c, Jane (home)) already exists.')).toBe(
      'Key (email, name)=(…) already exists.',
    );
  });
});
