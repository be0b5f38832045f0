import { channelLabel } from '@order-hub/rules';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatMoney } from '@/lib/format';
import { useLabelCosts } from '../api/labels.hooks';
import { formatMonth, monthsBack } from '../lib/label-format';

/** What labels cost per channel per month, over the last six months. */
export function LabelCosts() {
  const range = monthsBack(new Date(), 6);
  const costs = useLabelCosts(range.from, range.to);
  const rows = (costs.data?.labelCosts ?? []).filter(
    (row) => row.month >= range.firstMonth && row.month <= range.lastMonth,
  );
  return (
    <section className="label-costs" data-testid="label-costs">
      <h2>Label costs per month</h2>
      {costs.isPending ? (
        <Loading label="Loading costs…" />
      ) : costs.isError ? (
        <ErrorState error={costs.error} onRetry={() => void costs.refetch()} />
      ) : rows.length === 0 ? (
        <p className="empty" data-testid="label-costs-empty">
          No labels bought in the last six months.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="grid compact">
            <thead>
              <tr>
                <th>Month</th>
                <th>Channel</th>
                <th className="num">Labels</th>
                <th className="num">Cost</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.month}-${row.channel}-${row.currency}`}
                  data-testid="label-cost-row"
                  data-channel={row.channel}
                  data-month={row.month}
                >
                  <td>{formatMonth(row.month)}</td>
                  <td>{channelLabel(row.channel)}</td>
                  <td className="num">{row.labelCount}</td>
                  <td className="num" data-testid="label-cost-amount">
                    {formatMoney(row.amountCents, row.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
