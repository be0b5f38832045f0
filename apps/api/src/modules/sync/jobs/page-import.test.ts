import { QueryFailedError } from 'typeorm';
import { isAboutTheData, storageReason } from './page-import';

function queryFailed(message: string, code: string | undefined, extra: Record<string, unknown> = {}) {
  const driverError = Object.assign(new Error(message), { code, ...extra });
  return new QueryFailedError(
    'INSERT INTO "order" (...) VALUES ($1, $2)',
    ['Zebulon Privacy', '1 Secret Lane'],
    driverError,
  );
}

describe('a refused order in the quarantine', () => {
  it('a quarantine reason never carries the value PostgreSQL quotes (a buyer name in a failed INSERT)', () => {
    const reason = storageReason(
      queryFailed('invalid input syntax for type timestamp with time zone: "Zebulon Privacy"', '22007', {
        column: 'ordered_at',
      }),
    );
    expect(reason).toBe(
      'the database refused it: invalid input syntax for type timestamp with time zone (value withheld) (column ordered_at) [SQLSTATE 22007]',
    );
    expect(reason).not.toContain('Zebulon');
    expect(reason).not.toContain('Secret');
  });

  it('data and integrity errors quarantine the order; a lost connection or a shutdown fails the pull instead', () => {
    expect(isAboutTheData(queryFailed('value too long for type character varying(200)', '22001'))).toBe(true);
    expect(isAboutTheData(queryFailed('duplicate key value violates unique constraint', '23505'))).toBe(true);
    expect(isAboutTheData(new Error('Shipment of PO-1 names unknown line 3'))).toBe(true);
    expect(isAboutTheData(queryFailed('terminating connection due to administrator command', '57P01'))).toBe(false);
    expect(isAboutTheData(queryFailed('Connection terminated unexpectedly', undefined))).toBe(false);
    expect(
      isAboutTheData(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(false);
  });
});
