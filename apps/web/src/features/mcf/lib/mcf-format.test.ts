import { routeUnavailableReason } from '@order-hub/rules/channels';
import { mcfStatusTone, staysWithOperator, trackingEvents } from './mcf-format';

test('carrier events are read oldest first; entries without an eventCode are left out', () => {
  const events = trackingEvents([
    { eventCode: 'EVENT_301', eventDate: '2026-11-23T12:00:00Z', eventDescription: 'Delivered' },
    { eventCode: 'EVENT_101', eventDate: '2026-11-22T09:00:00Z' },
    { nothing: true },
    'junk',
  ]);
  expect(events).toEqual([
    { eventCode: 'EVENT_101', eventDate: '2026-11-22T09:00:00Z', eventDescription: null },
    { eventCode: 'EVENT_301', eventDate: '2026-11-23T12:00:00Z', eventDescription: 'Delivered' },
  ]);
  expect(trackingEvents(null)).toEqual([]);
  expect(trackingEvents({ eventCode: 'X' })).toEqual([]);
});

test('NOT_ROUTED and UNFULFILLABLE stay with the operator', () => {
  expect(staysWithOperator('NOT_ROUTED')).toBe(true);
  expect(staysWithOperator('UNFULFILLABLE')).toBe(true);
  expect(staysWithOperator('PROCESSING')).toBe(false);
  expect(mcfStatusTone('COMPLETE')).toBe('ok');
  expect(mcfStatusTone('UNFULFILLABLE')).toBe('bad');
  expect(mcfStatusTone('RECEIVED')).toBe('warn');
});

test('only open Walmart orders not already with Amazon can be routed; a failed routing may be retried', () => {
  const open = { channel: 'WALMART', status: 'ACKNOWLEDGED', fulfillmentMethod: 'MERCHANT', mcfOrder: null } as const;
  expect(routeUnavailableReason(open)).toBeNull();
  expect(routeUnavailableReason({ ...open, status: 'CREATED' })).toBeNull();
  expect(routeUnavailableReason({ ...open, channel: 'AMAZON' })).toMatch(/Only Walmart/);
  expect(routeUnavailableReason({ ...open, status: 'SHIPPED' })).toMatch(/open orders/);
  expect(routeUnavailableReason({ ...open, fulfillmentMethod: 'MCF', mcfOrder: { status: 'PROCESSING' } })).toMatch(
    /Already/,
  );
  expect(routeUnavailableReason({ ...open, mcfOrder: { status: 'NOT_ROUTED' } })).toBeNull();
  expect(routeUnavailableReason({ ...open, mcfOrder: { status: 'UNFULFILLABLE' } })).toMatch(/before/);
});
