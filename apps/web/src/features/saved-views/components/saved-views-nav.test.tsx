import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import type { SavedView } from '../api/saved-views.graphql';
import { SavedViewsNav } from './saved-views-nav';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

function aView(overrides: Partial<SavedView> & Pick<SavedView, 'id' | 'name'>): SavedView {
  return {
    filter: {
      channel: null,
      accountId: null,
      view: 'ALL',
      statuses: null,
      search: null,
      skus: null,
      shipMethods: null,
      shipToStates: null,
      fulfillment: null,
      buyerRequestedCancel: null,
      channelRefused: null,
      shippedNoScan: null,
    },
    columns: ['ORDER_NUMBER'],
    sort: null,
    count: { count: 0, exact: true },
    ...overrides,
  };
}

const late = aView({
  id: 'v-late',
  name: 'Walmart past due',
  filter: { ...aView({ id: '', name: '' }).filter, view: 'PAST_DUE', channel: 'WALMART', skus: ['KTC-1'] },
  columns: ['ORDER_NUMBER', 'SKU'],
  sort: { field: 'SHIP_BY', direction: 'ASC' },
  count: { count: 1234, exact: true },
});
const everything = aView({ id: 'v-all', name: 'Everything', count: { count: 1_234_567, exact: false } });

function renderNav(views: SavedView[], handlers: Parameters<typeof serve>[0] = {}, activeId: string | null = null) {
  const calls = serve({ SavedViews: () => ({ savedViews: views }), ...handlers });
  const onOpen = jest.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SavedViewsNav activeId={activeId} onOpen={onOpen} />
    </QueryClientProvider>,
  );
  return { calls, onOpen };
}

const linkOf = (name: string) =>
  screen.getAllByTestId('saved-view-link').find((link) => link.dataset.viewName === name)!;

test('lists the views under "Your views" with their counts, an estimate as "about"', async () => {
  renderNav([late, everything], {}, 'v-late');
  await screen.findAllByTestId('saved-view-link');
  expect(screen.getByRole('navigation', { name: 'Your views' })).toBeTruthy();
  expect(screen.getAllByTestId('saved-view-link').map((l) => l.dataset.viewName)).toEqual([
    'Walmart past due',
    'Everything',
  ]);
  const [exact, estimate] = screen.getAllByTestId('saved-view-count');
  expect(exact.textContent).toBe('1,234 orders');
  expect(exact.title).toBe('');
  expect(estimate.textContent).toBe('about 1,230,000 orders');
  expect(estimate.title).toMatch(/estimate/);
  expect(linkOf('Walmart past due').getAttribute('aria-current')).toBe('page');
  expect(linkOf('Everything').getAttribute('aria-current')).toBeNull();
});

test('says how to make one when there are none', async () => {
  renderNav([]);
  expect((await screen.findByTestId('saved-views-empty')).textContent).toMatch(/No saved views yet/);
});

test('opens a view when its name is chosen', async () => {
  const { onOpen } = renderNav([late, everything]);
  await screen.findAllByTestId('saved-view-link');
  fireEvent.click(linkOf('Everything'));
  expect(onOpen).toHaveBeenCalledWith(everything);
});

test('renames from the menu, keeping the filter, columns and sort, and shows a refused name beside the field', async () => {
  let refuse = true;
  const { calls } = renderNav([late], {
    SaveView: ({ input }) => {
      if (refuse) {
        refuse = false;
        throw new GraphQLRequestError('input.name: You already have a view named "Everything".', 'BAD_USER_INPUT', [
          {
            message: 'input.name: You already have a view named "Everything".',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
          },
        ]);
      }
      return { saveView: { ...late, name: (input as { name: string }).name } };
    },
  });
  await screen.findAllByTestId('saved-view-link');
  fireEvent.click(screen.getByTestId('saved-view-menu'));
  fireEvent.click(await screen.findByTestId('saved-view-rename'));
  const name = await screen.findByTestId('save-view-name');
  expect((name as HTMLInputElement).value).toBe('Walmart past due');

  fireEvent.change(name, { target: { value: 'everything ' } });
  fireEvent.click(screen.getByTestId('save-view-submit'));
  expect((await screen.findByTestId('save-view-name-error')).textContent).toBe(
    'You already have a view named "Everything".',
  );

  fireEvent.change(name, { target: { value: 'Late at Walmart' } });
  fireEvent.click(screen.getByTestId('save-view-submit'));
  await waitFor(() => expect(screen.queryByTestId('save-view-dialog')).toBeNull());
  const saves = calls.filter((c) => c.operation === 'SaveView');
  expect(saves.at(-1)!.variables).toEqual({
    input: {
      id: 'v-late',
      name: 'Late at Walmart',
      filter: { view: 'PAST_DUE', channel: 'WALMART', skus: ['KTC-1'] },
      columns: ['ORDER_NUMBER', 'SKU'],
      sort: { field: 'SHIP_BY', direction: 'ASC' },
    },
  });
  // The list is read again after the save.
  expect(calls.filter((c) => c.operation === 'SavedViews').length).toBeGreaterThan(1);
});

test('deletes from the menu after asking, and keeps the view when asked to', async () => {
  const { calls } = renderNav([late, everything], { DeleteSavedView: () => ({ deleteSavedView: true }) });
  await screen.findAllByTestId('saved-view-link');

  fireEvent.click(screen.getAllByTestId('saved-view-menu')[1]);
  fireEvent.click(await screen.findByTestId('saved-view-delete'));
  expect((await screen.findByTestId('delete-view-dialog')).textContent).toMatch(/Delete “Everything”\?/);
  fireEvent.click(screen.getByText('Keep it'));
  await waitFor(() => expect(screen.queryByTestId('delete-view-dialog')).toBeNull());
  expect(calls.some((c) => c.operation === 'DeleteSavedView')).toBe(false);

  fireEvent.click(screen.getAllByTestId('saved-view-menu')[1]);
  fireEvent.click(await screen.findByTestId('saved-view-delete'));
  await act(async () => {
    fireEvent.click(await screen.findByTestId('delete-view-confirm'));
  });
  await waitFor(() => expect(screen.queryByTestId('delete-view-dialog')).toBeNull());
  expect(calls.filter((c) => c.operation === 'DeleteSavedView').map((c) => c.variables)).toEqual([{ id: 'v-all' }]);
});

test('shows a list that failed to load as an error in words with a retry', async () => {
  serve({
    SavedViews: () => {
      throw new GraphQLRequestError('Sign in, or send a valid API token.', 'UNAUTHENTICATED');
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SavedViewsNav activeId={null} onOpen={jest.fn()} />
    </QueryClientProvider>,
  );
  expect((await screen.findByTestId('error-state')).textContent).toMatch(/Your views did not load/);
  expect(screen.getByTestId('retry-button')).toBeTruthy();
});
