import { AppError } from 'src/common/errors/app-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursors', () => {
  it('round-trip the sort key for the sort they came from', () => {
    const cursor = encodeCursor('ALL:ordered_at', ['2026-11-22T10:00:00.000Z', 'id-1']);
    expect(decodeCursor(cursor, 'ALL:ordered_at')).toEqual(['2026-11-22T10:00:00.000Z', 'id-1']);
  });

  it.each([
    ['garbage!', /not a cursor/],
    [Buffer.from('{"x":1}').toString('base64url'), /not a cursor/],
    [encodeCursor('PAST_DUE:ship_by', ['x', 'y']), /another view/],
  ])('refuses %s as BAD_USER_INPUT on the field', (cursor, message) => {
    let error: unknown;
    try {
      decodeCursor(cursor, 'ALL:ordered_at');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((error as Error).message).toMatch(message);
  });
});
