import { loadModel, officialExamples } from '@order-hub/contracts';
import {
  deliveryEvent,
  firstCarrierScan,
  mapMcfTrackingEvents,
  MCF_CARRIER_SCAN_CODES,
  type McfTrackingEvent,
} from './amazon-mcf';

const event = (eventCode: string, eventDate: string): McfTrackingEvent => ({
  eventCode,
  eventDate,
  eventDescription: eventCode,
});
const MODEL = 'fulfillmentOutbound_2020-07-01';

describe('MCF getPackageTrackingDetails events', () => {
  it('Amazon MCF events ordered by time, whatever order the response uses (the model’s example is newest first)', () => {
    const [example] = officialExamples({
      api: 'amazon',
      model: MODEL,
      operationId: 'getPackageTrackingDetails',
      kind: 'response',
    });
    const events = mapMcfTrackingEvents(example.body);
    expect(events.map((e) => [e.eventCode, e.eventDate])).toEqual([
      ['EVENT_206', '2019-10-30T23:33:28Z'],
      ['EVENT_301', '2020-01-22T00:15:55Z'],
    ]);
    expect(firstCarrierScan(events)?.eventCode).toBe('EVENT_206');
    expect(deliveryEvent(events)?.eventDate).toBe('2020-01-22T00:15:55Z');
  });

  it('first carrier scan is the earliest event that is a carrier scan, not the label-created EVENT_101', () => {
    const newestFirst = [
      event('EVENT_202', '2026-11-20T12:00:00Z'),
      event('EVENT_102', '2026-11-19T18:00:00Z'),
      event('EVENT_101', '2026-11-19T10:00:00Z'),
    ];
    expect(firstCarrierScan(newestFirst)).toEqual(event('EVENT_102', '2026-11-19T18:00:00Z'));
    expect(
      firstCarrierScan([event('EVENT_101', '2026-11-19T10:00:00Z'), event('EVENT_418', '2026-11-19T11:00:00Z')]),
    ).toBeUndefined();
    expect(
      deliveryEvent([event('EVENT_801', '2026-11-21T10:00:00Z'), event('EVENT_301', '2026-11-22T10:00:00Z')])
        ?.eventCode,
    ).toBe('EVENT_801');
  });

  it('the carrier-scan list only names codes of the model’s EventCode enum, and never EVENT_101', () => {
    const codes = (loadModel('amazon', MODEL).definitions as { EventCode: { enum: string[] } }).EventCode.enum;
    for (const code of MCF_CARRIER_SCAN_CODES) expect(codes).toContain(code);
    expect(MCF_CARRIER_SCAN_CODES.has('EVENT_101')).toBe(false);
  });
});
