import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigationType } from 'react-router';
import { useInboxSearchParams } from './use-inbox-search-params';

interface Probe {
  inbox: ReturnType<typeof useInboxSearchParams>;
  search: string;
  navigationType: string;
}

/** Renders the hook inside a real router; the returned object always holds the latest render. */
function renderAt(url: string) {
  const latest = {} as Probe;
  function ProbeRoute() {
    Object.assign(latest, {
      inbox: useInboxSearchParams(),
      search: useLocation().search,
      navigationType: useNavigationType(),
    });
    return null;
  }
  render(
    <MemoryRouter initialEntries={[url]}>
      <ProbeRoute />
    </MemoryRouter>,
  );
  return latest;
}

test('reads the inbox state from the URL, falling back to the New view', () => {
  const latest = renderAt('/?view=PAST_DUE&channel=AMAZON&q=WM-1&after=a&after=b');
  expect(latest.inbox).toMatchObject({ view: 'PAST_DUE', channel: 'AMAZON', search: 'WM-1', cursors: ['a', 'b'] });

  const fallback = renderAt('/?view=BOGUS&channel=EBAY').inbox;
  expect(fallback).toMatchObject({ view: 'NEW', channel: null, search: '', cursors: [] });
});

test('pages forward and back through the cursor stack in the URL', () => {
  const latest = renderAt('/?view=ALL');
  act(() => latest.inbox.nextPage('c50'));
  act(() => latest.inbox.nextPage('c100'));
  expect(latest.inbox.cursors).toEqual(['c50', 'c100']);
  expect(latest.search).toBe('?view=ALL&after=c50&after=c100');
  expect(latest.navigationType).toBe('PUSH');

  act(() => latest.inbox.previousPage());
  expect(latest.inbox.cursors).toEqual(['c50']);
});

test('a new view, channel or search starts again at the first page', () => {
  const latest = renderAt('/?view=ALL&after=c50');
  act(() => latest.inbox.setChannel('WALMART'));
  expect(latest.search).toBe('?view=ALL&channel=WALMART');

  act(() => latest.inbox.nextPage('c50'));
  act(() => latest.inbox.setSearch('  jane  '));
  expect(latest.search).toBe('?view=ALL&channel=WALMART&q=jane');
  expect(latest.navigationType).toBe('REPLACE');

  act(() => latest.inbox.nextPage('c50'));
  act(() => latest.inbox.setView('AT_RISK'));
  expect(latest.inbox).toMatchObject({ view: 'AT_RISK', cursors: [] });
});
