import { fireEvent, screen, within } from '@testing-library/react';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { renderRoutes } from '@/test/render-routes';
import type { BuyerDataAccessEntry } from '../api/buyer-data-access.graphql';
import { BuyerDataAccessPage } from './buyer-data-access-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
afterEach(() => (request as unknown as jest.Mock).mockReset());

const me = (role: string) => () => ({
  me: { name: 'admin@example.com', role, sessionStatus: 'SIGNED_IN', mfaRequired: true, user: { id: 'u-admin' } },
});
const entry = (overrides: Partial<BuyerDataAccessEntry>): BuyerDataAccessEntry => ({
  id: 'a-1',
  occurredAt: '2026-12-03T15:05:00Z',
  actor: 'user:ana@example.com',
  userId: 'u-1',
  tokenId: null,
  orderId: 'o-1',
  channel: 'AMAZON',
  channelOrderId: '111-2223334-5556667',
  accountTimeZone: 'America/Chicago',
  fields: ['rawPayload', 'shipTo'],
  via: 'GRAPHQL',
  ip: '10.0.0.7',
  ...overrides,
});
const page = (entries: BuyerDataAccessEntry[], hasNextPage = false) => ({
  buyerDataAccessLog: {
    edges: entries.map((node) => ({ cursor: `c-${node.id}`, node })),
    pageInfo: { hasNextPage, endCursor: entries.length ? `c-${entries.at(-1)!.id}` : null },
    csvPath: '/api/buyer-data-access.csv?from=a&to=b',
  },
});

const renderPage = () =>
  renderRoutes('/settings/buyer-data-access', { '/settings/buyer-data-access': <BuyerDataAccessPage /> });

test('people who are not admins read why instead of the log', async () => {
  const calls = serve({ Me: me('OPERATOR') });
  renderPage();
  expect((await screen.findByTestId('admin-only')).textContent).toBe('Only admins can see who read buyer data.');
  expect(calls.map((c) => c.operation)).toEqual(['Me']);
});

test('the log lists who read what, in the account zone, with the CSV download and older pages', async () => {
  const calls = serve({
    Me: me('ADMIN'),
    BuyerDataAccessLog: (v) =>
      v.after
        ? page([entry({ id: 'a-3', actor: 'token:scanner', fields: ['shipTo'], ip: null, channel: 'WALMART' })])
        : page([entry({}), entry({ id: 'a-2', fields: ['evidence.shipments'] })], true),
  });
  renderPage();
  const rows = await screen.findAllByTestId('buyer-data-row');
  expect(rows).toHaveLength(2);
  const first = within(rows[0])
    .getAllByRole('cell')
    .map((c) => c.textContent);
  expect(first).toEqual([
    'Dec 3, 09:05 CST',
    'ana@example.com',
    'AMAZON 111-2223334-5556667',
    'raw order, address',
    '10.0.0.7',
  ]);
  expect(screen.getByTestId('buyer-data-download').textContent).toBe('Download CSV');
  const first7Days = calls.find((c) => c.operation === 'BuyerDataAccessLog')!.variables;
  expect(first7Days).toMatchObject({ first: 100, after: null });

  fireEvent.click(screen.getByTestId('buyer-data-more'));
  expect(await screen.findByText('API token scanner')).toBeTruthy();
  expect(screen.getAllByTestId('buyer-data-row')).toHaveLength(3);
});

test('a backwards range says why and asks nothing', async () => {
  const calls = serve({ Me: me('ADMIN'), BuyerDataAccessLog: () => page([]) });
  renderPage();
  expect(await screen.findByTestId('buyer-data-empty')).toBeTruthy();
  fireEvent.change(screen.getByTestId('buyer-data-from'), { target: { value: '2026-12-05' } });
  fireEvent.change(screen.getByTestId('buyer-data-to'), { target: { value: '2026-12-01' } });
  fireEvent.click(screen.getByTestId('buyer-data-show'));
  expect((await screen.findByTestId('buyer-data-range-problem')).textContent).toBe(
    'The last day must not be before the first.',
  );
  expect(calls.filter((c) => c.operation === 'BuyerDataAccessLog')).toHaveLength(1);
});
