import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '../../../lib/api';
import { serve } from '../../actions/test/serve';
import type { AlertView } from '../api/alerts.graphql';
import { AlertsNavLink } from '../components/alerts-nav-link';
import { AlertsPage } from './alerts-page';

jest.mock('../../../lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

const alert = (overrides: Partial<AlertView>): AlertView => ({
  id: 'al-1',
  kind: 'MCF_TRACKING_HELD',
  severity: 'HIGH',
  orderId: 'ord-1',
  accountId: 'acc-w',
  message: 'Tracking for 1001 is held.',
  action: 'Ship it another way or cancel it.',
  openedAt: '2026-11-24T07:00:00.000Z',
  resolvedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  ...overrides,
});

test('open alerts with what to do, a count of HIGH ones in the header, and Acknowledge', async () => {
  let acknowledged = false;
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'ops', prefix: 'oh_', role: 'OPERATOR' } }),
    Alerts: () => ({
      alerts: [
        alert({ id: 'al-2', severity: 'LOW', kind: 'MCF_NOT_FULFILLED', action: null }),
        alert(acknowledged ? { acknowledgedAt: '2026-11-24T07:40:00.000Z', acknowledgedBy: 'ops' } : {}),
      ],
    }),
    AcknowledgeAlert: () => {
      acknowledged = true;
      return { acknowledgeAlert: alert({ acknowledgedAt: '2026-11-24T07:40:00.000Z', acknowledgedBy: 'ops' }) };
    },
  });
  render(
    <MemoryRouter initialEntries={['/alerts']}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
        <AlertsNavLink />
        <AlertsPage />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  const items = await screen.findAllByTestId('alert-item');
  expect(items.map((item) => item.dataset.severity)).toEqual(['HIGH', 'LOW']);
  expect(items[0].getAttribute('role')).toBe('alert');
  expect(screen.getByTestId('alert-action').textContent).toMatch(/Ship it another way/);
  expect(screen.getByTestId('nav-alerts-count').textContent).toBe('1');
  expect(screen.getAllByTestId('alert-order-link')[0].getAttribute('href')).toBe('/orders/ord-1');

  const ack = screen.getAllByTestId<HTMLButtonElement>('alert-acknowledge')[0];
  await waitFor(() => expect(ack.disabled).toBe(false));
  fireEvent.click(ack);
  expect((await screen.findByTestId('alert-acknowledged')).textContent).toMatch(/Acknowledged by ops/);
  expect(calls.filter((call) => call.operation === 'AcknowledgeAlert')).toEqual([{ operation: 'AcknowledgeAlert', variables: { id: 'al-1' } }]);
});
