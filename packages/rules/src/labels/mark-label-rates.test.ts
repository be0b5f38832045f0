import type { LabelRateQuote } from '@order-hub/types';
import { expectedDelivery, markLabelRates, type LabelPromise } from './mark-label-rates';

const quote = (
  rateId: string,
  amountCents: number,
  deliverBy: string | null,
  extra: Partial<LabelRateQuote> = {},
): LabelRateQuote => ({
  rateId,
  carrier: 'UPS',
  carrierName: 'UPS',
  service: rateId,
  serviceName: rateId,
  amountCents,
  currency: 'USD',
  deliverBy,
  pickUpBy: null,
  deliveryDays: null,
  ...extra,
});

// Friday Dec 4 2026, 10:00 UTC; ship by Friday 22:00 UTC, deliver by Tuesday Dec 8 end of day.
const promise: LabelPromise = {
  now: new Date('2026-12-04T10:00:00Z'),
  shipBy: new Date('2026-12-04T22:00:00Z'),
  deliverBy: new Date('2026-12-08T23:59:59Z'),
};

const marks = (rates: LabelRateQuote[], p: LabelPromise = promise) =>
  markLabelRates(rates, p).map((r) => ({
    id: r.rateId,
    cheapest: r.cheapest,
    fastest: r.fastest,
    shipBy: r.meetsShipBy,
    deliverBy: r.meetsDeliverBy,
    problem: r.problem,
  }));

describe('markLabelRates', () => {
  test('cheapest and fastest among the rates that keep the promise; a late one says so in words', () => {
    expect(
      marks([
        quote('ground', 900, '2026-12-09T20:00:00Z'),
        quote('threeDay', 1500, '2026-12-08T20:00:00Z'),
        quote('twoDay', 2100, '2026-12-07T20:00:00Z'),
        quote('nextDay', 4500, '2026-12-07T10:30:00Z'),
      ]),
    ).toEqual([
      {
        id: 'ground',
        cheapest: false,
        fastest: false,
        shipBy: true,
        deliverBy: false,
        problem: 'Arrives Dec 9, after the promised Dec 8.',
      },
      { id: 'threeDay', cheapest: true, fastest: false, shipBy: true, deliverBy: true, problem: null },
      { id: 'twoDay', cheapest: false, fastest: false, shipBy: true, deliverBy: true, problem: null },
      { id: 'nextDay', cheapest: false, fastest: true, shipBy: true, deliverBy: true, problem: null },
    ]);
  });

  test('when no rate keeps the promise the cheapest of all is marked and none is fastest', () => {
    const marked = marks([quote('a', 1200, '2026-12-10T20:00:00Z'), quote('b', 800, '2026-12-11T20:00:00Z')]);
    expect(marked.map((m) => [m.id, m.cheapest, m.fastest])).toEqual([
      ['a', false, false],
      ['b', true, false],
    ]);
    expect(marked[1].problem).toBe('Arrives Dec 11, after the promised Dec 8.');
  });

  test.each<[string, Partial<LabelRateQuote>, Partial<LabelPromise>, boolean, string | null]>([
    ['pick-up window ends before ship-by', { pickUpBy: '2026-12-04T20:00:00Z' }, {}, true, null],
    ['pick-up window ends exactly at ship-by', { pickUpBy: '2026-12-04T22:00:00Z' }, {}, true, null],
    [
      'pick-up window ends after ship-by',
      { pickUpBy: '2026-12-05T17:00:00Z' },
      {},
      false,
      'Picked up by Dec 5, 5:00 PM, after the ship-by Dec 4, 10:00 PM.',
    ],
    ['no pick-up window: the seller hands it over', { pickUpBy: null }, {}, true, null],
    ['ship-by already passed', {}, { now: new Date('2026-12-05T09:00:00Z') }, false, 'Ship-by passed Dec 4, 10:00 PM.'],
    ['no ship-by on the order', { pickUpBy: '2026-12-09T17:00:00Z' }, { shipBy: null }, true, null],
  ])('ship-by: %s', (_, rate, p, meets, problem) => {
    const [marked] = markLabelRates([quote('r', 1000, '2026-12-07T20:00:00Z', rate)], { ...promise, ...p });
    expect(marked.meetsShipBy).toBe(meets);
    expect(marked.problem).toBe(problem);
    expect(marked.fastest).toBe(meets);
  });

  test.each<[string, Partial<LabelRateQuote>, Partial<LabelPromise>, boolean, string | null]>([
    ['delivery date on the promised day', { deliverBy: '2026-12-08T18:00:00Z' }, {}, true, null],
    [
      'delivery later the same day than promised',
      { deliverBy: '2026-12-08T20:00:00Z' },
      { deliverBy: new Date('2026-12-08T17:00:00Z') },
      false,
      'Arrives Dec 8, 8:00 PM, after the promised Dec 8, 5:00 PM.',
    ],
    // Friday + 2 business days is Tuesday Dec 8, 10:00.
    ['no delivery date, 2 transit days from Friday', { deliverBy: null, deliveryDays: 2 }, {}, true, null],
    [
      'no delivery date, 3 transit days from Friday',
      { deliverBy: null, deliveryDays: 3 },
      {},
      false,
      'Arrives Dec 9, after the promised Dec 8.',
    ],
    [
      'no delivery date and no transit days',
      { deliverBy: null, deliveryDays: null },
      {},
      false,
      'No delivery date from the carrier; the order is promised by Dec 8.',
    ],
    ['no deliver-by on the order', { deliverBy: '2026-12-20T18:00:00Z' }, { deliverBy: null }, true, null],
    [
      'the next year is written out',
      { deliverBy: '2027-01-02T18:00:00Z' },
      { deliverBy: new Date('2026-12-31T23:00:00Z') },
      false,
      'Arrives Jan 2, 2027, after the promised Dec 31.',
    ],
  ])('deliver-by: %s', (_, rate, p, meets, problem) => {
    const [marked] = markLabelRates([quote('r', 1000, null, rate)], { ...promise, ...p });
    expect(marked.meetsDeliverBy).toBe(meets);
    expect(marked.problem).toBe(problem);
  });

  test('both promises missed: both problems, in one sentence', () => {
    const [marked] = markLabelRates(
      [quote('r', 1000, '2026-12-10T18:00:00Z', { pickUpBy: '2026-12-05T17:00:00Z' })],
      promise,
    );
    expect(marked.problem).toBe(
      'Picked up by Dec 5, 5:00 PM, after the ship-by Dec 4, 10:00 PM; Arrives Dec 10, after the promised Dec 8.',
    );
  });

  test("dates are written in the account's time zone", () => {
    const [marked] = markLabelRates([quote('r', 1000, '2026-12-09T03:00:00Z')], {
      ...promise,
      deliverBy: new Date('2026-12-08T05:00:00Z'),
      timeZone: 'America/Chicago',
    });
    // In UTC these are Dec 9 and Dec 8.
    expect(marked.problem).toBe('Arrives Dec 8, after the promised Dec 7.');
  });

  test('ties: the same price goes to the earlier delivery, the same delivery to the lower price', () => {
    const marked = marks([
      quote('slow', 1000, '2026-12-08T20:00:00Z'),
      quote('quick', 1000, '2026-12-07T20:00:00Z'),
      quote('quickDear', 1400, '2026-12-07T20:00:00Z'),
    ]);
    expect(marked.filter((m) => m.cheapest).map((m) => m.id)).toEqual(['quick']);
    expect(marked.filter((m) => m.fastest).map((m) => m.id)).toEqual(['quick']);
  });

  test('no rates: nothing marked', () => {
    expect(markLabelRates([], promise)).toEqual([]);
  });

  test('the rate itself is kept whole', () => {
    const r = quote('r', 1000, '2026-12-07T20:00:00Z', { deliveryDays: 1 });
    expect(markLabelRates([r], promise)[0]).toMatchObject(r);
  });
});

describe('expectedDelivery', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  test.each<[Partial<LabelRateQuote>, string | null]>([
    [{ deliverBy: '2026-12-08T18:00:00Z', deliveryDays: 9 }, '2026-12-08T18:00:00.000Z'],
    [{ deliverBy: null, deliveryDays: 1 }, '2026-12-07T10:00:00.000Z'],
    [{ deliverBy: 'not a date', deliveryDays: 1 }, '2026-12-07T10:00:00.000Z'],
    [{ deliverBy: null, deliveryDays: null }, null],
  ])('%j', (rate, expected) => {
    expect(expectedDelivery(quote('r', 1, null, rate), now)?.toISOString() ?? null).toBe(expected);
  });
});
