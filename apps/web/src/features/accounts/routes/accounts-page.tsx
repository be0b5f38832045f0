import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useNow } from '@/lib/use-now';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { ChannelAccountRow } from '../api/accounts.graphql';
import { useChannelAccounts } from '../api/accounts.hooks';
import { AccountsTable } from '../components/accounts-table';
import { CreateAccountPanel } from '../components/create-account-panel';
import { accountPermissions } from '../lib/account-permissions';
import { usePageTitle } from '@/lib/use-page-title';

export function AccountsPage() {
  usePageTitle('Channel accounts');
  const accounts = useChannelAccounts();
  const me = useMe();
  const permissions = accountPermissions(me.data?.me.role);
  const clock = useNow(5_000);
  // Never before the data's arrival, so times the server just wrote read "just now", not "in a few seconds".
  const now = Math.max(clock, accounts.dataUpdatedAt);
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  return (
    <section className="accounts" data-testid="accounts-page">
      <div className="page-head">
        <h1>Channel accounts</h1>
        <Link to="/settings/routing" data-testid="accounts-routing-link">
          MCF routing rules →
        </Link>
        <Link to="/settings/tracking" data-testid="accounts-tracking-link">
          Carrier tracking →
        </Link>
        <Link to="/settings/bins" data-testid="accounts-bins-link">
          Bins for the pick list →
        </Link>
        <Link to="/settings/labels" data-testid="accounts-labels-link">
          Labels: ship-from, presets, costs →
        </Link>
        {permissions.canManage && !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="add-account">
            Add account
          </button>
        )}
      </div>
      {me.data && !permissions.canManage && (
        <p className="hint" data-testid="role-notice">
          Your role is {me.data.me.role}: managing accounts needs ADMIN
          {permissions.syncDeniedReason ? ', and syncing needs OPERATOR.' : '.'}
        </p>
      )}
      {adding && <CreateAccountPanel onDone={() => setAdding(false)} />}
      <AccountsResult accounts={accounts}>
        {(rows) => (
          <AccountsTable
            accounts={rows}
            permissions={permissions}
            now={now}
            editingId={editingId}
            onEdit={setEditingId}
          />
        )}
      </AccountsResult>
    </section>
  );
}

interface AccountsResultProps {
  accounts: ReturnType<typeof useChannelAccounts>;
  children: (rows: ChannelAccountRow[]) => ReactNode;
}

/** A failed refresh keeps the last list on screen under the error; only a first load shows a spinner. */
function AccountsResult({ accounts, children }: AccountsResultProps) {
  if (accounts.isPending) return <Loading label="Loading accounts…" />;
  const rows = accounts.data?.channelAccounts;
  return (
    <>
      {accounts.isError && (
        <ErrorState
          title={rows ? 'Refresh failed' : undefined}
          error={accounts.error}
          onRetry={() => void accounts.refetch()}
        />
      )}
      {rows && rows.length === 0 && (
        <p className="empty" data-testid="accounts-empty">
          No channel accounts yet.
        </p>
      )}
      {rows && rows.length > 0 && children(rows)}
    </>
  );
}
