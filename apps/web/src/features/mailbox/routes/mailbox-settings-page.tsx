import { useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { usePageTitle } from '@/lib/use-page-title';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { MailboxRow } from '../api/mailbox.graphql';
import {
  useConnectMailbox,
  useMailboxes,
  useRefreshMailbox,
  useRemoveMailbox,
  useUpdateMailbox,
} from '../api/mailbox.hooks';
import { MailboxForm } from '../components/mailbox-form';
import { MailboxStatus } from '../components/mailbox-status';
import { mailboxValues, newMailboxValues, toMailboxInput } from '../lib/mailbox-form-values';

/** `/settings/mailbox`: the seller's mailbox the hub reads (supplier tracking, buyer messages, the channels' e-mails). */
export function MailboxSettingsPage() {
  usePageTitle('Mailbox');
  const role = useMe().data?.me.role;
  const isAdmin = role === 'ADMIN';
  const mayRefresh = isAdmin || role === 'OPERATOR';
  const mailboxes = useMailboxes();
  const connect = useConnectMailbox();
  const update = useUpdateMailbox();
  const remove = useRemoveMailbox();
  const refresh = useRefreshMailbox();
  const [editing, setEditing] = useState<MailboxRow | 'new' | null>(null);
  const [refreshing, setRefreshing] = useState<string | null>(null);

  if (mailboxes.isPending) return <Loading label="Loading the mailboxes…" />;
  if (mailboxes.isError) return <ErrorState error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />;
  const { mailboxes: list, channelAccounts: accounts } = mailboxes.data;
  const zoneOf = (mailbox: MailboxRow) =>
    accounts.find((account) => mailbox.accountIds.includes(account.id))?.timeZone ?? accounts[0]?.timeZone;
  const saving = editing === 'new' ? connect : update;
  const close = () => {
    connect.reset();
    update.reset();
    setEditing(null);
  };

  return (
    <section className="page mailbox-page" data-testid="mailbox-page">
      <div className="page-head">
        <h1>Mailbox</h1>
        {isAdmin && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="mailbox-connect">
            Connect a mailbox
          </button>
        )}
      </div>
      <p className="muted">
        The hub reads the mailbox your suppliers and the channels write to, junk folder included: suppliers’ tracking
        e-mails, buyer messages and the channels’ performance e-mails. It only reads — nothing is marked read, moved or
        sent. What it read is under Messages → Mail read.
      </p>
      {editing !== null && (
        <section className="panel" aria-label={editing === 'new' ? 'Connect a mailbox' : `Edit ${editing.name}`}>
          <h2>{editing === 'new' ? 'Connect a mailbox' : `Edit ${editing.name}`}</h2>
          <MailboxForm
            key={editing === 'new' ? 'new' : editing.id}
            mode={editing === 'new' ? 'connect' : 'edit'}
            initial={editing === 'new' ? newMailboxValues() : mailboxValues(editing)}
            accounts={accounts}
            pending={saving.isPending}
            error={saving.error}
            onCancel={close}
            onSubmit={(values) => {
              if (editing === 'new') {
                const { password = '', ...input } = toMailboxInput(values, 'connect');
                connect.mutate({ ...input, password }, { onSuccess: close });
              } else {
                update.mutate({ id: editing.id, input: toMailboxInput(values, 'edit') }, { onSuccess: close });
              }
            }}
          />
        </section>
      )}
      {list.length === 0 ? (
        <p className="empty" data-testid="mailbox-empty">
          No mailbox connected: supplier tracking and buyer messages by e-mail reach nobody until one is.
        </p>
      ) : (
        list.map((mailbox) => (
          <article
            key={mailbox.id}
            className="settings-card"
            data-testid="mailbox"
            data-mailbox-id={mailbox.id}
            aria-labelledby={`mailbox-${mailbox.id}`}
          >
            <h2 id={`mailbox-${mailbox.id}`}>{mailbox.name}</h2>
            <p className="muted">
              {mailbox.user} on {mailbox.host}:{mailbox.port}
              {mailbox.secure ? ' with TLS' : ' without TLS'}
              {mailbox.accountIds.length > 0 &&
                ` · for ${accounts
                  .filter((account) => mailbox.accountIds.includes(account.id))
                  .map((account) => account.name)
                  .join(', ')}`}
            </p>
            <MailboxStatus mailbox={mailbox} timeZone={zoneOf(mailbox)} />
            <div className="message-actions">
              {mayRefresh && (
                <button
                  type="button"
                  disabled={refresh.isPending || mailbox.sync.running}
                  onClick={() => {
                    setRefreshing(mailbox.id);
                    refresh.mutate(mailbox.id);
                  }}
                  data-testid="mailbox-read-now"
                >
                  {(refresh.isPending && refreshing === mailbox.id) || mailbox.sync.running ? 'Reading…' : 'Read now'}
                </button>
              )}
              {isAdmin && (
                <button type="button" onClick={() => setEditing(mailbox)} data-testid="mailbox-edit">
                  Edit
                </button>
              )}
              {isAdmin && (
                <button
                  type="button"
                  onClick={() => update.mutate({ id: mailbox.id, input: { enabled: !mailbox.enabled } })}
                  disabled={update.isPending}
                  data-testid="mailbox-toggle"
                >
                  {mailbox.enabled ? 'Pause reading' : 'Resume reading'}
                </button>
              )}
              {isAdmin && (
                <ConfirmAction
                  label="Remove"
                  question={`Forget “${mailbox.name}” and the record of the messages read from it? Nothing in the mailbox itself changes.`}
                  confirmLabel="Remove mailbox"
                  pending={remove.isPending}
                  error={remove.error}
                  onCancel={() => remove.reset()}
                  onConfirm={(done) => remove.mutate(mailbox.id, { onSuccess: done })}
                  testId="mailbox-remove"
                />
              )}
            </div>
            {refreshing === mailbox.id && refresh.isError && <ErrorState title="Not read" error={refresh.error} />}
          </article>
        ))
      )}
    </section>
  );
}
