import { account, syncState } from '../test/account-fixtures';
import {
  accountsPollInterval,
  ACTIVE_POLL_MS,
  backfillProgress,
  IDLE_POLL_MS,
  isDue,
  phaseLabel,
} from './sync-state-format';

const NOW = Date.parse('2025-03-10T12:00:00Z');

test('phase labels', () => {
  expect(phaseLabel('BACKFILL')).toBe('Backfilling');
  expect(phaseLabel('INCREMENTAL')).toBe('Incremental');
});

describe('backfillProgress', () => {
  test('no bar once incremental', () => {
    expect(backfillProgress(syncState({ phase: 'INCREMENTAL', backfillProgress: 0.5 }))).toBeNull();
  });

  test('a share, rounded down, with the pages when the channel gives a total', () => {
    expect(
      backfillProgress(syncState({ phase: 'BACKFILL', backfillProgress: 0.429, pagesDone: 3, pagesEstimated: 7 })),
    ).toEqual({
      fraction: 0.429,
      label: '42% · page 3 of 7',
    });
    expect(
      backfillProgress(syncState({ phase: 'BACKFILL', backfillProgress: 0.999, pagesEstimated: null, pagesDone: 0 })),
    ).toEqual({
      fraction: 0.999,
      label: '99%',
    });
  });

  test('keeps the share between 0 and 1', () => {
    expect(
      backfillProgress(syncState({ phase: 'BACKFILL', backfillProgress: 1.2, pagesEstimated: null }))?.fraction,
    ).toBe(1);
    expect(
      backfillProgress(syncState({ phase: 'BACKFILL', backfillProgress: -0.1, pagesEstimated: null }))?.label,
    ).toBe('0% · page 2');
  });

  test('"page N" with an indeterminate bar when the total is unknown', () => {
    expect(
      backfillProgress(syncState({ phase: 'BACKFILL', backfillProgress: null, pagesEstimated: null, pagesDone: 4 })),
    ).toEqual({
      fraction: null,
      label: 'page 4',
    });
  });

  test('before the first page', () => {
    const fresh = { phase: 'BACKFILL', backfillProgress: null, pagesEstimated: null, pagesDone: 0 } as const;
    expect(backfillProgress(syncState({ ...fresh, running: true }))?.label).toBe('first page');
    expect(backfillProgress(syncState({ ...fresh, running: false }))?.label).toBe('not started');
  });
});

test('an account is due when its next run has come and no pull runs', () => {
  expect(isDue(syncState({ nextRunAt: '2025-03-10T11:59:59Z' }), NOW)).toBe(true);
  expect(isDue(syncState({ nextRunAt: '2025-03-10T11:59:59Z', running: true }), NOW)).toBe(false);
  expect(isDue(syncState({ nextRunAt: '2025-03-10T12:00:01Z' }), NOW)).toBe(false);
  expect(isDue(syncState({ nextRunAt: null }), NOW)).toBe(false);
});

describe('accountsPollInterval', () => {
  const idle = account({ syncState: syncState({ nextRunAt: '2025-03-10T12:05:00Z' }) });

  test('slow when every account is idle, or before the first answer', () => {
    expect(accountsPollInterval([idle, { ...idle, id: 'acc-2' }], NOW)).toBe(IDLE_POLL_MS);
    expect(accountsPollInterval([], NOW)).toBe(IDLE_POLL_MS);
    expect(accountsPollInterval(undefined, NOW)).toBe(IDLE_POLL_MS);
  });

  test('fast while any account runs, backfills or is due', () => {
    expect(accountsPollInterval([idle, account({ syncState: syncState({ running: true }) })], NOW)).toBe(
      ACTIVE_POLL_MS,
    );
    expect(accountsPollInterval([idle, account({ syncState: syncState({ phase: 'BACKFILL' }) })], NOW)).toBe(
      ACTIVE_POLL_MS,
    );
    expect(accountsPollInterval([account({ syncState: syncState({ nextRunAt: '2025-03-10T11:59:00Z' }) })], NOW)).toBe(
      ACTIVE_POLL_MS,
    );
  });

  test('a disabled account never makes it fast', () => {
    const disabled = account({
      disabledAt: '2025-03-09T00:00:00Z',
      syncState: syncState({ phase: 'BACKFILL', nextRunAt: '2025-03-10T11:00:00Z' }),
    });
    expect(accountsPollInterval([idle, disabled], NOW)).toBe(IDLE_POLL_MS);
  });
});
