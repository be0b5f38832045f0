import { ErrorState } from '@/components/error-state';
import { useMe } from '@/features/auth/api/auth.hooks';
import { formatZonedDateTime } from '@/lib/format';
import type { AccountHealthView } from '../api/compliance.graphql';
import { useRefreshAccountHealth } from '../api/compliance.hooks';
import { accountStatusWords, defectRateLine, defectStatusWords, ratingWords } from '../lib/health-summary';
import { formatDay } from '../lib/metric-format';

export interface AccountHealthEntry {
  accountName: string;
  /** The account's IANA zone: its dates read in it, with the zone shown. */
  timeZone?: string;
  health: AccountHealthView;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The channel's own verdict per account: Account Health Rating, account status and Order Defect Rate with its parts. */
export function AccountHealthPanel({
  entries,
  refreshable,
}: {
  entries: readonly AccountHealthEntry[];
  refreshable: readonly { id: string; name: string }[];
}) {
  const refresh = useRefreshAccountHealth();
  // Fetching from the channel needs the OPERATOR role; a viewer reads what was fetched.
  const viewer = useMe().data?.me.role === 'VIEWER';
  return (
    <div className="account-health" data-testid="account-health">
      <h2>Account health reported by the channel</h2>
      {entries.length === 0 && (
        <p className="muted" data-testid="account-health-none">
          Not fetched yet: the hub reads it once a day, or now with Refresh.
        </p>
      )}
      {entries.map(({ accountName, timeZone, health }) => {
        const odr = health.orderDefectRate;
        return (
          <dl
            key={health.accountId}
            className="facts account-health-facts"
            data-testid="account-health-entry"
            data-account-id={health.accountId}
          >
            {entries.length > 1 && (
              <>
                <dt>Account</dt>
                <dd>{accountName}</dd>
              </>
            )}
            <dt>Account Health Rating</dt>
            <dd
              data-testid="account-health-rating"
              data-rating={health.rating ?? ''}
              title={health.rating ?? undefined}
            >
              {ratingWords(health.rating)}
            </dd>
            <dt>Account status</dt>
            <dd data-testid="account-health-status" title={health.accountStatus ?? undefined}>
              {accountStatusWords(health.accountStatus)}
            </dd>
            <dt>Order Defect Rate</dt>
            <dd data-testid="account-health-odr" data-status={odr?.status ?? ''}>
              {odr ? (
                <>
                  <strong>{defectRateLine(odr.rate, odr.target, odr.targetCondition)}</strong>{' '}
                  <span title={odr.status}>{defectStatusWords(odr.status)}</span>
                  <br />
                  <span className="muted" data-testid="account-health-odr-parts">
                    {plural(odr.ordersWithDefects, 'order', 'orders')} with a defect of {odr.orderCount}:{' '}
                    {plural(odr.claims, 'A-to-z claim', 'A-to-z claims')},{' '}
                    {plural(odr.chargebacks, 'chargeback', 'chargebacks')}, {odr.negativeFeedback} negative feedback ·{' '}
                    {formatDay(odr.reportingFrom, 'UTC')} – {formatDay(odr.reportingTo, 'UTC')} (UTC days)
                  </span>
                </>
              ) : (
                'not in the report'
              )}
            </dd>
            <dt>Fetched</dt>
            <dd data-testid="account-health-fetched" data-fetched-at={health.fetchedAt}>
              {formatZonedDateTime(health.fetchedAt, timeZone)}
            </dd>
          </dl>
        );
      })}
      {refreshable.length > 0 && !viewer && (
        <div className="account-health-actions">
          {refreshable.map((account) => (
            <button
              key={account.id}
              type="button"
              disabled={refresh.isPending}
              onClick={() => refresh.mutate(account.id)}
              data-testid="account-health-refresh"
            >
              {refresh.isPending && refresh.variables === account.id
                ? 'Fetching from the channel…'
                : refreshable.length > 1
                  ? `Refresh ${account.name}`
                  : 'Refresh'}
            </button>
          ))}
        </div>
      )}
      {refresh.isError && <ErrorState error={refresh.error} title="The account health was not fetched" />}
    </div>
  );
}
