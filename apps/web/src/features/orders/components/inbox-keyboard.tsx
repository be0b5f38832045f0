import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { useAcknowledgeOrders } from '@/features/actions/api/actions.hooks';
import type { OrderRow } from '@/features/shared/api/orders.graphql';
import { useInboxShortcuts, type InboxShortcut } from '../lib/inbox-shortcuts';
import { InboxShip } from './inbox-ship';
import { ShortcutsHelp } from './shortcuts-help';

interface InboxKeyboardProps {
  rows: readonly OrderRow[];
  /** The row the keyboard is on, or -1. */
  focused: number;
  selected: readonly OrderRow[];
  onFocus: (index: number) => void;
  onToggle: (id: string) => void;
  onOpen: (index: number) => void;
}

/** The inbox's keys (`?` lists them), and what `a` and `s` open or report. */
export function InboxKeyboard({ rows, focused, selected, onFocus, onToggle, onOpen }: InboxKeyboardProps) {
  const [help, setHelp] = useState(false);
  const [shipping, setShipping] = useState<string | null>(null);
  const [shipped, setShipped] = useState<string | null>(null);
  const acknowledge = useAcknowledgeOrders();
  const current = focused >= 0 ? rows[focused] : undefined;

  const run = (shortcut: InboxShortcut) => {
    switch (shortcut) {
      case 'search':
        document.querySelector<HTMLInputElement>('[data-testid="search-box"]')?.focus();
        return;
      case 'next':
        if (rows.length > 0) onFocus(Math.min(rows.length - 1, focused + 1));
        return;
      case 'previous':
        if (rows.length > 0) onFocus(Math.max(0, focused - 1));
        return;
      case 'open':
        if (current) onOpen(focused);
        return;
      case 'toggle':
        if (current) onToggle(current.id);
        return;
      case 'acknowledge': {
        const targets = selected.length > 0 ? selected : current ? [current] : [];
        if (targets.length > 0) acknowledge.mutate(targets.map((row) => row.id));
        return;
      }
      case 'ship':
        if (current) {
          setShipped(null);
          setShipping(current.id);
        }
        return;
      case 'help':
        setHelp(true);
        return;
    }
  };
  useInboxShortcuts(run, !help && shipping === null);

  const results = acknowledge.data?.acknowledgeOrders ?? [];
  const done = results.filter((result) => result.outcome !== 'REFUSED').length;
  const refused = results.filter((result) => result.outcome === 'REFUSED');
  return (
    <>
      <p className="keyboard-hint muted">
        <button type="button" className="link" onClick={() => setHelp(true)} data-testid="shortcuts-button">
          Keyboard shortcuts (?)
        </button>
      </p>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {shipping && (
        <InboxShip
          orderId={shipping}
          onClose={() => setShipping(null)}
          onDone={(outcome) => setShipped(outcome.title)}
        />
      )}
      {shipped && (
        <p className="notice" role="status" data-testid="inbox-ship-outcome">
          {shipped}
        </p>
      )}
      {acknowledge.isError && <ErrorState title="Not acknowledged" error={acknowledge.error} />}
      {results.length > 0 && (
        <p className="notice" role="status" data-testid="shortcut-acknowledge-outcome">
          {done > 0 && `Acknowledged ${done} order${done === 1 ? '' : 's'}. `}
          {refused.map((result) => result.message ?? 'Refused.').join(' ')}
        </p>
      )}
    </>
  );
}
