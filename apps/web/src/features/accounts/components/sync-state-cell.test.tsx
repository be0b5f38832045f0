import { render, screen } from '@testing-library/react';
import { syncState } from '../test/account-fixtures';
import { SyncError } from './sync-error';
import { SyncStateCell } from './sync-state-cell';

const NOW = Date.parse('2025-03-10T12:00:00Z');

test('an incremental account: phase, last success as a relative time with the exact one on hover, counts', () => {
  render(<SyncStateCell state={syncState()} disabled={false} now={NOW} />);
  expect(screen.getByTestId('sync-phase').textContent).toBe('Incremental');
  expect(screen.queryByTestId('sync-progress-bar')).toBeNull();
  expect(screen.queryByTestId('sync-running')).toBeNull();
  const lastSuccess = screen.getByTestId('sync-last-success');
  expect(lastSuccess.textContent).toBe('3 min ago');
  expect(lastSuccess.getAttribute('dateTime')).toBe('2025-03-10T11:57:30.000Z');
  expect(lastSuccess.getAttribute('title')).toContain('2025-03-10T11:57:30.000Z');
  expect(screen.getByTestId('sync-imported').textContent).toBe('150');
  expect(screen.getByTestId('sync-updated').textContent).toBe('12');
  expect(screen.getByTestId('sync-next-run').textContent).toBe('in 3 min');
});

test('a running backfill: spinner and a progress bar with its share', () => {
  render(
    <SyncStateCell
      state={syncState({
        phase: 'BACKFILL',
        running: true,
        backfillProgress: 0.25,
        pagesDone: 1,
        pagesEstimated: 4,
        lastSuccessAt: null,
      })}
      disabled={false}
      now={NOW}
    />,
  );
  expect(screen.getByTestId('sync-phase').textContent).toBe('Backfilling');
  expect(screen.getByTestId('sync-running')).toBeTruthy();
  expect(screen.getByTestId<HTMLProgressElement>('sync-progress-bar').value).toBe(0.25);
  expect(screen.getByTestId('sync-progress').textContent).toBe('25% · page 1 of 4');
  expect(screen.getByTestId('sync-last-success').textContent).toBe('never');
});

test('a backfill without a known total shows the page and an indeterminate bar', () => {
  render(
    <SyncStateCell state={syncState({ phase: 'BACKFILL', running: true, pagesDone: 3 })} disabled={false} now={NOW} />,
  );
  expect(screen.getByTestId('sync-progress-bar').hasAttribute('value')).toBe(false);
  expect(screen.getByTestId('sync-progress').textContent).toBe('page 3');
});

test('a paused backfill without a known total has a still bar', () => {
  render(
    <SyncStateCell state={syncState({ phase: 'BACKFILL', running: false, pagesDone: 0 })} disabled={false} now={NOW} />,
  );
  expect(screen.getByTestId<HTMLProgressElement>('sync-progress-bar').value).toBe(0);
  expect(screen.getByTestId('sync-progress').textContent).toBe('not started');
});

test('a pull asked for but not started yet reads "Starting…"', () => {
  render(<SyncStateCell state={syncState({ nextRunAt: '2025-03-10T11:59:58Z' })} disabled={false} now={NOW} />);
  expect(screen.getByTestId('sync-queued')).toBeTruthy();
});

test("the last error is an alert with the channel's message", () => {
  const { container } = render(<SyncError state={syncState()} now={NOW} />);
  expect(container.innerHTML).toBe('');
  render(
    <SyncError
      state={syncState({ lastError: 'Walmart 401: invalid client credentials', lastErrorAt: '2025-03-10T11:50:00Z' })}
      now={NOW}
    />,
  );
  expect(screen.getByRole('alert').textContent).toContain('10 min ago');
  expect(screen.getByTestId('sync-error-message').textContent).toBe('Walmart 401: invalid client credentials');
});

test("a stopped process's lease: says it waits until the lease runs out, instead of a spinner or Starting…", () => {
  render(
    <SyncStateCell
      state={syncState({
        running: false,
        waitingForStoppedProcess: true,
        leaseExpiresAt: '2025-03-10T12:00:40.000Z',
        nextRunAt: '2025-03-10T11:59:00.000Z',
      })}
      disabled={false}
      now={NOW}
    />,
  );
  expect(screen.queryByTestId('sync-running')).toBeNull();
  expect(screen.queryByTestId('sync-queued')).toBeNull();
  const waiting = screen.getByTestId('sync-waiting');
  expect(waiting.textContent).toMatch(/^Waiting for a stopped process's lease until /);
  expect(waiting.querySelector('time')!.getAttribute('dateTime')).toBe('2025-03-10T12:00:40.000Z');
});

test('quarantined orders: how many, and the latest with their reasons', () => {
  render(
    <SyncStateCell
      state={syncState({
        quarantinedOrders: 1,
        quarantine: [
          {
            channelOrderId: 'PO-7',
            stage: 'MAPPING',
            reason: 'orderedAt is not a valid date',
            lastSeenAt: '2025-03-10T11:57:30.000Z',
          },
        ],
      })}
      disabled={false}
      now={NOW}
    />,
  );
  expect(screen.getByTestId('sync-quarantined').textContent).toBe('1');
  expect(screen.getByTestId('sync-quarantine').textContent).toContain('PO-7: orderedAt is not a valid date');
});
