import { Dialog } from '@/components/dialog';
import { INBOX_SHORTCUTS } from '../lib/inbox-shortcuts';

/** The `?` dialog: every inbox key and what it does. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" testId="shortcuts-help" onClose={onClose} size="small">
      <dl className="shortcuts">
        {INBOX_SHORTCUTS.map(({ keys, what }) => (
          <div key={what} className="shortcut">
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Shortcuts wait while you type in a field.</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="shortcuts-close" autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
