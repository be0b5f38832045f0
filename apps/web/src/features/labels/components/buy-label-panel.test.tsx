import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { order } from '@/features/shared/test/order-fixtures';
import { serve } from '@/test/serve';
import { BuyLabelPanel } from './buy-label-panel';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const PARCEL = { lengthIn: 12, widthIn: 9, heightIn: 4, weightOz: 36 };

function rate(over: Record<string, unknown>) {
  return {
    carrier: 'UPS',
    carrierName: 'UPS',
    service: 'Ground',
    serviceName: 'UPS Ground',
    amountCents: 1000,
    currency: 'USD',
    deliverBy: '2026-12-08T20:00:00Z',
    pickUpBy: null,
    deliveryDays: 3,
    cheapest: false,
    fastest: false,
    meetsShipBy: true,
    meetsDeliverBy: true,
    problem: null,
    ...over,
  };
}

function quote(source: 'CHANNEL' | 'PROVIDER') {
  return {
    labelRates: {
      requestToken: 'tok-1',
      expiresAt: '2026-12-04T13:00:00Z',
      source,
      parcel: PARCEL,
      rates: [
        rate({
          rateId: 'r-late',
          serviceName: 'USPS Ground Advantage',
          carrierName: 'USPS',
          amountCents: 650,
          meetsDeliverBy: false,
          problem: 'Arrives Dec 10, after the promised Dec 8',
        }),
        rate({ rateId: 'r-ok', amountCents: 812, cheapest: true, fastest: true }),
      ],
      removed:
        source === 'PROVIDER'
          ? [
              {
                carrierName: 'Amazon Shipping',
                serviceName: 'Amazon Shipping Ground',
                reason: 'Walmart refuses Amazon carriers.',
              },
            ]
          : [],
    },
  };
}

const BOUGHT = {
  id: 'lbl-1',
  orderId: 'ord-1',
  source: 'CHANNEL',
  status: 'PURCHASED',
  carrier: 'UPS',
  carrierName: 'UPS',
  service: 'Ground',
  serviceName: 'UPS Ground',
  trackingNumber: '1Z999AA10123456784',
  amountCents: 812,
  currency: 'USD',
  format: 'PDF',
  purchasedAt: '2026-12-04T12:10:00Z',
  voidedAt: null,
  voidableUntil: '2026-12-05T12:10:00Z',
  documentUrl: '/api/labels/lbl-1/document',
  confirmedByChannel: true,
  failure: null,
  packageIndex: 0,
  lines: null,
};

function renderPanel(channel: 'AMAZON' | 'WALMART') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <BuyLabelPanel order={order({ channel })} onClose={jest.fn()} />
    </QueryClientProvider>,
  );
}

/** The provider's correction of the fixture order's ship-to (no name: the buyer's is kept). */
const SUGGESTED = {
  name: null,
  line1: '12 MAIN ST',
  line2: null,
  line3: null,
  city: 'NEWARK',
  stateOrRegion: 'NJ',
  postalCode: '07102-1234',
  countryCode: 'US',
  phone: null,
};

const buyButton = () => screen.getByTestId<HTMLButtonElement>('label-buy');

afterEach(() => (request as unknown as jest.Mock).mockReset());

const PRESET = {
  id: 'pp-1',
  name: 'Medium box',
  lengthIn: 12,
  widthIn: 9,
  heightIn: 4,
  boxWeightOz: 4,
  skus: [],
  isDefault: true,
};

test('Amazon: the order’s parcel is rated, the cheapest on-time rate is chosen, and Buy shows the tracking and Print', async () => {
  const calls = serve({
    PackagePresets: () => ({ packagePresets: [PRESET] }),
    ProposedParcel: () => ({
      proposedParcel: { matchedBy: 'DEFAULT', missingWeights: [], parcel: PARCEL, preset: PRESET },
    }),
    LabelRates: () => quote('CHANNEL'),
    BuyLabel: () => ({ buyLabel: BOUGHT }),
  });
  renderPanel('AMAZON');
  await screen.findByTestId('label-rates');
  expect(screen.getByTestId<HTMLInputElement>('label-weightOz').value).toBe('36');
  const rows = screen.getAllByTestId('label-rate');
  // The cheapest misses the promise: its problem is in words, and the on-time rate is the one chosen.
  expect(within(rows[0]).getByTestId('label-rate-problem').textContent).toBe(
    'Arrives Dec 10, after the promised Dec 8',
  );
  expect(
    within(rows[1])
      .getAllByTestId('label-rate-mark')
      .map((m) => m.textContent),
  ).toEqual(['Cheapest', 'Fastest on time']);
  expect(within(rows[1]).getByTestId<HTMLInputElement>('label-rate-choose').checked).toBe(true);
  expect(calls.some((c) => c.operation === 'VerifyShipTo')).toBe(false);

  fireEvent.click(buyButton());
  const tracking = await screen.findByTestId('label-tracking');
  expect(tracking.textContent).toBe('1Z999AA10123456784');
  expect(screen.getByTestId('label-bought').textContent).toMatch(/no second confirmation/);
  expect(screen.getByTestId('label-print').getAttribute('href')).toBe('/api/labels/lbl-1/document');
  const buy = calls.find((c) => c.operation === 'BuyLabel')!;
  expect(buy.variables).toEqual({
    input: {
      orderId: 'ord-1',
      expectedVersion: 3,
      packageIndex: 0,
      requestToken: 'tok-1',
      rateId: 'r-ok',
      parcel: PARCEL,
      format: 'PDF',
    },
  });
});

test('Walmart: the suggested address must be accepted or kept before Buy; a refusal is shown in words', async () => {
  serve({
    PackagePresets: () => ({ packagePresets: [PRESET] }),
    ProposedParcel: () => ({
      proposedParcel: { matchedBy: 'DEFAULT', missingWeights: [], parcel: PARCEL, preset: PRESET },
    }),
    LabelRates: () => quote('PROVIDER'),
    VerifyShipTo: () => ({
      verifyShipTo: {
        verified: false,
        problems: ['ZIP+4 added'],
        suggested: { ...SUGGESTED, name: 'Ann Buyer' },
      },
    }),
    BuyLabel: () => {
      throw new GraphQLRequestError('The carrier refused the purchase: insufficient funds.', 'LABEL_PURCHASE_REFUSED');
    },
  });
  renderPanel('WALMART');
  await screen.findByTestId('label-address-suggested');
  expect(screen.getByTestId('label-rates-removed').textContent).toContain('Amazon Shipping Ground');
  expect(buyButton().disabled).toBe(true);
  expect(buyButton().title).toMatch(/suggested address/);
  fireEvent.click(screen.getByTestId('label-address-keep'));
  expect(buyButton().disabled).toBe(false);

  fireEvent.click(buyButton());
  await waitFor(() =>
    expect(screen.getByTestId('error-message').textContent).toBe(
      'The carrier refused the purchase: insufficient funds.',
    ),
  );
  expect(screen.queryByTestId('label-bought')).toBeNull();
});

test('Walmart: accepting the correction asks the rates for that address and buys the label for it', async () => {
  const suggested = SUGGESTED;
  const calls = serve({
    PackagePresets: () => ({ packagePresets: [PRESET] }),
    ProposedParcel: () => ({
      proposedParcel: { matchedBy: 'DEFAULT', missingWeights: [], parcel: PARCEL, preset: PRESET },
    }),
    LabelRates: (variables) => ({
      labelRates: { ...quote('PROVIDER').labelRates, shipToCorrected: variables.shipTo != null },
    }),
    VerifyShipTo: () => ({ verifyShipTo: { verified: true, problems: [], suggested } }),
    BuyLabel: () => ({ buyLabel: BOUGHT }),
  });
  renderPanel('WALMART');
  await screen.findByTestId('label-address-suggested');
  fireEvent.click(screen.getByTestId('label-address-accept'));
  await waitFor(() => expect(calls.filter((c) => c.operation === 'LabelRates')).toHaveLength(2));
  const corrected = {
    name: 'Customer',
    line1: '12 MAIN ST',
    line2: null,
    city: 'NEWARK',
    stateOrRegion: 'NJ',
    postalCode: '07102-1234',
    countryCode: 'US',
  };
  expect(calls.filter((c) => c.operation === 'LabelRates')[1].variables.shipTo).toEqual(corrected);
  await waitFor(() => expect(buyButton().disabled).toBe(false));
  fireEvent.click(buyButton());
  await screen.findByTestId('label-bought');
  expect(calls.find((c) => c.operation === 'BuyLabel')!.variables.input).toMatchObject({ shipTo: corrected });
});

test('a package with fewer units than the order: rated and bought for those units, then the next package', async () => {
  const calls = serve({
    PackagePresets: () => ({ packagePresets: [PRESET] }),
    ProposedParcel: () => ({
      proposedParcel: { matchedBy: 'DEFAULT', missingWeights: [], parcel: PARCEL, preset: PRESET },
    }),
    OrderLabels: () => ({ order: { id: 'ord-1', labelCostCents: null, labels: [] } }),
    LabelRates: () => quote('CHANNEL'),
    BuyLabel: (variables) => ({
      buyLabel: { ...BOUGHT, lines: (variables.input as { lines?: unknown }).lines ?? null },
    }),
  });
  renderPanel('AMAZON');
  const [quantity, other] = await screen.findAllByTestId<HTMLInputElement>('label-contents-quantity');
  expect([quantity.value, other.value]).toEqual(['2', '1']);
  fireEvent.change(other, { target: { value: '0' } });
  fireEvent.change(quantity, { target: { value: '3' } });
  expect(screen.getByTestId('label-contents').textContent).toContain('A whole number from 0 to 2.');
  expect(buyButton().title).toBe('Say what goes in this package first.');
  fireEvent.change(quantity, { target: { value: '1' } });
  await waitFor(() =>
    expect(calls.filter((c) => c.operation === 'LabelRates').map((c) => c.variables.lines)).toContainEqual([
      { lineNumber: '1', quantity: 1 },
    ]),
  );
  await waitFor(() => expect(buyButton().disabled).toBe(false));
  fireEvent.click(buyButton());
  await screen.findByTestId('label-bought');
  expect(calls.find((c) => c.operation === 'BuyLabel')!.variables.input).toMatchObject({
    packageIndex: 0,
    lines: [{ lineNumber: '1', quantity: 1 }],
  });
  fireEvent.click(screen.getByTestId('label-next-package'));
  expect(screen.getByTestId('buy-label')).toBeTruthy();
});

test('without presets nothing is asked until the package is typed, and it is checked in words first', async () => {
  const calls = serve({
    PackagePresets: () => ({ packagePresets: [] }),
    ProposedParcel: () => ({ proposedParcel: null }),
    LabelRates: () => quote('CHANNEL'),
  });
  renderPanel('AMAZON');
  await screen.findByTestId('label-parcel-hint');
  const type = (field: string, value: string) =>
    fireEvent.change(screen.getByTestId(`label-${field}`), { target: { value } });
  type('lengthIn', '12');
  type('widthIn', '9');
  type('heightIn', '4');
  type('weightOz', '0');
  fireEvent.click(screen.getByTestId('label-get-rates'));
  expect(screen.getByTestId('label-weightOz-error').textContent).toBe('Weight must be more than 0.');
  expect(calls.filter((c) => c.operation === 'LabelRates')).toHaveLength(0);

  type('weightOz', '40');
  fireEvent.click(screen.getByTestId('label-get-rates'));
  await screen.findByTestId('label-rates');
  expect(calls.filter((c) => c.operation === 'LabelRates')).toHaveLength(1);
  expect(calls.at(-1)!.variables).toEqual({ orderId: 'ord-1', parcel: { ...PARCEL, weightOz: 40 }, presetId: null });
});

test('a proposed box whose SKUs have no weight fills its size and asks for the weight before rating', async () => {
  const calls = serve({
    PackagePresets: () => ({ packagePresets: [PRESET] }),
    ProposedParcel: () => ({
      proposedParcel: { matchedBy: 'DEFAULT', missingWeights: ['SKU-1', 'SKU-2'], parcel: null, preset: PRESET },
    }),
    LabelRates: () => quote('CHANNEL'),
  });
  renderPanel('AMAZON');
  expect((await screen.findByTestId('label-parcel-hint')).textContent).toBe(
    'Weigh the package (Medium box): SKU-1, SKU-2 have no weight yet, then get rates.',
  );
  expect(screen.getByTestId<HTMLInputElement>('label-lengthIn').value).toBe('12');
  expect(screen.getByTestId<HTMLInputElement>('label-weightOz').value).toBe('');
  fireEvent.click(screen.getByTestId('label-get-rates'));
  expect(screen.getByTestId('label-weightOz-error').textContent).toBe('Weight is required.');
  expect(calls.filter((c) => c.operation === 'LabelRates')).toHaveLength(0);
  fireEvent.change(screen.getByTestId('label-weightOz'), { target: { value: '36' } });
  fireEvent.click(screen.getByTestId('label-get-rates'));
  await screen.findByTestId('label-rates');
  expect(calls.find((c) => c.operation === 'LabelRates')!.variables).toEqual({
    orderId: 'ord-1',
    parcel: PARCEL,
    presetId: null,
  });
});
