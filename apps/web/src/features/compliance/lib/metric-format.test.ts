import {
  awaitingFirstScanLine,
  boughtLabelsLine,
  carrierDataLine,
  reportCarrierData,
  formatMetricValue,
  formatPercent,
  formatThreshold,
  formatWindow,
  metricCardId,
  orderSetChoices,
  projectionSentence,
  reasonLabel,
  statusLabel,
  type ProjectionInput,
} from './metric-format';

const projection = (overrides: Partial<ProjectionInput>): ProjectionInput => ({
  openOrders: 9,
  valueIfAllMiss: 90,
  mustShipOnTime: 4,
  latestShipBy: '2026-11-26T18:00:00.000Z',
  statusIfAllMiss: 'FAILING',
  ...overrides,
});

test('rates show two decimals at most', () => {
  expect(formatPercent(95)).toBe('95%');
  expect(formatPercent(100 / 3)).toBe('33.33%');
  expect(formatPercent(4.5)).toBe('4.5%');
  expect(formatPercent(0)).toBe('0%');
});

test.each([
  [95, 'AT_LEAST', 'at least 95%'],
  [4, 'BELOW', 'below 4%'],
  [2.5, 'AT_MOST', 'at most 2.5%'],
  [90, 'ABOVE', 'above 90%'],
  [null, 'AT_LEAST', null],
  [95, null, null],
] as const)('threshold %s %s reads %s', (threshold, comparator, expected) => {
  expect(formatThreshold(threshold, comparator)).toBe(expected);
});

test('a value that was not measured says why', () => {
  expect(formatMetricValue('VALID_TRACKING_RATE', 96.5)).toBe('96.5%');
  expect(formatMetricValue('VALID_TRACKING_RATE', null)).toBe('N/A — no eligible shipments');
  expect(formatMetricValue('ON_TIME_DELIVERY_RATE', null)).toBe('no data');
  expect(formatMetricValue('CANCELLATION_RATE', null)).toBe('N/A — no eligible orders');
});

test('statuses read as words, not only as colours', () => {
  expect(statusLabel('OK')).toBe('OK');
  expect(statusLabel('AT_RISK')).toBe('At risk');
  expect(statusLabel('FAILING')).toBe('Failing');
  expect(statusLabel('NOT_APPLICABLE')).toBe('Not applicable');
});

test('exclusion reasons read as words', () => {
  expect(reasonLabel('CANCELLED_BEFORE_SHIPPING')).toBe('Cancelled before shipping');
  expect(reasonLabel('CHANNEL_FULFILLED')).toBe('Channel fulfilled');
  expect(reasonLabel('LETTER_OR_FLAT_USPS')).toBe('Letter or flat USPS');
});

test('the window ends the day before its exclusive end', () => {
  expect(formatWindow(30, '2026-10-26T00:00:00.000Z', '2026-11-25T00:00:00.000Z', 'UTC')).toBe(
    '30 days: Mon 26 Oct – Tue 24 Nov',
  );
  expect(formatWindow(1, '2026-11-24T00:00:00.000Z', '2026-11-24T12:00:00.000Z', 'UTC')).toBe(
    '1 day: Tue 24 Nov – Tue 24 Nov',
  );
});

describe('projection sentence', () => {
  test('how many open orders must ship on time, and by when', () => {
    expect(projectionSentence(projection({}), 95, 'AT_LEAST', 'UTC')).toBe(
      'Ship 4 of these 9 open orders on time by Thu 26 Nov to stay at least 95% (if all miss: 90%).',
    );
  });

  test('a lower-is-better metric keeps its comparator', () => {
    expect(
      projectionSentence(projection({ mustShipOnTime: 5, valueIfAllMiss: (9 * 100) / 109 }), 4, 'BELOW', 'UTC'),
    ).toBe('Ship 5 of these 9 open orders on time by Thu 26 Nov to stay below 4% (if all miss: 8.26%).');
  });

  test('every open order has to ship on time', () => {
    expect(projectionSentence(projection({ mustShipOnTime: 9 }), 95, 'AT_LEAST', 'UTC')).toBe(
      'Ship all 9 open orders on time by Thu 26 Nov to stay at least 95% (if all miss: 90%).',
    );
    expect(projectionSentence(projection({ openOrders: 1, mustShipOnTime: 1 }), 95, 'AT_LEAST', 'UTC')).toBe(
      'Ship the open order on time by Thu 26 Nov to stay at least 95% (if all miss: 90%).',
    );
    expect(projectionSentence(projection({ openOrders: 3, mustShipOnTime: 1 }), 95, 'AT_LEAST', 'UTC')).toBe(
      'Ship 1 of these 3 open orders on time by Thu 26 Nov to stay at least 95% (if all miss: 90%).',
    );
  });

  test('no number of on-time shipments is enough', () => {
    expect(projectionSentence(projection({ mustShipOnTime: null }), 4, 'BELOW', 'UTC')).toBe(
      'Even if all 9 open orders ship on time, the rate cannot meet the standard (below 4%).',
    );
    expect(projectionSentence(projection({ openOrders: 1, mustShipOnTime: null }), 95, 'AT_LEAST', 'UTC')).toBe(
      'Even if the open order ships on time, the rate cannot meet the standard (at least 95%).',
    );
  });

  test('the metric stays within the standard whatever the open orders do', () => {
    expect(
      projectionSentence(
        projection({ mustShipOnTime: 0, valueIfAllMiss: (9 * 100) / 309, statusIfAllMiss: 'OK' }),
        4,
        'BELOW',
        'UTC',
      ),
    ).toBe('Even if all 9 open orders miss their ship-by, the rate stays below 4% (2.91%).');
  });

  test('without a published standard only the rate if all miss is told', () => {
    expect(projectionSentence(projection({ mustShipOnTime: null }), null, null, 'UTC')).toBe(
      'If all 9 open orders miss their ship-by, the rate becomes 90%.',
    );
  });

  test('nothing to say without open orders', () => {
    expect(projectionSentence(null, 95, 'AT_LEAST')).toBeNull();
    expect(projectionSentence(projection({ openOrders: 0 }), 95, 'AT_LEAST')).toBeNull();
  });

  test('valid tracking is about the tracking number, not the ship-by', () => {
    expect(
      projectionSentence(
        projection({ openOrders: 75, mustShipOnTime: 72, valueIfAllMiss: 0 }),
        95,
        'AT_LEAST',
        'UTC',
        'VALID_TRACKING_RATE',
      ),
    ).toBe('Ship 72 of these 75 open orders with valid tracking by Thu 26 Nov to stay at least 95% (if all miss: 0%).');
    expect(projectionSentence(projection({ mustShipOnTime: null }), 95, 'AT_LEAST', 'UTC', 'VALID_TRACKING_RATE')).toBe(
      'Even if all 9 open orders ship with valid tracking, the rate cannot meet the standard (at least 95%).',
    );
  });

  test('no date when the ship-by is unknown', () => {
    expect(projectionSentence(projection({ latestShipBy: null }), 95, 'AT_LEAST', 'UTC')).toBe(
      'Ship 4 of these 9 open orders on time to stay at least 95% (if all miss: 90%).',
    );
  });
});

test('cards are keyed per metric and category', () => {
  expect(metricCardId({ key: 'VALID_TRACKING_RATE', category: null })).toBe('VALID_TRACKING_RATE');
  expect(metricCardId({ key: 'VALID_TRACKING_RATE', category: 'Toys' })).toBe('VALID_TRACKING_RATE:Toys');
});

test('order sets: the one against the standard first, empty ones left out', () => {
  const vtr = orderSetChoices({
    numerator: 18,
    denominator: 19,
    defects: 'DENOMINATOR_ONLY',
    projection: { openOrders: 30 },
  });
  expect(vtr).toEqual([
    { set: 'DENOMINATOR_ONLY', label: 'Orders against the standard', count: 1 },
    { set: 'NUMERATOR', label: 'Orders meeting the standard', count: 18 },
    { set: 'OPEN', label: 'Open, not yet due', count: 30 },
  ]);
  const lsr = orderSetChoices({ numerator: 0, denominator: 12, defects: 'NUMERATOR', projection: null });
  expect(lsr).toEqual([{ set: 'DENOMINATOR_ONLY', label: 'Orders meeting the standard', count: 12 }]);
});

test('valid tracking lists the shipments awaiting their first scan as a set of their own', () => {
  const choices = orderSetChoices({
    numerator: 8,
    denominator: 10,
    defects: 'DENOMINATOR_ONLY',
    projection: { openOrders: 0 },
    awaitingFirstScan: 3,
  });
  expect(choices.map((c) => [c.set, c.count])).toEqual([
    ['DENOMINATOR_ONLY', 2],
    ['NUMERATOR', 8],
    ['AWAITING_FIRST_SCAN', 3],
  ]);
  expect(choices[2].label).toBe('Shipped, awaiting first scan');
});

describe('carrier data', () => {
  test('a metric says whether it reads carrier scans, and as of when', () => {
    const asOf = '2026-12-03T18:00:00.000Z';
    expect(carrierDataLine({ usesCarrierData: true, asOf, note: 'x' }, 'America/Chicago')).toBe(
      'Carrier scans as of Dec 3, 12:00 CST',
    );
    expect(carrierDataLine({ usesCarrierData: true, asOf: null, note: 'No carrier data: format check only' })).toBe(
      'No carrier data: format check only',
    );
    expect(carrierDataLine({ usesCarrierData: false, asOf: null, note: 'Not based on carrier scans' })).toBe(
      'Not based on carrier scans',
    );
  });

  test('shipments awaiting a first scan are counted in words, and nothing is said for none', () => {
    expect(awaitingFirstScanLine(0)).toBeNull();
    expect(awaitingFirstScanLine(1)).toBe(
      '1 shipment awaiting its first carrier scan (not in the rate until it scans or its window ends)',
    );
    expect(awaitingFirstScanLine(12)).toMatch(/^12 shipments awaiting their first carrier scan/);
  });

  test('shipments with a label bought in the hub are counted in words on valid tracking only', () => {
    expect(boughtLabelsLine(null)).toBeNull();
    expect(boughtLabelsLine(0)).toBeNull();
    expect(boughtLabelsLine(1)).toBe(
      '1 shipment with a label bought in the hub: carrier, service and number right by construction, still judged by carrier scans',
    );
    expect(boughtLabelsLine(3)).toMatch(/^3 shipments with a label bought in the hub/);
  });

  test('the report line: as of when and from which provider, no carrier data, or the provider’s last error', () => {
    const on = { provider: 'EASYPOST', enabled: true, asOf: '2026-12-03T18:00:00.000Z', lastError: null, note: '' };
    expect(reportCarrierData(on, 'America/Chicago')).toEqual({
      text: 'Carrier data as of Dec 3, 12:00 CST (EasyPost)',
      error: null,
      tone: 'ok',
    });
    expect(reportCarrierData({ ...on, lastError: 'EasyPost did not answer (503)' }, 'America/Chicago')).toEqual({
      text: 'Carrier data as of Dec 3, 12:00 CST (EasyPost)',
      error: 'EasyPost did not answer (503)',
      tone: 'error',
    });
    expect(reportCarrierData({ ...on, asOf: null })).toEqual({
      text: 'No carrier data yet from EasyPost',
      error: null,
      tone: 'none',
    });
    expect(
      reportCarrierData({
        provider: null,
        enabled: false,
        asOf: null,
        lastError: null,
        note: 'No carrier data: format check only',
      }),
    ).toEqual({ text: 'No carrier data: format check only', error: null, tone: 'none' });
  });
});
