import { OPEN_ORDER_STATUSES } from '@order-hub/types';
import { generateSyntheticOrders } from './support/synthetic/synthetic-orders';

const NOW = new Date('2026-11-22T18:00:00.000Z');

describe('generateSyntheticOrders', () => {
  it('is deterministic for a seed and different across seeds', () => {
    expect(generateSyntheticOrders('WALMART', 20, 1, NOW)).toEqual(generateSyntheticOrders('WALMART', 20, 1, NOW));
    expect(generateSyntheticOrders('WALMART', 20, 1, NOW)).not.toEqual(generateSyntheticOrders('WALMART', 20, 2, NOW));
  });

  it.each(['WALMART', 'AMAZON'] as const)('gives %s orders consistent quantities, totals and shipments', (channel) => {
    const orders = generateSyntheticOrders(channel, 300, 42, NOW);
    expect(new Set(orders.map((o) => o.channelOrderId)).size).toBe(300);
    for (const o of orders) {
      expect(o.totalCents).toBe(o.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantityOrdered, 0));
      for (const l of o.lines) expect(l.quantityShipped + l.quantityCancelled).toBeLessThanOrEqual(l.quantityOrdered);
      const shippedUnits = o.lines.reduce((sum, l) => sum + l.quantityShipped, 0);
      const carried = o.shipments.flatMap((s) => s.lines).reduce((sum, l) => sum + l.quantity, 0);
      expect(carried).toBe(shippedUnits);
      expect(o.orderedAt.getTime() % 1000).toBe(0);
      expect(o.shipBy!.getTime()).toBeGreaterThan(o.orderedAt.getTime());
      for (const shipment of o.shipments) {
        expect(shipment.shippedAt.getTime()).toBeGreaterThan(o.orderedAt.getTime());
        expect(shipment.shippedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }
    for (const o of orders)
      expect(o.channelOrderId).toMatch(channel === 'WALMART' ? /^\d{13}$/ : /^\d{3}-\d{7}-\d{7}$/);
  });

  it('leaves work in every inbox view: new, overdue and due later', () => {
    const orders = generateSyntheticOrders('WALMART', 300, 42, NOW);
    const open = orders.filter((o) => OPEN_ORDER_STATUSES.includes(o.status) && o.fulfillmentMethod !== 'CHANNEL');
    expect(orders.filter((o) => o.status === 'CREATED').length).toBeGreaterThan(20);
    expect(open.filter((o) => o.shipBy! < NOW).length).toBeGreaterThan(10);
    expect(open.filter((o) => o.shipBy! > NOW).length).toBeGreaterThan(10);
    expect(orders.some((o) => o.fulfillmentMethod === 'CHANNEL')).toBe(true);
  });
});
