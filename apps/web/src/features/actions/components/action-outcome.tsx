import type { OutboxEntryView } from '@/features/shared/api/outbox-entry.graphql';
import { OutboxStatusBadge } from '@/features/shared/components/outbox-status-badge';
import type { ViolationLike } from '../lib/violation-fields';
import { ViolationList } from './violation-list';

export interface ActionOutcome {
  title: string;
  outbox: readonly OutboxEntryView[];
  warnings: readonly ViolationLike[];
}

interface ActionOutcomeNoticeProps {
  outcome: ActionOutcome;
  /** The order's outbox as last fetched, so each queued row shows how its delivery is going now. */
  current: readonly OutboxEntryView[];
  onDismiss: () => void;
}

/** What an action just did: the outbox rows it queued (with their status now) and its warnings. */
export function ActionOutcomeNotice({ outcome, current, onDismiss }: ActionOutcomeNoticeProps) {
  const now = new Map(current.map((entry) => [entry.id, entry]));
  return (
    <div className="notice outcome" role="status" data-testid="action-outcome">
      <strong>{outcome.title}</strong>
      {outcome.outbox.length > 0 && (
        <ul className="queued" data-testid="queued-outbox">
          {outcome.outbox.map((queued) => {
            const entry = now.get(queued.id) ?? queued;
            return (
              <li key={entry.id} data-testid="queued-outbox-entry">
                {entry.operation} <OutboxStatusBadge status={entry.status} />
              </li>
            );
          })}
        </ul>
      )}
      <ViolationList violations={outcome.warnings} testId="outcome-warnings" />
      <button type="button" onClick={onDismiss} data-testid="dismiss-outcome">
        Dismiss
      </button>
    </div>
  );
}
