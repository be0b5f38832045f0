import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { AdminOnly } from '@/features/auth/components/admin-only';
import { DownloadButton } from '@/features/compliance/components/download-button';
import { AdminSettingsNav } from '@/layout/admin-settings-nav';
import { formatActor } from '@/lib/actor-format';
import { formatZonedDateTime } from '@/lib/format';
import type { BuyerDataAccessEntry } from '../api/buyer-data-access.graphql';
import { useBuyerDataAccessLog } from '../api/buyer-data-access.hooks';
import { defaultDays, fieldsInWords, rangeOf } from '../lib/access-range';

/** `/settings/buyer-data-access` (ADMIN): who read buyers' addresses and raw orders, and when; as CSV too. */
export function BuyerDataAccessPage() {
  return (
    <section className="buyer-data-page" data-testid="buyer-data-page">
      <div className="page-head">
        <h1>Buyer data access</h1>
      </div>
      <AdminSettingsNav />
      <AdminOnly can="see who read buyer data">
        <p className="hint">
          Every read of a buyer&apos;s address or raw order (the orders list, an order, its evidence) is recorded with
          the person or token. Buyer names, streets, phones and e-mails are removed 30 days after delivery
          (Amazon&apos;s Data Protection Policy; Walmart follows the same default).
        </p>
        <AccessLogPanel />
      </AdminOnly>
    </section>
  );
}

function AccessLogPanel() {
  const [days, setDays] = useState(defaultDays);
  const [shown, setShown] = useState(() => rangeOf(days.from, days.to));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(rangeOf(days.from, days.to));
  };
  return (
    <>
      <form className="action-bar" onSubmit={submit} data-testid="buyer-data-range">
        <label className="field">
          From{' '}
          <input
            type="date"
            value={days.from}
            onChange={(e) => setDays({ ...days, from: e.target.value })}
            data-testid="buyer-data-from"
          />
        </label>
        <label className="field">
          To{' '}
          <input
            type="date"
            value={days.to}
            onChange={(e) => setDays({ ...days, to: e.target.value })}
            data-testid="buyer-data-to"
          />
        </label>
        <button type="submit" data-testid="buyer-data-show">
          Show
        </button>
      </form>
      {'problem' in shown ? (
        <p className="field-error" role="alert" data-testid="buyer-data-range-problem">
          {shown.problem}
        </p>
      ) : (
        <AccessLog range={shown} />
      )}
    </>
  );
}

function AccessLog({ range }: { range: { from: string; to: string } }) {
  const log = useBuyerDataAccessLog(range);
  if (log.isPending) return <Loading label="Loading the access log…" />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  const entries = log.data.pages.flatMap((p) => p.buyerDataAccessLog.edges.map((e) => e.node));
  const csvPath = log.data.pages[0].buyerDataAccessLog.csvPath;
  return (
    <>
      <div className="action-bar">
        <DownloadButton
          url={csvPath}
          fileName="buyer-data-access.csv"
          label="Download CSV"
          testId="buyer-data-download"
        />
      </div>
      {entries.length === 0 ? (
        <p className="muted" data-testid="buyer-data-empty">
          Nobody read buyer data in this range.
        </p>
      ) : (
        <table className="table" data-testid="buyer-data-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Order</th>
              <th scope="col">What</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AccessRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          onClick={() => void log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
          data-testid="buyer-data-more"
        >
          {log.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </button>
      )}
    </>
  );
}

function AccessRow({ entry }: { entry: BuyerDataAccessEntry }) {
  return (
    <tr data-testid="buyer-data-row">
      <td>{formatZonedDateTime(entry.occurredAt, entry.accountTimeZone ?? undefined)}</td>
      <td>{formatActor(entry.actor)}</td>
      <td>
        <Link to={`/orders/${entry.orderId}`}>
          {entry.channel ? `${entry.channel} ` : ''}
          {entry.channelOrderId ?? entry.orderId}
        </Link>
      </td>
      <td>{fieldsInWords(entry.fields)}</td>
      <td>{entry.ip ?? '—'}</td>
    </tr>
  );
}
