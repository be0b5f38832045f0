import type { OrderView, OrderViewCountsQuery } from '@/gql/graphql';

const TABS: { view: OrderView; label: string }[] = [
  { view: 'NEW', label: 'New' },
  { view: 'DUE_TODAY', label: 'Due today' },
  { view: 'PAST_DUE', label: 'Past due' },
  { view: 'AT_RISK', label: 'At risk' },
  { view: 'NEEDS_ATTENTION', label: 'Needs attention' },
  { view: 'SHIPPED_NO_SCAN', label: 'Shipped, no scan yet' },
  { view: 'ALL', label: 'All' },
];

export function viewLabel(view: OrderView): string {
  return TABS.find((tab) => tab.view === view)?.label ?? view;
}

/** Views whose orders are already late or about to be: a non-zero count is highlighted. */
const ALERT_VIEWS = new Set<OrderView>(['PAST_DUE', 'AT_RISK', 'NEEDS_ATTENTION', 'SHIPPED_NO_SCAN']);

interface ViewTabsProps {
  /** The view listed; null while a search lists every view's results. */
  active: OrderView | null;
  counts: OrderViewCountsQuery['orderViewCounts'] | undefined;
  /** True while the counts shown belong to the previous filter. */
  stale: boolean;
  onChange: (view: OrderView) => void;
}

export function ViewTabs({ active, counts, stale, onChange }: ViewTabsProps) {
  return (
    <nav className={stale ? 'tabs stale' : 'tabs'} role="tablist" aria-label="Inbox views" aria-busy={stale}>
      {TABS.map(({ view, label }) => {
        const entry = counts?.find((candidate) => candidate.view === view);
        const count = entry?.count;
        return (
          <button
            key={view}
            type="button"
            role="tab"
            aria-selected={view === active}
            className={view === active ? 'tab active' : 'tab'}
            onClick={() => onChange(view)}
            data-testid={`tab-${view}`}
          >
            {label}
            <span
              className={count && ALERT_VIEWS.has(view) ? 'count alert' : 'count'}
              title={entry && !entry.exact ? 'An estimate: counting every order exactly would be slow.' : undefined}
              data-exact={entry ? String(entry.exact) : undefined}
              data-testid={`tab-count-${view}`}
            >
              {entry && !entry.exact && <span className="about">about </span>}
              {count ?? '…'}
            </span>
          </button>
        );
      })}
    </nav>
  );
}
