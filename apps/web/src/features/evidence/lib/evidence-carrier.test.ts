import { evidenceAddressMatch, evidenceTimelineEvents, evidenceTrackingState } from './evidence-carrier';

test('events in the api’s text read back into the console’s vocabulary, locations kept in words', () => {
  expect(
    evidenceTimelineEvents([
      {
        type: 'SCANNED',
        status: 'IN_TRANSIT',
        occurredAt: '2026-12-01T21:00:00.000Z',
        source: 'MCF',
        description: null,
        location: 'Memphis, TN 38118',
      },
    ]),
  ).toEqual([
    {
      type: 'SCANNED',
      status: 'IN_TRANSIT',
      occurredAt: '2026-12-01T21:00:00.000Z',
      description: null,
      location: 'Memphis, TN 38118',
      source: 'MCF',
    },
  ]);
});

test('a type or status the console does not know is kept as text, not dropped or shown as another', () => {
  const [event] = evidenceTimelineEvents([
    { type: 'RETURNED', status: 'NEW_STATUS', occurredAt: '2026-12-01T21:00:00.000Z', source: 'TRACKING_PROVIDER' },
  ]);
  expect(event).toMatchObject({ type: 'STATUS', status: 'UNKNOWN', description: 'RETURNED NEW_STATUS' });
  const [known] = evidenceTimelineEvents([
    { type: 'STATUS', status: 'NEW_STATUS', occurredAt: '2026-12-01T21:00:00.000Z', source: 'TRACKING_PROVIDER' },
  ]);
  expect(known).toMatchObject({ type: 'STATUS', status: null, description: 'NEW_STATUS' });
});

test('tracker state and address match from text; unknown values are not guessed', () => {
  expect(evidenceTrackingState({ state: 'UNTRACKABLE', status: 'ERROR', untrackableReason: 'no carrier' })).toEqual({
    state: 'UNTRACKABLE',
    status: 'ERROR',
    firstScanAt: null,
    untrackableReason: 'no carrier',
  });
  expect(evidenceTrackingState({ state: 'SOMETHING', status: 'ELSE' })).toMatchObject({
    state: 'PENDING',
    status: null,
  });
  expect(evidenceAddressMatch('MISMATCH')).toBe('MISMATCH');
  expect(evidenceAddressMatch('maybe')).toBeNull();
  expect(evidenceAddressMatch(null)).toBeNull();
});
