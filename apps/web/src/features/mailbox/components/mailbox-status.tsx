import { useNow } from '@/lib/use-now';
import { isFailing, lastReadWords, messagesReadWords, nextReadWords } from '../lib/mail-sync-words';
import type { MailboxView } from '../lib/mailbox-views';

interface MailboxStatusProps {
  mailbox: MailboxView;
  timeZone?: string;
}

/** How the mailbox's reading goes: last read, the last error in words, messages read, the next read. */
export function MailboxStatus({ mailbox, timeZone }: MailboxStatusProps) {
  const now = useNow(30_000);
  const { sync } = mailbox;
  const next = nextReadWords(sync, now);
  return (
    <dl className="settings-facts" data-testid="mailbox-status" data-failing={isFailing(sync)}>
      <dt>Status</dt>
      <dd data-testid="mailbox-state">
        {!mailbox.enabled ? (
          <span className="badge badge-disabled">Paused</span>
        ) : sync.running ? (
          <span className="badge">Reading now</span>
        ) : isFailing(sync) ? (
          <span className="badge badge-danger">Cannot read</span>
        ) : (
          <span className="badge">Reading every 2 minutes</span>
        )}
      </dd>
      <dt>Last read</dt>
      <dd data-testid="mailbox-last-read">{lastReadWords(sync, timeZone, now)}</dd>
      {sync.lastError && (
        <>
          <dt>Last error</dt>
          <dd className="field-error" data-testid="mailbox-last-error">
            {sync.lastError}
          </dd>
        </>
      )}
      <dt>Read so far</dt>
      <dd data-testid="mailbox-messages-read">{messagesReadWords(sync.messagesRead)}</dd>
      {mailbox.enabled && next && (
        <>
          <dt>Next read</dt>
          <dd>{next}</dd>
        </>
      )}
      <dt>Folders</dt>
      <dd>
        {[
          `inbox “${mailbox.folders.inbox}”`,
          mailbox.folders.junk ? `junk “${mailbox.folders.junk}”` : 'no junk folder found',
          mailbox.folders.sent ? `sent “${mailbox.folders.sent}”` : 'no sent folder found',
        ].join(', ')}
      </dd>
    </dl>
  );
}
