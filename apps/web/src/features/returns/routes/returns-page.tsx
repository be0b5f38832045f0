import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { currentCursor, pageRangeLabel, popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { usePageTitle } from '@/lib/use-page-title';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { RefundReturnResultView, ReturnView } from '../api/returns.graphql';
import { RETURNS_PAGE_SIZE, useReturnAccounts, useReturnCounts, useReturns } from '../api/returns.hooks';
import { RefundReturnDialog } from '../components/refund-return-dialog';
import { RefundSentNotice } from '../components/refund-sent-notice';
import { ReturnsList } from '../components/returns-list';
import {
  channelTabs,
  filterFromParams,
  paramsFromFilter,
  toReturnFilter,
  type ReturnsPageFilter,
} from '../lib/returns-filter';

/**
 * Returns of every account, a channel per tab; the Refunds due view lists received returns not refunded yet, oldest
 * receipt first, with the time left on each channel's refund clock. Refund opens the dialog on the row's return.
 */
export function ReturnsPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [cursors, setCursors] = useState<CursorStack>([]);
  const [search, setSearch] = useState(filter.search);
  const [refunding, setRefunding] = useState<ReturnView | null>(null);
  const [sent, setSent] = useState<{ ret: ReturnView; result: RefundReturnResultView } | null>(null);
  usePageTitle(filter.refundsDue ? 'Refunds due' : 'Returns');
  const accounts = useReturnAccounts();
  const tabs = channelTabs(accounts.data ?? []);
  const counts = useReturnCounts(filter.channel ? [filter.channel] : tabs.map((tab) => tab.channel));
  const returns = useReturns(toReturnFilter(filter), currentCursor(cursors));
  const me = useMe();
  const mayRefund = actionDeniedReason(me.data?.me.role) === null;

  const zones = new Map((accounts.data ?? []).map((account) => [account.id, account.timeZone]));
  const marketplaces = new Map((accounts.data ?? []).map((account) => [account.id, account.marketplace]));
  const change = (next: ReturnsPageFilter) => {
    setCursors([]);
    setParams(paramsFromFilter(next), { flushSync: true });
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    change({ ...filter, search: search.trim() });
  };
  const connection = returns.data?.returns;
  const due = counts.data;

  return (
    <section className="page returns-page" data-testid="returns-page">
      <div className="page-head">
        <h1>Returns</h1>
      </div>
      <div className="toolbar">
        <nav className="tabs" role="tablist" aria-label="Channels">
          <ChannelTab
            selected={filter.channel === null}
            onSelect={() => change({ ...filter, channel: null })}
            testId="returns-tab-all"
          >
            All
          </ChannelTab>
          {tabs.map((tab) => (
            <ChannelTab
              key={tab.channel}
              selected={filter.channel === tab.channel}
              onSelect={() => change({ ...filter, channel: tab.channel })}
              testId={`returns-tab-${tab.channel.toLowerCase()}`}
            >
              {tab.label}
            </ChannelTab>
          ))}
        </nav>
        <form className="filters" role="search" onSubmit={submitSearch}>
          <input
            type="search"
            className="search"
            placeholder="RMA, order number or SKU"
            aria-label="Search returns by RMA, order number or SKU"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="returns-search"
          />
          <button type="submit">Search</button>
        </form>
      </div>
      <div className="returns-views" role="group" aria-label="Which returns">
        <button
          type="button"
          aria-pressed={!filter.refundsDue}
          className={filter.refundsDue ? 'tab' : 'tab active'}
          onClick={() => change({ ...filter, refundsDue: false })}
          data-testid="returns-view-all"
        >
          All returns
        </button>
        <button
          type="button"
          aria-pressed={filter.refundsDue}
          className={filter.refundsDue ? 'tab active' : 'tab'}
          onClick={() => change({ ...filter, refundsDue: true })}
          data-testid="returns-view-due"
        >
          Refunds due
          {due && (
            <span
              className={due.overdue > 0 ? 'count alert' : 'count'}
              aria-label={`${due.refundsDue} refunds due, ${due.dueSoon} due soon, ${due.overdue} overdue`}
              data-testid="returns-due-count"
            >
              {due.refundsDue}
            </span>
          )}
        </button>
        {due && (due.overdue > 0 || due.dueSoon > 0 || due.refundedByChannel30d > 0) && (
          <span className="muted" data-testid="returns-due-summary">
            {[
              due.overdue > 0 && `${due.overdue} overdue`,
              due.dueSoon > 0 && `${due.dueSoon} due within 12 h`,
              due.refundedByChannel30d > 0 && `${due.refundedByChannel30d} refunded by the channel itself in 30 days`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </div>
      {sent && <RefundSentNotice channel={sent.ret.channel} result={sent.result} onDismiss={() => setSent(null)} />}
      {returns.isPending ? (
        <Loading label="Loading returns…" />
      ) : returns.isError ? (
        <ErrorState error={returns.error} onRetry={() => void returns.refetch()} />
      ) : connection!.edges.length === 0 ? (
        <p className="empty" data-testid="returns-empty">
          {filter.search
            ? 'No return matches that search.'
            : filter.refundsDue
              ? 'No refunds due: every received return is refunded.'
              : 'No returns yet.'}
        </p>
      ) : (
        <div className={returns.isPlaceholderData ? 'stale' : undefined} aria-busy={returns.isPlaceholderData}>
          <ReturnsList
            returns={connection!.edges.map((edge) => edge.node)}
            zones={zones}
            showChannel={filter.channel === null}
            onRefund={mayRefund ? setRefunding : undefined}
          />
        </div>
      )}
      <div className="pager">
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors(popCursor)}
          data-testid="returns-prev"
        >
          ← Previous
        </button>
        <span className="muted" data-testid="returns-range">
          {connection && !returns.isPlaceholderData
            ? pageRangeLabel(cursors, RETURNS_PAGE_SIZE, connection.edges.length, connection.totalCount)
            : '…'}
        </span>
        <button
          type="button"
          disabled={!connection?.pageInfo.hasNextPage || returns.isPlaceholderData}
          onClick={() => {
            const end = connection?.pageInfo.endCursor;
            if (end) setCursors((stack) => pushCursor(stack, end));
          }}
          data-testid="returns-next"
        >
          Next →
        </button>
      </div>
      {refunding && (
        <RefundReturnDialog
          ret={refunding}
          marketplace={marketplaces.get(refunding.accountId)}
          onClose={() => setRefunding(null)}
          onDone={(result) => {
            setSent({ ret: refunding, result });
            setRefunding(null);
          }}
        />
      )}
    </section>
  );
}

function ChannelTab({
  selected,
  onSelect,
  testId,
  children,
}: {
  selected: boolean;
  onSelect: () => void;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      className={selected ? 'tab active' : 'tab'}
      onClick={onSelect}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
