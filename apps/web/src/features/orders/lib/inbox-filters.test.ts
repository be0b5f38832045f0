import { filterFields, readFilters, readSort, writeFilters, writeSort } from './inbox-filters';

describe('inbox filters in the URL', () => {
  it('reads lists, flags and fulfilment, ignoring values the API would refuse', () => {
    const filters = readFilters(
      new URLSearchParams('sku=ABC-1,abc-2&state=ca&fulfilment=mcf,bogus&buyer-cancel=1&refused=0'),
    );
    expect(filters).toMatchObject({
      skus: ['ABC-1', 'abc-2'],
      shipToStates: ['CA'],
      fulfillment: ['MCF'],
      buyerRequestedCancel: true,
      channelRefused: false,
    });
    expect(filterFields(filters)).toEqual({
      skus: ['ABC-1', 'abc-2'],
      shipToStates: ['CA'],
      fulfillment: ['MCF'],
      buyerRequestedCancel: true,
    });
  });

  it('writes back what it reads and drops what is unset', () => {
    const params = new URLSearchParams('view=ALL&sku=X&no-scan=1');
    const filters = { ...readFilters(params), skus: [], channelRefused: true };
    expect(writeFilters(params, filters).toString()).toBe('view=ALL&refused=1&no-scan=1');
  });
});

describe('inbox sort in the URL', () => {
  it('round-trips field and direction', () => {
    expect(readSort('-ship_by')).toEqual({ field: 'SHIP_BY', direction: 'DESC' });
    expect(readSort('total')).toEqual({ field: 'TOTAL', direction: 'ASC' });
    expect(writeSort({ field: 'SHIP_TO_STATE', direction: 'DESC' })).toBe('-ship_to_state');
  });

  it('ignores a field the API cannot sort by', () => {
    expect(readSort('sku')).toBeNull();
    expect(readSort(null)).toBeNull();
  });
});
