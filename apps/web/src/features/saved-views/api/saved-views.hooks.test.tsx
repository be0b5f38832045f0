import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { DEFAULT_INBOX_COLUMNS } from '@order-hub/types';
import type { ReactNode } from 'react';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import { useInboxColumns, useSetInboxColumns } from './saved-views.hooks';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

function wrapper() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
}

function columnsHook() {
  return renderHook(() => ({ read: useInboxColumns(), set: useSetInboxColumns() }), { wrapper: wrapper() });
}

test("gives the defaults while loading, then the person's columns", async () => {
  serve({ InboxColumns: () => ({ inboxColumns: ['SKU', 'AGE'] }) });
  const { result } = columnsHook();
  expect(result.current.read.columns).toEqual([...DEFAULT_INBOX_COLUMNS]);
  await waitFor(() => expect(result.current.read.columns).toEqual(['SKU', 'AGE']));
});

test('shows chosen columns at once and keeps them once saved', async () => {
  let stored = ['SKU'];
  const calls = serve({
    InboxColumns: () => ({ inboxColumns: stored }),
    SetInboxColumns: ({ columns }) => {
      stored = columns as string[];
      return { setInboxColumns: stored };
    },
  });
  const { result } = columnsHook();
  await waitFor(() => expect(result.current.read.columns).toEqual(['SKU']));
  act(() => result.current.set.mutate(['SKU', 'TRACKING']));
  await waitFor(() => expect(result.current.read.columns).toEqual(['SKU', 'TRACKING']));
  await waitFor(() => expect(result.current.set.isSuccess).toBe(true));
  expect(calls.filter((c) => c.operation === 'SetInboxColumns').map((c) => c.variables)).toEqual([
    { columns: ['SKU', 'TRACKING'] },
  ]);
  expect(result.current.read.columns).toEqual(['SKU', 'TRACKING']);
});

test('goes back to the columns before when the save is refused', async () => {
  serve({
    InboxColumns: () => ({ inboxColumns: ['SKU'] }),
    SetInboxColumns: () => {
      throw new GraphQLRequestError(
        'Saved views and columns belong to a signed-in person; API tokens have none.',
        'FORBIDDEN',
      );
    },
  });
  const { result } = columnsHook();
  await waitFor(() => expect(result.current.read.columns).toEqual(['SKU']));
  act(() => result.current.set.mutate(['AGE']));
  await waitFor(() => expect(result.current.set.isError).toBe(true));
  expect(result.current.read.columns).toEqual(['SKU']);
});
