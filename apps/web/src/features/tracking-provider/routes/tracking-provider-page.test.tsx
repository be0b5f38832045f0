import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import type { TrackingProviderView } from '../api/tracking-provider.graphql';
import { TrackingProviderPage } from './tracking-provider-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
afterEach(() => (request as unknown as jest.Mock).mockReset());

const me = (role: string) => () => ({ me: { id: 't', name: 'ops', prefix: 'oh_', role } });
const settings = (overrides: Partial<TrackingProviderView> = {}): TrackingProviderView => ({
  provider: 'EASYPOST',
  enabled: true,
  baseUrl: 'https://api.easypost.com/v2/',
  hasApiKey: true,
  hasWebhookSecret: false,
  webhookPath: '/webhooks/easypost',
  lastSuccessAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  lastError: 'EasyPost answered 401: the API key was refused',
  lastErrorAt: new Date(Date.now() - 60 * 60_000).toISOString(),
  ...overrides,
});

function renderPage() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/settings/tracking']}>
        <TrackingProviderPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

test('an admin sees the webhook URL to register, the last success and error, and which secrets are set', async () => {
  serve({ Me: me('ADMIN'), TrackingProvider: () => ({ trackingProvider: settings() }) });
  renderPage();
  expect((await screen.findByTestId('tracking-webhook-url')).textContent).toBe(
    `${window.location.origin}/webhooks/easypost`,
  );
  expect(screen.getByTestId('tracking-last-success').textContent).toBe('5 min ago');
  expect(screen.getByTestId('tracking-last-error').textContent).toMatch(/API key was refused/);
  expect(screen.getByTestId('secret-apiKey-state').textContent).toBe('Set');
  expect(screen.getByTestId('secret-webhookSecret-state').textContent).toBe('Not set');
  expect(screen.getByTestId<HTMLInputElement>('field-enabled').checked).toBe(true);
  expect(screen.getByLabelText('Follow every shipment at EasyPost')).toBe(screen.getByTestId('field-enabled'));
  // Secrets are never shown: no input holds them until "Replace".
  expect(screen.queryByTestId('field-apiKey')).toBeNull();
});

test('replacing the key and clearing nothing else sends only the key; the api’s field error shows beside its input', async () => {
  const calls = serve({
    Me: me('ADMIN'),
    TrackingProvider: () => ({ trackingProvider: settings() }),
    UpdateTrackingProvider: (variables) => {
      const input = variables.input as { baseUrl?: string };
      if (input.baseUrl !== undefined) {
        const payload = {
          message: 'input.baseUrl: must end with /v2/',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.baseUrl' },
        };
        throw new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]);
      }
      return { updateTrackingProvider: settings({ lastError: null, lastErrorAt: null }) };
    },
  });
  renderPage();
  fireEvent.click(await screen.findByTestId('secret-apiKey-replace'));
  const key = screen.getByTestId<HTMLInputElement>('field-apiKey');
  expect(key.type).toBe('password');
  fireEvent.change(key, { target: { value: 'EZTK_new' } });
  fireEvent.click(screen.getByTestId('tracking-provider-save'));
  await screen.findByTestId('tracking-provider-saved');
  expect(calls.filter((call) => call.operation === 'UpdateTrackingProvider').map((call) => call.variables)).toEqual([
    { input: { apiKey: 'EZTK_new' } },
  ]);

  fireEvent.change(screen.getByTestId('field-baseUrl'), { target: { value: 'https://api.easypost.com/v1' } });
  fireEvent.click(screen.getByTestId('tracking-provider-save'));
  expect((await screen.findByTestId('field-error-baseUrl')).textContent).toBe('must end with /v2/');
  expect(screen.getByTestId<HTMLInputElement>('field-baseUrl').value).toBe('https://api.easypost.com/v1');
});

test('clearing the stored key sends "" for it', async () => {
  const calls = serve({
    Me: me('ADMIN'),
    TrackingProvider: () => ({ trackingProvider: settings() }),
    UpdateTrackingProvider: () => ({ updateTrackingProvider: settings({ hasApiKey: false }) }),
  });
  renderPage();
  fireEvent.click(await screen.findByTestId('secret-apiKey-clear'));
  expect(screen.getByTestId('secret-apiKey-state').textContent).toBe('Will be cleared on save');
  fireEvent.click(screen.getByTestId('tracking-provider-save'));
  await waitFor(() => expect(screen.getByTestId('secret-apiKey-state').textContent).toBe('Not set'));
  expect(calls.find((call) => call.operation === 'UpdateTrackingProvider')!.variables).toEqual({
    input: { apiKey: '' },
  });
});

test('an operator is told the page needs ADMIN, and the settings are never asked for', async () => {
  const calls = serve({ Me: me('OPERATOR') });
  renderPage();
  expect((await screen.findByTestId('role-notice')).textContent).toBe(
    "Your role is OPERATOR: the tracking provider's settings need ADMIN.",
  );
  expect(calls.map((call) => call.operation)).toEqual(['Me']);
});
