import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import type { BuyerMessageView } from '../lib/message-views';

interface MarkAnsweredDialogProps {
  message: BuyerMessageView;
  pending: boolean;
  error: unknown;
  onSubmit: (note: string) => void;
  onClose: () => void;
}

/** "Mark answered" by hand (a reply sent from the channel's page, or by phone), with a note saying how. */
export function MarkAnsweredDialog({ message, pending, error, onSubmit, onClose }: MarkAnsweredDialogProps) {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    onSubmit(note.trim());
  };
  return (
    <Dialog title="Mark answered" testId="mark-answered-dialog" onClose={onClose} size="small">
      <form onSubmit={submit} noValidate aria-busy={pending}>
        <p>
          <strong>{message.subject}</strong>
          <br />
          <span className="muted">from {message.from}</span>
        </p>
        <div className={missing ? 'form-field invalid' : 'form-field'}>
          <label htmlFor="mark-answered-note">How it was answered</label>
          <textarea
            id="mark-answered-note"
            value={note}
            rows={3}
            onChange={(event) => {
              setNote(event.target.value);
              setMissing(false);
            }}
            placeholder="e.g. Replied on Seller Center with the new tracking number"
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'mark-answered-note-error' : undefined}
            data-testid="mark-answered-note"
          />
          {missing && (
            <span className="field-error" id="mark-answered-note-error" role="alert">
              Say how it was answered: the note is kept with the message.
            </span>
          )}
        </div>
        {error != null && <ErrorState title="Not marked answered" error={error} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={pending} data-testid="mark-answered-cancel">
            Cancel
          </button>
          <button type="submit" className="primary" disabled={pending} data-testid="mark-answered-save">
            {pending ? 'Saving…' : 'Mark answered'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
