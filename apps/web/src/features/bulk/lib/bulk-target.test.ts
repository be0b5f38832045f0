import { allMatchingUnavailable, scopeFromQuery, scopeQuery, targetOf, type BulkScope } from './bulk-target';

describe('bulk target', () => {
  it('sends the ticked ids, or the filter with the count the person saw', () => {
    expect(targetOf({ kind: 'selection', ids: ['a', 'b'] })).toEqual({ orderIds: ['a', 'b'] });
    expect(targetOf({ kind: 'matching', filter: { view: 'NEW', channel: 'WALMART' }, count: 12 })).toEqual({
      filter: { view: 'NEW', channel: 'WALMART' },
      expectedCount: 12,
    });
  });

  it.each<BulkScope>([
    { kind: 'selection', ids: ['0f1e', '9a8b'] },
    { kind: 'matching', filter: { view: 'PAST_DUE', skus: ['MUG-1', 'A&B'] }, count: 40 },
  ])('reads back the scope it wrote in an address (%o)', (scope) => {
    expect(scopeFromQuery(new URLSearchParams(scopeQuery(scope)))).toEqual(scope);
  });

  it('names no scope for an address without one or with a broken filter', () => {
    expect(scopeFromQuery(new URLSearchParams(''))).toBeNull();
    expect(scopeFromQuery(new URLSearchParams('filter={oops&count=3'))).toBeNull();
    expect(scopeFromQuery(new URLSearchParams('filter={}&count=many'))).toBeNull();
  });

  it('offers all N matching only on an exact count of at most 500', () => {
    expect(allMatchingUnavailable({ count: 500, exact: true })).toBeNull();
    expect(allMatchingUnavailable({ count: 501, exact: true })).toMatch(/501 orders match; at most 500 at a time/);
    expect(allMatchingUnavailable({ count: 20, exact: false })).toMatch(/estimate/);
    expect(allMatchingUnavailable(null)).toMatch(/not known yet/);
  });
});
