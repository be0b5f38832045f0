import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import type { PlanOfActionView } from '../api/plan-of-action.graphql';
import type { PlanScope } from '../api/plan-of-action.hooks';
import { PlanOfActionEditor } from './plan-of-action-editor';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const SCOPE: PlanScope = {
  channel: 'AMAZON',
  accountId: null,
  metric: 'LATE_SHIPMENT_RATE_10D',
  category: null,
  windowEnd: '2026-11-24T09:00:00.000Z',
};
const DRAFT = {
  rootCause: 'Two orders shipped late.',
  correctiveActions: 'Reviewed both with the warehouse.',
  preventiveMeasures: 'Ship-by alarms.',
};

const plan = (overrides: Partial<PlanOfActionView> = {}): PlanOfActionView => ({
  channel: 'AMAZON',
  accountId: null,
  metric: 'LATE_SHIPMENT_RATE_10D',
  category: null,
  windowEnd: SCOPE.windowEnd,
  affectedOrders: 2,
  causes: [
    {
      cause: 'LATE_SHIPMENT',
      reason: null,
      orderCount: 2,
      channelOrderIds: ['111-1', '111-2'],
      firstAt: '2026-11-20T10:00:00.000Z',
      lastAt: '2026-11-21T10:00:00.000Z',
      maxLateHours: 30,
    },
  ],
  controls: [],
  draft: DRAFT,
  saved: null,
  ...overrides,
});

function renderEditor() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <PlanOfActionEditor scope={SCOPE} title="Amazon · Late shipment rate (10 days)" />
    </QueryClientProvider>,
  );
}

const field = (name: string) => screen.getByTestId<HTMLTextAreaElement>(`poa-${name}`);
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

afterEach(() => (request as unknown as jest.Mock).mockReset());

test('the draft fills the three sections; saving sends them with the scope and shows who saved', async () => {
  const calls = serve({
    PlanOfAction: () => ({ planOfAction: plan() }),
    SavePlanOfAction: (variables) => {
      const { rootCause, correctiveActions, preventiveMeasures } = variables.input as typeof DRAFT;
      return {
        savePlanOfAction: plan({
          saved: {
            rootCause,
            correctiveActions,
            preventiveMeasures,
            updatedBy: 'token:ops',
            updatedAt: '2026-11-24T09:05:00.000Z',
          },
        }),
      };
    },
  });
  renderEditor();
  await waitFor(() => expect(field('rootCause').value).toBe(DRAFT.rootCause));
  expect(field('correctiveActions').value).toBe(DRAFT.correctiveActions);
  expect(screen.getByTestId('poa-provenance').textContent).toContain('not saved yet');
  expect(screen.getByTestId('poa-causes').textContent).toContain('Late shipment: 2');

  type('rootCause', 'Two orders shipped late: the carrier missed the pickup.');
  expect(screen.getByTestId('poa-unsaved')).toBeTruthy();
  fireEvent.click(screen.getByTestId('poa-save'));

  await waitFor(() => expect(screen.getByTestId('poa-saved-by').textContent).toBe('API token ops'));
  expect(screen.getByTestId('poa-editor').dataset.saved).toBe('true');
  expect(screen.queryByTestId('poa-unsaved')).toBeNull();
  expect(calls.find((call) => call.operation === 'SavePlanOfAction')!.variables).toEqual({
    input: { ...SCOPE, ...DRAFT, rootCause: 'Two orders shipped late: the carrier missed the pickup.' },
  });
});

test('a saved plan is what the editor opens with; reset brings the draft back, unsaved', async () => {
  const saved = {
    rootCause: 'Edited cause',
    correctiveActions: 'Edited fix',
    preventiveMeasures: 'Edited prevention',
    updatedBy: 'token:ops',
    updatedAt: '2026-11-24T09:05:00.000Z',
  };
  serve({ PlanOfAction: () => ({ planOfAction: plan({ saved }) }) });
  renderEditor();
  await waitFor(() => expect(field('rootCause').value).toBe('Edited cause'));

  fireEvent.click(screen.getByTestId('poa-reset'));
  expect(field('rootCause').value).toBe(DRAFT.rootCause);
  expect(field('preventiveMeasures').value).toBe(DRAFT.preventiveMeasures);
  expect(screen.getByTestId('poa-unsaved')).toBeTruthy();
});

test('an empty section is named and not sent; a refused save shows the server message', async () => {
  const calls = serve({
    PlanOfAction: () => ({ planOfAction: plan() }),
    SavePlanOfAction: () => {
      throw new GraphQLRequestError('This operation needs the OPERATOR role', 'FORBIDDEN');
    },
  });
  renderEditor();
  await waitFor(() => expect(field('rootCause').value).toBe(DRAFT.rootCause));

  type('correctiveActions', '   ');
  fireEvent.click(screen.getByTestId('poa-save'));
  expect(screen.getByTestId('poa-error').textContent).toBe('Corrective actions must not be empty.');
  expect(calls.some((call) => call.operation === 'SavePlanOfAction')).toBe(false);

  type('correctiveActions', 'Back again');
  fireEvent.click(screen.getByTestId('poa-save'));
  await waitFor(() =>
    expect(screen.getByTestId('poa-error').textContent).toBe('This operation needs the OPERATOR role'),
  );
});

test('a VIEWER reads and copies the draft but cannot save', async () => {
  serve({
    PlanOfAction: () => ({ planOfAction: plan() }),
    Me: () => ({ me: { id: 't', name: 'auditor', prefix: 'ohk_abc', role: 'VIEWER' } }),
  });
  renderEditor();
  await waitFor(() =>
    expect(screen.getByTestId('poa-viewer').textContent).toBe('Saving needs the OPERATOR role; you are a VIEWER.'),
  );
  expect(screen.getByTestId<HTMLButtonElement>('poa-save').disabled).toBe(true);
  expect(field('rootCause').value).toBe(DRAFT.rootCause);
});
