import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { ShipmentsUploadPage } from './shipments-upload-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

test('uploads 450 rows in three calls with the header on each, and numbers results by file row', async () => {
  const header = 'order,line,quantity,carrier,tracking';
  const rows = Array.from({ length: 450 }, (_, i) => `PO${i + 1},1,1,UPS,T${i + 1}`);
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role: 'OPERATOR' } }),
    ConfirmShipmentsCsv: (variables) => {
      const lines = (variables.csv as string).trim().split('\n').slice(1);
      // The api refuses the last row of each call, numbering rows within the call (header = 1).
      return {
        confirmShipmentsCsv: {
          applied: lines.length - 1,
          refused: 1,
          rows: lines.map((line, i) => ({
            row: i + 2,
            orderNumber: line.split(',')[0],
            ok: i < lines.length - 1,
            shipmentId: null,
            error: i < lines.length - 1 ? null : 'order: not an order in the hub.',
            violations: [],
          })),
        },
      };
    },
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <MemoryRouter>
        <ShipmentsUploadPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const file = new File([[header, ...rows].join('\n')], 'ship.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByTestId('csv-preview').textContent).toBe('ship.csv: 450 rows in 3 batches'));
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('csv-upload').disabled).toBe(false));

  fireEvent.click(screen.getByTestId('csv-upload'));
  await waitFor(() => expect(screen.getByTestId('csv-progress-label').textContent).toBe('450 of 450 rows sent (100%)'));
  const sent = calls
    .filter((c) => c.operation === 'ConfirmShipmentsCsv')
    .map((c) => (c.variables.csv as string).trim().split('\n'));
  expect(sent.map((lines) => lines.length - 1)).toEqual([200, 200, 50]);
  expect(sent.every((lines) => lines[0] === header)).toBe(true);

  expect(screen.getByTestId('csv-summary').textContent).toMatch(/447 applied · 3 refused/);
  const refused = screen.getAllByTestId('csv-result-row').filter((tr) => tr.dataset.ok === 'false');
  expect(refused.map((tr) => tr.querySelector('td')!.textContent)).toEqual(['201', '401', '451']);
  expect(refused[2].textContent).toContain('PO450');
});

test('a header without the required columns is named before anything is sent', async () => {
  serve({ Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role: 'OPERATOR' } }) });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <ShipmentsUploadPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const file = new File(['order,line,carrier\nPO1,1,UPS\n'], 'bad.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [file] } });
  expect((await screen.findByTestId('csv-missing-columns')).textContent).toBe('The header lacks quantity, tracking.');
  expect(screen.getByTestId<HTMLButtonElement>('csv-upload').disabled).toBe(true);
});

test('sends the chosen file name and the supplier typed with every batch, so the plan of action can name them', async () => {
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role: 'OPERATOR' } }),
    ConfirmShipmentsCsv: () => ({ confirmShipmentsCsv: { applied: 0, refused: 0, rows: [] } }),
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <MemoryRouter>
        <ShipmentsUploadPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const rows = Array.from({ length: 201 }, (_, i) => `PO${i + 1},1,1,UPS,T${i + 1}`);
  const file = new File([['order,line,quantity,carrier,tracking', ...rows].join('\n')], 'acme-1201.csv');
  fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('csv-file-name').value).toBe('acme-1201.csv'));
  fireEvent.change(screen.getByLabelText('Supplier (optional)'), { target: { value: '  Acme Supply ' } });
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('csv-upload').disabled).toBe(false));

  fireEvent.click(screen.getByTestId('csv-upload'));
  await waitFor(() => expect(screen.getByTestId('csv-progress-label').textContent).toBe('201 of 201 rows sent (100%)'));
  const sent = calls.filter((c) => c.operation === 'ConfirmShipmentsCsv').map((c) => c.variables);
  expect(sent.map(({ fileName, supplier }) => ({ fileName, supplier }))).toEqual([
    { fileName: 'acme-1201.csv', supplier: 'Acme Supply' },
    { fileName: 'acme-1201.csv', supplier: 'Acme Supply' },
  ]);
});

test('an emptied file name and a blank supplier are sent as null, not as empty text', async () => {
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role: 'OPERATOR' } }),
    ConfirmShipmentsCsv: () => ({ confirmShipmentsCsv: { applied: 0, refused: 0, rows: [] } }),
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <MemoryRouter>
        <ShipmentsUploadPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const file = new File(['order,line,quantity,carrier,tracking\nPO1,1,1,UPS,T1\n'], 'ship.csv');
  fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('csv-file-name').value).toBe('ship.csv'));
  fireEvent.change(screen.getByLabelText('File name (optional)'), { target: { value: '   ' } });
  fireEvent.change(screen.getByTestId('csv-supplier'), { target: { value: ' ' } });
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('csv-upload').disabled).toBe(false));
  fireEvent.click(screen.getByTestId('csv-upload'));
  await waitFor(() => expect(calls.some((c) => c.operation === 'ConfirmShipmentsCsv')).toBe(true));
  const sent = calls.find((c) => c.operation === 'ConfirmShipmentsCsv')!.variables;
  expect({ fileName: sent.fileName, supplier: sent.supplier }).toEqual({ fileName: null, supplier: null });
});

test("a supplier picked from the hub's suppliers is sent as supplierId, in place of the typed name", async () => {
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role: 'OPERATOR' } }),
    Suppliers: () => ({
      suppliers: [
        {
          id: 'sup-1',
          name: 'Acme Toys',
          contactName: null,
          email: 'po@acme.test',
          senderAddresses: [],
          phone: null,
          leadTimeBusinessDays: 2,
          trackingDeadlineHours: 24,
          poMethod: 'EMAIL',
          poFormat: 'CSV',
          active: true,
        },
      ],
    }),
    ConfirmShipmentsCsv: () => ({ confirmShipmentsCsv: { applied: 0, refused: 0, rows: [] } }),
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <MemoryRouter>
        <ShipmentsUploadPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const file = new File(['order,line,quantity,carrier,tracking\nPO1,1,1,UPS,T1\n'], 'acme.csv');
  fireEvent.change(screen.getByTestId('csv-file'), { target: { files: [file] } });
  fireEvent.change(screen.getByTestId('csv-supplier'), { target: { value: 'typed before' } });
  await waitFor(() => expect(screen.getByRole('option', { name: 'Acme Toys' })).toBeTruthy());
  fireEvent.change(screen.getByTestId('csv-supplier-id'), { target: { value: 'sup-1' } });
  expect(screen.queryByTestId('csv-supplier')).toBeNull();
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('csv-upload').disabled).toBe(false));
  fireEvent.click(screen.getByTestId('csv-upload'));
  await waitFor(() => expect(calls.some((c) => c.operation === 'ConfirmShipmentsCsv')).toBe(true));
  const sent = calls.find((c) => c.operation === 'ConfirmShipmentsCsv')!.variables;
  expect({ supplier: sent.supplier, supplierId: sent.supplierId }).toEqual({ supplier: null, supplierId: 'sup-1' });
});
