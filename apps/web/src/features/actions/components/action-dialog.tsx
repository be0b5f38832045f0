import type { ReactNode } from 'react';

interface ActionDialogProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

/** A modal panel over the page; Escape closes it. */
export function ActionDialog({ title, testId, onClose, children }: ActionDialogProps) {
  return (
    <div className="dialog-backdrop" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <section className="dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="link" onClick={onClose} aria-label="Close" data-testid="dialog-close">
            ×
          </button>
        </header>
        {children}
      </section>
    </div>
  );
}
