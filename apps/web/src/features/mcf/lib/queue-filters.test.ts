import { MCF_QUEUE_PAGE_SIZE, MCF_QUEUE_TABS, nextBefore, parseQueueTab, queueVariables } from './queue-filters';

test('each tab asks mcfOrders for its statuses, or held orders', () => {
  const page = { first: MCF_QUEUE_PAGE_SIZE, before: null };
  expect(queueVariables('pending')).toEqual({ statuses: ['ROUTED', 'RECEIVED', 'PLANNING'], held: null, ...page });
  expect(queueVariables('processing')).toEqual({ statuses: ['PROCESSING'], held: null, ...page });
  expect(queueVariables('held')).toEqual({ statuses: null, held: true, ...page });
  expect(queueVariables('shipped')).toEqual({ statuses: ['COMPLETE'], held: null, ...page });
  expect(queueVariables('operator')).toEqual({ statuses: ['NOT_ROUTED', 'UNFULFILLABLE'], held: null, ...page });
});

test('the next page starts before the last row of a full page', () => {
  expect(queueVariables('shipped', '2026-11-24T07:00:00.000Z').before).toBe('2026-11-24T07:00:00.000Z');
  const rows = [{ createdAt: '2026-11-24T08:00:00.000Z' }, { createdAt: '2026-11-24T07:00:00.000Z' }];
  expect(nextBefore(rows, 2)).toBe('2026-11-24T07:00:00.000Z');
  expect(nextBefore(rows, 3)).toBeNull();
  expect(nextBefore([], 2)).toBeNull();
});

test('a tab from the URL: known ones kept, anything else is Pending', () => {
  for (const tab of MCF_QUEUE_TABS) expect(parseQueueTab(tab)).toBe(tab);
  expect(parseQueueTab(null)).toBe('pending');
  expect(parseQueueTab('COMPLETE')).toBe('pending');
});
