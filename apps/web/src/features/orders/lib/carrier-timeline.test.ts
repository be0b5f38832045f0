import { carrierTimeline, type TimelineEvent } from './carrier-timeline';

const provider = (type: TimelineEvent['type'], status: TimelineEvent['status'], occurredAt: string): TimelineEvent => ({
  type,
  status,
  occurredAt,
  source: 'TRACKING_PROVIDER',
});

test('milestones recorded at a status change become its tags, in the order they came', () => {
  const timeline = carrierTimeline([
    provider('STATUS', 'PRE_TRANSIT', '2026-11-30T12:00:00Z'),
    provider('SCANNED', 'IN_TRANSIT', '2026-11-30T18:00:00Z'),
    provider('STATUS', 'IN_TRANSIT', '2026-11-30T18:00:00Z'),
    provider('STATUS', 'OUT_FOR_DELIVERY', '2026-12-02T08:00:00Z'),
    provider('STATUS', 'DELIVERED', '2026-12-02T14:00:00Z'),
    provider('DELIVERED', 'DELIVERED', '2026-12-02T14:00:00Z'),
    provider('DELIVERY_ATTEMPT', 'DELIVERED', '2026-12-02T14:00:00Z'),
  ]);
  expect(timeline.map((entry) => [entry.event.type, entry.event.status, entry.milestones])).toEqual([
    ['STATUS', 'PRE_TRANSIT', []],
    ['STATUS', 'IN_TRANSIT', ['SCANNED']],
    ['STATUS', 'OUT_FOR_DELIVERY', []],
    ['STATUS', 'DELIVERED', ['DELIVERED', 'DELIVERY_ATTEMPT']],
  ]);
  expect(new Set(timeline.map((entry) => entry.key)).size).toBe(timeline.length);
});

test('a milestone from another source, at another time or with no time keeps its own line', () => {
  const timeline = carrierTimeline([
    { type: 'SCANNED', status: null, occurredAt: '2026-11-30T18:00:00Z', source: 'MCF' },
    provider('STATUS', 'IN_TRANSIT', '2026-11-30T18:00:00Z'),
    provider('DELIVERED', 'DELIVERED', '2026-12-02T14:00:00Z'),
    { type: 'DELIVERY_ATTEMPT', status: null, occurredAt: null, source: 'CHANNEL' },
  ]);
  expect(timeline.map((entry) => [entry.event.type, entry.milestones])).toEqual([
    ['SCANNED', []],
    ['STATUS', []],
    ['DELIVERED', []],
    ['DELIVERY_ATTEMPT', []],
  ]);
});
