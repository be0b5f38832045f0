import { useState, type ReactNode } from 'react';
import { Dialog } from './dialog';
import { ErrorState } from './error-state';

interface ConfirmActionProps {
  /** The button that asks, e.g. "Disable". */
  label: string;
  /** The question, e.g. "Disable ana@example.com? Their sessions end now." */
  question: ReactNode;
  /** The button that does it, e.g. "Disable user". */
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: (done: () => void) => void;
  onCancel?: () => void;
  testId: string;
  danger?: boolean;
}

/** An action that cannot be taken back asks once more, in a small dialog, before it runs. */
export function ConfirmAction(props: ConfirmActionProps) {
  const { label, question, confirmLabel, pending, error, onConfirm, onCancel, testId, danger = true } = props;
  const [confirming, setConfirming] = useState(false);
  const cancel = () => {
    onCancel?.();
    setConfirming(false);
  };
  return (
    <>
      <button type="button" onClick={() => setConfirming(true)} data-testid={testId}>
        {label}
      </button>
      {confirming && (
        <Dialog title={label} testId={`${testId}-confirmation`} onClose={cancel} size="small">
          <p>{question}</p>
          {error != null && <ErrorState title={`${label}: not done`} error={error} />}
          <div className="dialog-actions">
            <button type="button" onClick={cancel} disabled={pending} data-testid={`${testId}-cancel`}>
              Cancel
            </button>
            <button
              type="button"
              className={danger ? 'danger' : 'primary'}
              disabled={pending}
              autoFocus
              onClick={() => onConfirm(() => setConfirming(false))}
              data-testid={`${testId}-confirm`}
            >
              {pending ? 'Working…' : confirmLabel}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
