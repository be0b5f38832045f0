import { channelTabs, filterFromParams, paramsFromFilter, toReturnFilter } from './returns-filter';

test('the address keeps the channel, the refunds-due view and the search', () => {
  const filter = filterFromParams(new URLSearchParams('channel=walmart&view=due&q=%2077001122 '));
  expect(filter).toEqual({ channel: 'WALMART', refundsDue: true, search: '77001122' });
  expect(paramsFromFilter(filter)).toEqual({ channel: 'walmart', view: 'due', q: '77001122' });
  expect(toReturnFilter(filter)).toEqual({ channel: 'WALMART', refundsDue: true, search: '77001122' });
  expect(filterFromParams(new URLSearchParams('channel=ebay'))).toEqual({
    channel: null,
    refundsDue: false,
    search: '',
  });
  expect(toReturnFilter({ channel: null, refundsDue: false, search: '' })).toEqual({
    channel: null,
    refundsDue: null,
    search: null,
  });
});

test('one tab per channel the accounts are on, in the hub order, by its name', () => {
  expect(channelTabs([{ channel: 'AMAZON' }, { channel: 'WALMART' }, { channel: 'AMAZON' }])).toEqual([
    { channel: 'WALMART', label: 'Walmart' },
    { channel: 'AMAZON', label: 'Amazon' },
  ]);
  expect(channelTabs([])).toEqual([]);
});
