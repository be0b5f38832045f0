import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import type { OutboxEntryView } from '@/features/shared/api/outbox-entry.graphql';
import { useDiscardOutboxEntry, useRetryOutboxEntry } from '../api/outbox.hooks';
import { ViolationList } from '@/features/actions/components/violation-list';
import { violationsOfError } from '@/features/actions/lib/violation-fields';
import { fixKindOf } from '../lib/outbox-format';
import { FixAndResendDialog } from './fix-and-resend-dialog';

type Mode = 'idle' | 'fix' | 'discard';

/** Resend (as it was), Fix and resend (in a dialog, the fields prefilled) and Discard with a reason, for one FAILED or DEAD entry. */
export function OutboxEntryActions({ entry, deniedReason }: { entry: OutboxEntryView; deniedReason: string | null }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const retry = useRetryOutboxEntry();
  const discard = useDiscardOutboxEntry();
  const actionable = entry.status === 'FAILED' || entry.status === 'DEAD';
  const fixable = fixKindOf(entry.operation) !== 'none';
  const disabled = deniedReason !== null || retry.isPending || discard.isPending;
  const violations = violationsOfError(retry.error);

  if (!actionable) return null;

  return (
    <div className="entry-actions" data-testid="outbox-entry-actions">
      <div className="buttons">
        <button
          type="button"
          disabled={disabled}
          title={deniedReason ?? undefined}
          onClick={() => retry.mutate({ id: entry.id })}
          data-testid="outbox-retry"
        >
          {retry.isPending ? 'Resending…' : 'Resend'}
        </button>
        {fixable && (
          <button
            type="button"
            disabled={disabled}
            title={deniedReason ?? undefined}
            onClick={() => setMode('fix')}
            data-testid="outbox-fix"
          >
            Fix and resend
          </button>
        )}
        <button
          type="button"
          className="danger"
          disabled={disabled}
          title={deniedReason ?? undefined}
          onClick={() => setMode(mode === 'discard' ? 'idle' : 'discard')}
          data-testid="outbox-discard"
        >
          Discard
        </button>
      </div>
      {mode === 'fix' && <FixAndResendDialog entry={entry} onClose={() => setMode('idle')} />}
      {mode === 'discard' && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim())
              discard.mutate({ id: entry.id, reason: reason.trim() }, { onSuccess: () => setMode('idle') });
          }}
          data-testid="outbox-discard-form"
        >
          <input
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Why give it up? (required)"
            aria-label="Discard reason"
            data-testid="discard-reason"
          />
          <button
            type="submit"
            className="danger"
            disabled={disabled || reason.trim() === ''}
            data-testid="discard-submit"
          >
            {discard.isPending ? 'Discarding…' : 'Discard entry'}
          </button>
        </form>
      )}
      <ViolationList violations={violations} testId="retry-violations" />
      {retry.isError && violations.length === 0 && <ErrorState title="Not resent" error={retry.error} />}
      {discard.isError && <ErrorState title="Not discarded" error={discard.error} />}
    </div>
  );
}
