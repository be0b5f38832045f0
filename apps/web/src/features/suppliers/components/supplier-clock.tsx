import { formatZonedDateTime } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import { supplierClockWords } from '../lib/supplier-clock-words';

interface SupplierClockProps {
  dueAt?: string | null;
  receivedAt?: string | null;
  timeZone?: string;
}

/** "due in 5 h" (amber within 4 h), "missed 2 h ago" in red; the due time in the account's zone beside it. */
export function SupplierClock({ dueAt, receivedAt, timeZone }: SupplierClockProps) {
  const now = useNow(30_000);
  const words = supplierClockWords(dueAt, receivedAt, now);
  return (
    <span className="supplier-clock-cell">
      <span
        className={`supplier-clock supplier-clock-${words.tone}`}
        data-testid="supplier-clock"
        data-tone={words.tone}
        data-state={words.state ?? undefined}
      >
        {words.text}
      </span>
      {dueAt && (
        <small className="muted" data-testid="supplier-clock-due">
          {' '}
          (by {formatZonedDateTime(dueAt, timeZone)})
        </small>
      )}
    </span>
  );
}
