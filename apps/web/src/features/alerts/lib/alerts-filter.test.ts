import { filterFromParams, paramsFromFilter, toAlertFilter, toggled, type AlertsPageFilter } from './alerts-filter';

const unresolved: AlertsPageFilter = {
  statuses: ['OPEN', 'ACKNOWLEDGED'],
  severities: [],
  kind: null,
  channel: null,
  accountId: null,
};

test.each<[string, string, AlertsPageFilter]>([
  ['nothing: the unresolved alerts', '', unresolved],
  ['every status', 'status=any', { ...unresolved, statuses: [] }],
  [
    'resolved ones, HIGH and CRITICAL',
    'status=RESOLVED&severity=HIGH,CRITICAL',
    { ...unresolved, statuses: ['RESOLVED'], severities: ['HIGH', 'CRITICAL'] },
  ],
  ['unknown values are dropped', 'status=OPEN,NOPE&severity=LOUD&channel=EBAY', { ...unresolved, statuses: ['OPEN'] }],
  [
    'kind, channel and account',
    'kind=TRACKING_REUSED&channel=AMAZON&account=acc-1',
    { ...unresolved, kind: 'TRACKING_REUSED', channel: 'AMAZON', accountId: 'acc-1' },
  ],
])('%s (?%s)', (_name, query, filter) => {
  expect(filterFromParams(new URLSearchParams(query))).toEqual(filter);
});

test.each<[AlertsPageFilter, Record<string, string>]>([
  [unresolved, {}],
  [{ ...unresolved, statuses: [] }, { status: 'any' }],
  [
    { ...unresolved, statuses: ['OPEN', 'RESOLVED'], severities: ['CRITICAL', 'LOW'] },
    { status: 'OPEN,RESOLVED', severity: 'CRITICAL,LOW' },
  ],
  [
    { ...unresolved, kind: 'PAST_SHIP_BY', channel: 'WALMART', accountId: 'a' },
    { kind: 'PAST_SHIP_BY', channel: 'WALMART', account: 'a' },
  ],
])('the URL of %j round-trips', (filter, params) => {
  expect(paramsFromFilter(filter)).toEqual(params);
  expect(filterFromParams(new URLSearchParams(params))).toEqual(filter);
});

test('the URL lists statuses and severities in their canonical order', () => {
  expect(paramsFromFilter({ ...unresolved, statuses: ['RESOLVED', 'OPEN'], severities: ['LOW', 'CRITICAL'] })).toEqual({
    status: 'OPEN,RESOLVED',
    severity: 'CRITICAL,LOW',
  });
});

test('the GraphQL filter leaves empty choices out', () => {
  expect(toAlertFilter({ ...unresolved, statuses: [], kind: 'TRACKING_REUSED' })).toEqual({
    statuses: null,
    severities: null,
    kinds: ['TRACKING_REUSED'],
    channel: null,
    accountId: null,
  });
  expect(toAlertFilter(unresolved)).toEqual({
    statuses: ['OPEN', 'ACKNOWLEDGED'],
    severities: null,
    kinds: null,
    channel: null,
    accountId: null,
  });
});

test('toggling keeps the canonical order', () => {
  expect(toggled(['RESOLVED'], 'OPEN', true, ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'])).toEqual(['OPEN', 'RESOLVED']);
  expect(toggled(['OPEN', 'RESOLVED'], 'OPEN', false, ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'])).toEqual(['RESOLVED']);
});
