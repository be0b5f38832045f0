import { CHANNELS, OrderStatus, type Channel } from '@order-hub/types';
import { CHANNEL_PROFILES, channelProfile, MCF_PROVIDER_CHANNELS, orderName } from './channel-profile';
import { linesNeedingCancelOverride, orderActionReasons, routeUnavailableReason } from '../orders/order-eligibility';
import { lineStatusOf, orderStatusOfLines } from '../orders/order-status';
import { computeComplianceMetrics } from '../metrics/compliance-report';

const line = (ordered: number, shipped = 0, cancelled = 0) => ({
  quantityOrdered: ordered,
  quantityShipped: shipped,
  quantityCancelled: cancelled,
});

test('every channel has a profile with a label, an id prefix and a source', () => {
  for (const channel of CHANNELS) {
    const profile = channelProfile(channel);
    expect(profile.channel).toBe(channel);
    expect(profile.label).not.toBe('');
    expect(profile.idPrefix).toMatch(/^[A-Z]{2}$/);
    expect(profile.source).not.toBe('');
  }
  const prefixes = CHANNELS.map((c) => CHANNEL_PROFILES[c].idPrefix);
  expect(new Set(prefixes).size).toBe(prefixes.length);
  expect(orderName('WALMART', '123')).toBe('Walmart order 123');
});

test('a channel is never both the MCF origin and provider of its own orders', () => {
  for (const channel of CHANNELS)
    expect(channelProfile(channel).mcf.origin && channelProfile(channel).mcf.provider).toBe(false);
  expect(MCF_PROVIDER_CHANNELS).toEqual(['AMAZON']);
});

test.each<[Channel, string, string | null, string | null]>([
  ['WALMART', OrderStatus.CREATED, null, 'Nothing has shipped yet: cancel instead.'],
  ['WALMART', OrderStatus.ACKNOWLEDGED, 'Already acknowledged.', 'Nothing has shipped yet: cancel instead.'],
  ['AMAZON', OrderStatus.CREATED, 'Amazon orders need no acknowledgement.', 'Nothing has shipped yet: cancel instead.'],
])('%s order %s: acknowledge and refund follow the channel profile', (channel, status, acknowledge, refund) => {
  const reasons = orderActionReasons({
    channel,
    status: status as OrderStatus,
    fulfillmentMethod: 'MERCHANT',
    lines: [line(2)],
  });
  expect(reasons.acknowledge).toBe(acknowledge);
  expect(reasons.refund).toBe(refund);
  expect(reasons.ship).toBeNull();
});

test('nothing open: ship and cancel are unavailable; a shipped Walmart line can be refunded', () => {
  const reasons = orderActionReasons({
    channel: 'WALMART',
    status: 'SHIPPED',
    fulfillmentMethod: 'MERCHANT',
    lines: [line(2, 1, 1)],
  });
  expect(reasons).toEqual({
    acknowledge: 'Already acknowledged.',
    ship: 'Nothing is left to ship.',
    cancel: 'Nothing is left to cancel.',
    refund: null,
  });
});

test('an order routed to MCF cannot be shipped by hand: the fulfilment centre ships it', () => {
  const reasons = orderActionReasons({
    channel: 'WALMART',
    status: 'ACKNOWLEDGED',
    fulfillmentMethod: 'MCF',
    lines: [line(2)],
  });
  expect(reasons.ship).toBe(
    'Routed to Amazon MCF: the fulfilment centre ships it and its tracking comes back by itself.',
  );
  expect(reasons.cancel).toBeNull();
});

test('routing to MCF: only open orders of an origin channel the seller fulfils, once', () => {
  const order = {
    channel: 'WALMART' as Channel,
    status: OrderStatus.ACKNOWLEDGED,
    fulfillmentMethod: 'MERCHANT' as const,
  };
  expect(routeUnavailableReason(order)).toBeNull();
  expect(routeUnavailableReason({ ...order, mcfOrder: { status: 'NOT_ROUTED' } })).toBeNull();
  expect(routeUnavailableReason({ ...order, mcfOrder: { status: 'UNFULFILLABLE' } })).toBe(
    'Amazon MCF had this order before.',
  );
  expect(routeUnavailableReason({ ...order, channel: 'AMAZON' })).toBe(
    'Only Walmart orders are fulfilled through Amazon MCF.',
  );
  expect(routeUnavailableReason({ ...order, status: OrderStatus.PARTIALLY_SHIPPED })).toBe(
    'Only open orders with nothing shipped can be routed.',
  );
  expect(routeUnavailableReason({ ...order, fulfillmentMethod: 'MCF' })).toBe('Already with Amazon MCF.');
  expect(routeUnavailableReason({ ...order, fulfillmentMethod: 'CHANNEL' })).toBe('The channel fulfils this order.');
});

test('lines the buyer asked to cancel need an override to ship only where the channel says so', () => {
  const lines = [{ cancellationRequested: true }, { cancellationRequested: false }];
  expect(linesNeedingCancelOverride({ channel: 'WALMART', lines })).toEqual([lines[0]]);
  expect(linesNeedingCancelOverride({ channel: 'AMAZON', lines })).toEqual([]);
});

test('order and line status come from the quantities', () => {
  const l = { ...line(2, 2), quantityRefunded: 0, status: 'SHIPPED' as const };
  expect(lineStatusOf(l)).toBe('SHIPPED');
  expect(lineStatusOf({ ...l, quantityRefunded: 2 })).toBe('REFUNDED');
  expect(orderStatusOfLines([{ ...line(2, 1), status: 'ACKNOWLEDGED' }])).toBe('PARTIALLY_SHIPPED');
  expect(orderStatusOfLines([{ ...line(2, 0, 2), status: 'CANCELLED' }])).toBe('CANCELLED');
});

test("a channel's compliance metrics are those the rules compute for it, in the same order", () => {
  for (const channel of CHANNELS) {
    const computed = computeComplianceMetrics(channel, [], { asOf: new Date('2026-03-01T00:00:00Z') });
    expect(computed.map((m) => m.key)).toEqual(channelProfile(channel).complianceMetrics);
  }
});

test.each<[Channel, 'CHANNEL' | 'PROVIDER', boolean]>([
  ['AMAZON', 'CHANNEL', true],
  ['WALMART', 'PROVIDER', false],
])('%s labels come from %s; the channel confirms the shipment itself: %s', (channel, source, confirms) => {
  const { labels } = channelProfile(channel);
  expect(labels.source).toBe(source);
  expect(labels.channelConfirmsShipment).toBe(confirms);
  expect(labels.reference).not.toBe('');
});

test('only a channel that sells labels itself confirms their shipments', () => {
  for (const channel of CHANNELS) {
    const { labels } = channelProfile(channel);
    if (labels.channelConfirmsShipment) expect(labels.source).toBe('CHANNEL');
  }
});
