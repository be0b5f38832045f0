import type { OutboxEntryView } from '../../outbox/api/outbox.graphql';
import { OutboxStatusBadge } from '../../outbox/components/outbox-status-badge';
import type { ViolationLike } from '../lib/violation-fields';
import { ViolationList } from './violation-list';

export interface ActionOutcome {
  title: string;
  outbox: readonly OutboxEntryView[];
  warnings: readonly ViolationLike[];
}

/** What an action just did: the outbox rows it queued (the timeline follows their delivery) and its warnings. */
export function ActionOutcomeNotice({ outcome, onDismiss }: { outcome: ActionOutcome; onDismiss: () => void }) {
  return (
    <div className="notice outcome" role="status" data-testid="action-outcome">
      <strong>{outcome.title}</strong>
      {outcome.outbox.length > 0 && (
        <ul className="queued" data-testid="queued-outbox">
          {outcome.outbox.map((entry) => (
            <li key={entry.id} data-testid="queued-outbox-entry">
              {entry.operation} <OutboxStatusBadge status={entry.status} />
            </li>
          ))}
        </ul>
      )}
      <ViolationList violations={outcome.warnings} testId="outcome-warnings" />
      <button type="button" onClick={onDismiss} data-testid="dismiss-outcome">
        Dismiss
      </button>
    </div>
  );
}
