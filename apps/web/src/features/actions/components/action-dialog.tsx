import { useEffect, useRef, type ReactNode } from 'react';

interface ActionDialogProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

/** A modal panel over the page; it takes the focus to its first field when it opens, and Escape closes it. */
export function ActionDialog({ title, testId, onClose, children }: ActionDialogProps) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const first = panel.current?.querySelector<HTMLElement>('[autofocus], input, select, textarea');
    (first ?? panel.current)?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <section
        ref={panel}
        tabIndex={-1}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
      >
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
