import { Fragment, useState } from 'react';
import type { ChannelAccountRow } from '../api/accounts.graphql';
import type { AccountPermissions } from '../lib/account-permissions';
import { DisableAccountButton } from './disable-account-button';
import { EditAccountPanel } from './edit-account-panel';
import { PushDialog } from './push-dialog';
import { PushStatusLine } from './push-status-line';
import { SyncError } from './sync-error';
import { SyncNowButton } from './sync-now-button';
import { SyncStateCell } from './sync-state-cell';

interface AccountsTableProps {
  accounts: readonly ChannelAccountRow[];
  permissions: AccountPermissions;
  now: number;
  /** The account whose edit form is open below its row, if any. */
  editingId: string | null;
  onEdit: (id: string | null) => void;
}

const COLUMNS = 6;

export function AccountsTable({ accounts, permissions, now, editingId, onEdit }: AccountsTableProps) {
  const [pushAccountId, setPushAccountId] = useState<string | null>(null);
  const pushAccount = accounts.find((account) => account.id === pushAccountId);
  return (
    <>
      <table className="grid accounts-table" data-testid="accounts-table">
        <thead>
          <tr>
            <th>Account</th>
            <th>Marketplace · time zone</th>
            <th>Environment · base URL</th>
            <th>Credentials</th>
            <th>Sync</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <Fragment key={account.id}>
              <tr
                className={account.disabledAt ? 'account-row disabled' : 'account-row'}
                data-testid="account-row"
                data-account-id={account.id}
                data-account-name={account.name}
              >
                <td>
                  <div className="account-name" data-testid="account-name">
                    {account.name}
                  </div>
                  <span className="channel" data-testid="account-channel">
                    {account.channel}
                  </span>
                  {account.disabledAt && (
                    <span
                      className="badge badge-disabled"
                      title={`Disabled ${new Date(account.disabledAt).toISOString()}`}
                      data-testid="account-disabled"
                    >
                      Disabled
                    </span>
                  )}
                </td>
                <td>
                  <div data-testid="account-marketplace">{account.marketplace}</div>
                  <div className="muted">{account.timeZone}</div>
                </td>
                <td>
                  <div className={`env env-${account.environment.toLowerCase()}`} data-testid="account-environment">
                    {account.environment}
                  </div>
                  <div className="mono base-url" data-testid="account-base-url">
                    {account.baseUrl}
                  </div>
                </td>
                <td data-testid="account-credentials">
                  {account.hasCredentials ? (
                    <span className="ok">stored</span>
                  ) : (
                    <span className="badge badge-warn">missing</span>
                  )}
                </td>
                <td>
                  <SyncStateCell state={account.syncState} disabled={account.disabledAt != null} now={now} />
                  {account.push && (
                    <PushStatusLine
                      accountId={account.id}
                      push={account.push}
                      timeZone={account.timeZone}
                      now={now}
                      canManage={permissions.canManage && !account.disabledAt}
                      onOpen={() => setPushAccountId(account.id)}
                    />
                  )}
                </td>
                <td>
                  <div className="actions">
                    <SyncNowButton account={account} deniedReason={permissions.syncDeniedReason} />
                    {permissions.canManage && !account.disabledAt && (
                      <>
                        <button
                          type="button"
                          onClick={() => onEdit(editingId === account.id ? null : account.id)}
                          aria-expanded={editingId === account.id}
                          data-testid="edit-account-button"
                        >
                          Edit
                        </button>
                        <DisableAccountButton account={account} />
                      </>
                    )}
                  </div>
                </td>
              </tr>
              {account.syncState.lastError && (
                <tr className="detail-row" data-testid="account-error-row" data-account-id={account.id}>
                  <td colSpan={COLUMNS}>
                    <SyncError state={account.syncState} now={now} />
                  </td>
                </tr>
              )}
              {editingId === account.id && (
                <tr className="detail-row">
                  <td colSpan={COLUMNS}>
                    <EditAccountPanel account={account} onDone={() => onEdit(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {pushAccount?.push && (
        <PushDialog
          account={pushAccount}
          push={pushAccount.push}
          now={now}
          canManage={permissions.canManage && !pushAccount.disabledAt}
          onClose={() => setPushAccountId(null)}
        />
      )}
    </>
  );
}
