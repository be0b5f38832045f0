import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import type { ReviewRowView, TrackingIntakeView } from '../api/supplier-views';
import { useDismissTrackingIntake } from '../api/suppliers.hooks';

const NOTE_MAX = 500;

/** Dismisses a held tracking number with a note saying why (kept with the row as who decided and why). */
export function DismissIntakeDialog({
  row,
  onClose,
  onDone,
}: {
  row: ReviewRowView;
  onClose: () => void;
  onDone: (intake: TrackingIntakeView) => void;
}) {
  const { intake } = row;
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const dismiss = useDismissTrackingIntake();
  const missing = note.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) return;
    dismiss.mutate({ id: intake.id, note: note.trim() }, { onSuccess: onDone });
  };
  return (
    <Dialog title="Dismiss held tracking" testId="dismiss-intake-dialog" onClose={onClose} size="small">
      <form onSubmit={submit} noValidate>
        <p>
          <span className="mono">{intake.trackingNumber}</span>
          {row.order && (
            <>
              {' '}
              for order <span className="mono">{row.order.channelOrderId}</span>
            </>
          )}{' '}
          will not be applied.
        </p>
        <label className="field">
          <span>Why (kept with the record)</span>
          <textarea
            value={note}
            maxLength={NOTE_MAX}
            rows={3}
            aria-invalid={tried && missing}
            aria-describedby="dismiss-note-error"
            onChange={(event) => setNote(event.target.value)}
            data-testid="dismiss-intake-note"
          />
          {tried && missing && (
            <small id="dismiss-note-error" className="violation block" data-testid="dismiss-intake-note-error">
              Say why it is dismissed.
            </small>
          )}
        </label>
        {dismiss.isError && <ErrorState title="Not dismissed" error={dismiss.error} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={dismiss.isPending} data-testid="dismiss-intake-submit">
            {dismiss.isPending ? 'Dismissing…' : 'Dismiss'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
