import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Dialog as AriaDialog, Button, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface DialogProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  /** small: a question or a short form; wide (default): tables of lines. */
  size?: 'small' | 'wide';
}

const FIRST_FIELD = '[autofocus], input:not([type="hidden"]), select, textarea';

/**
 * The one modal dialog of the console, on React Aria: focus moves to the first field when it opens, stays inside
 * while it is open, Escape closes it, and the focus goes back to the button that opened it. A click on the backdrop
 * does not close it, so nothing typed is lost by a stray click.
 */
export function Dialog({ title, testId, onClose, children, size = 'wide' }: DialogProps) {
  return (
    <ModalOverlay isOpen isDismissable={false} onOpenChange={(open) => !open && onClose()} className="dialog-backdrop">
      <Modal className={`dialog-modal dialog-${size}`}>
        <AriaDialog className="dialog" data-testid={testId}>
          <header className="dialog-header">
            <Heading slot="title">{title}</Heading>
            <Button slot="close" className="link dialog-close" aria-label={`Close ${title}`} data-testid="dialog-close">
              ×
            </Button>
          </header>
          <FocusFirstField>{children}</FocusFirstField>
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Runs before React Aria's own focus of the dialog element, which then leaves a focused field alone. */
function FocusFirstField({ children }: { children: ReactNode }) {
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    body.current?.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
  }, []);
  return (
    <div ref={body} className="dialog-body">
      {children}
    </div>
  );
}

/**
 * For a dialog with a confirmation step: going Back removes the focused Back button, which would leave the focus on
 * the page behind the dialog (where Escape and Tab no longer reach the dialog). The returned ref goes on the button
 * that opened the step, and the focus returns to it.
 */
export function useFocusOnStepBack(confirming: boolean): RefObject<HTMLButtonElement | null> {
  const stepButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(confirming);
  useLayoutEffect(() => {
    if (wasConfirming.current && !confirming) stepButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return stepButton;
}
