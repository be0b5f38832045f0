import {
  boughtSummary,
  formatMonth,
  formatParcel,
  labelStatusWords,
  monthsBack,
  preferredRateId,
  rateDelivery,
  rateMarks,
  rateProblem,
  voidDeniedReason,
} from './label-format';

const rate = (over: Partial<Parameters<typeof rateProblem>[0] & { rateId: string }> = {}) => ({
  rateId: 'r1',
  amountCents: 1000,
  currency: 'USD',
  deliverBy: null,
  deliveryDays: null,
  cheapest: false,
  fastest: false,
  meetsShipBy: true,
  meetsDeliverBy: true,
  problem: null,
  ...over,
});

test.each([
  [{ cheapest: true, fastest: false }, ['Cheapest']],
  [{ cheapest: false, fastest: true }, ['Fastest on time']],
  [{ cheapest: true, fastest: true }, ['Cheapest', 'Fastest on time']],
  [{ cheapest: false, fastest: false }, []],
])('rateMarks(%j) → %j', (marks, words) => {
  expect(rateMarks(marks)).toEqual(words);
});

test.each([
  ['meets both', rate(), null],
  [
    'the rules’ sentence when they give one',
    rate({ meetsDeliverBy: false, problem: 'Arrives Dec 9, after the promised Dec 8' }),
    'Arrives Dec 9, after the promised Dec 8',
  ],
  ['misses ship-by, no sentence', rate({ meetsShipBy: false }), 'The carrier cannot pick it up by the ship-by date.'],
  ['misses deliver-by, no sentence', rate({ meetsDeliverBy: false }), 'Arrives after the promised delivery date.'],
  ['a stray sentence on an on-time rate is not a problem', rate({ problem: 'x' }), null],
])('rateProblem: %s', (_, given, expected) => {
  expect(rateProblem(given)).toBe(expected);
});

test.each([
  [{ deliverBy: '2026-12-08T20:00:00Z', deliveryDays: 3 }, 'America/New_York', 'Arrives Tue, Dec 8 (3 days)'],
  // 02:00 UTC on Dec 9 is still Dec 8 in Los Angeles: the account's zone decides the day.
  [{ deliverBy: '2026-12-09T02:00:00Z', deliveryDays: 1 }, 'America/Los_Angeles', 'Arrives Tue, Dec 8 (1 day)'],
  [{ deliverBy: null, deliveryDays: 2 }, 'UTC', '2 days'],
  [{ deliverBy: null, deliveryDays: null }, 'UTC', 'No delivery date quoted'],
])('rateDelivery(%j, %s) → %s', (given, zone, expected) => {
  expect(rateDelivery(given, zone)).toBe(expected);
});

test('preferredRateId picks the cheapest on-time rate, else the cheapest, else the first', () => {
  expect(
    preferredRateId([
      rate({ rateId: 'late-cheap', cheapest: true, meetsDeliverBy: false }),
      rate({ rateId: 'on-time-cheap', cheapest: true }),
    ]),
  ).toBe('on-time-cheap');
  expect(
    preferredRateId([
      rate({ rateId: 'on-time-dear', amountCents: 1500 }),
      rate({ rateId: 'on-time-cheaper', amountCents: 900 }),
    ]),
  ).toBe('on-time-cheaper');
  expect(
    preferredRateId([
      rate({ rateId: 'a', meetsDeliverBy: false }),
      rate({ rateId: 'b', cheapest: true, meetsShipBy: false }),
    ]),
  ).toBe('b');
  expect(preferredRateId([rate({ rateId: 'only' })])).toBe('only');
  expect(preferredRateId([])).toBeNull();
});

const NOW = Date.parse('2026-12-04T12:00:00Z');
test.each([
  [{ status: 'PURCHASED' as const, voidableUntil: '2026-12-05T00:00:00Z' }, null],
  [{ status: 'PURCHASED' as const, voidableUntil: null }, null],
  [
    { status: 'PURCHASED' as const, voidableUntil: '2026-12-04T11:59:59Z' },
    'Past the void window: the carrier no longer refunds it.',
  ],
  [{ status: 'VOIDED' as const }, 'Already voided.'],
  [{ status: 'VOID_REQUESTED' as const }, 'The void is already requested.'],
  [{ status: 'FAILED' as const }, 'Only a bought label can be voided.'],
  [{ status: 'PENDING' as const }, 'Only a bought label can be voided.'],
])('voidDeniedReason(%j) → %s', (label, expected) => {
  expect(voidDeniedReason(label, NOW)).toBe(expected);
});

test('every status has words', () => {
  expect(
    (['PENDING', 'PURCHASED', 'VOID_REQUESTED', 'VOIDED', 'FAILED'] as const).map((s) => labelStatusWords(s)),
  ).toEqual(['Buying…', 'Bought', 'Void requested', 'Voided', 'Not bought']);
});

test.each([
  ['2026-12', 'December 2026'],
  ['2027-01-01', 'January 2027'],
  ['garbage', 'garbage'],
])('formatMonth(%s) → %s', (month, expected) => {
  expect(formatMonth(month)).toBe(expected);
});

test.each([
  [{ lengthIn: 12, widthIn: 9, heightIn: 4, weightOz: 36 }, '12 × 9 × 4 in, 2 lb 4 oz'],
  [{ lengthIn: 6, widthIn: 4, heightIn: 1, weightOz: 8.5 }, '6 × 4 × 1 in, 8.5 oz'],
  [{ lengthIn: 10, widthIn: 10, heightIn: 10, weightOz: 32 }, '10 × 10 × 10 in, 2 lb'],
])('formatParcel(%j) → %s', (parcel, expected) => {
  expect(formatParcel(parcel)).toBe(expected);
});

test.each([
  [[], 0, 'No labels bought.'],
  [[{ amountCents: 812, currency: 'USD' }], 0, 'Bought 1 label for $8.12.'],
  [
    [
      { amountCents: 812, currency: 'USD' },
      { amountCents: 1000, currency: 'USD' },
    ],
    1,
    'Bought 2 labels for $18.12; 1 order failed.',
  ],
  [[], 3, 'No labels bought; 3 orders failed.'],
])('boughtSummary(%j, %d) → %s', (bought, failed, expected) => {
  expect(boughtSummary(bought, failed)).toBe(expected);
});

test("monthsBack spans whole months in every account's time zone, the current one included", () => {
  expect(monthsBack(new Date('2026-12-04T12:00:00Z'), 6)).toEqual({
    from: '2026-06-30T10:00:00.000Z',
    to: '2027-01-01T12:00:00.000Z',
    firstMonth: '2026-07',
    lastMonth: '2026-12',
  });
  expect(monthsBack(new Date('2026-02-28T23:59:59Z'), 3)).toEqual({
    from: '2025-11-30T10:00:00.000Z',
    to: '2026-03-01T12:00:00.000Z',
    firstMonth: '2025-12',
    lastMonth: '2026-02',
  });
});
