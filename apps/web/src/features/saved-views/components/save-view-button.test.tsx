import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import { SaveViewButton } from './save-view-button';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

function renderButton(handlers: Parameters<typeof serve>[0]) {
  const calls = serve(handlers);
  const onSaved = jest.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SaveViewButton
        filter={{ view: 'DUE_TODAY', channel: 'AMAZON', shipToStates: ['CA'] }}
        columns={['ORDER_NUMBER', 'SHIP_TO_STATE']}
        sort={{ field: 'SHIP_BY', direction: 'DESC' }}
        onSaved={onSaved}
      />
    </QueryClientProvider>,
  );
  return { calls, onSaved };
}

test('saves the filters, columns and sort shown under the name given', async () => {
  const saved = { id: 'v-1', name: 'California today' };
  const { calls, onSaved } = renderButton({ SaveView: () => ({ saveView: saved }) });
  fireEvent.click(screen.getByTestId('save-view-button'));
  const name = await screen.findByTestId('save-view-name');
  expect(document.activeElement).toBe(name);
  expect(screen.getByTestId<HTMLButtonElement>('save-view-submit').disabled).toBe(true);
  fireEvent.change(name, { target: { value: '  California today ' } });
  fireEvent.click(screen.getByTestId('save-view-submit'));
  await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
  expect(screen.queryByTestId('save-view-dialog')).toBeNull();
  expect(calls.map((c) => c.variables)).toEqual([
    {
      input: {
        name: 'California today',
        filter: { view: 'DUE_TODAY', channel: 'AMAZON', shipToStates: ['CA'] },
        columns: ['ORDER_NUMBER', 'SHIP_TO_STATE'],
        sort: { field: 'SHIP_BY', direction: 'DESC' },
      },
    },
  ]);
});

test('shows a refusal that names no field above the buttons, in words, and keeps the name typed', async () => {
  const message = 'You have 30 saved views, the most one person keeps; delete one you no longer use first.';
  renderButton({
    SaveView: () => {
      throw new GraphQLRequestError(`input: ${message}`, 'BAD_USER_INPUT', [
        { message: `input: ${message}`, extensions: { code: 'BAD_USER_INPUT', field: 'input' } },
      ]);
    },
  });
  fireEvent.click(screen.getByTestId('save-view-button'));
  fireEvent.change(await screen.findByTestId('save-view-name'), { target: { value: 'One more' } });
  fireEvent.click(screen.getByTestId('save-view-submit'));
  expect((await screen.findByTestId('error-state')).textContent).toContain(message);
  expect(screen.getByTestId<HTMLInputElement>('save-view-name').value).toBe('One more');
});

test('with a view open, updates it in place with what is shown now, or saves a new one', async () => {
  const calls = serve({ SaveView: ({ input }) => ({ saveView: { id: 'v-9', ...(input as object) } }) });
  const onSaved = jest.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SaveViewButton
        filter={{ view: 'PAST_DUE' }}
        columns={['AGE']}
        sort={null}
        view={{ id: 'v-9', name: 'Late' }}
        onSaved={onSaved}
      />
    </QueryClientProvider>,
  );
  expect(screen.getByTestId('save-view-button').textContent).toBe('Save as new view');
  fireEvent.click(screen.getByTestId('update-view-button'));
  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(calls.map((c) => c.variables)).toEqual([
    { input: { id: 'v-9', name: 'Late', filter: { view: 'PAST_DUE' }, columns: ['AGE'], sort: null } },
  ]);
  expect(screen.getByTestId('update-view-button').textContent).toBe('Update “Late”');
});
