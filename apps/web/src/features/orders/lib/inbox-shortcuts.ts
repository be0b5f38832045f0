import { useEffect, useRef } from 'react';

/** The inbox's keys, as the `?` help lists them. */
export const INBOX_SHORTCUTS = [
  { keys: ['/'], what: 'Search orders' },
  { keys: ['j'], what: 'Next order' },
  { keys: ['k'], what: 'Previous order' },
  { keys: ['Enter'], what: 'Open the order' },
  { keys: ['x'], what: 'Select or unselect the order' },
  { keys: ['a'], what: 'Acknowledge the selected orders (or the one you are on)' },
  { keys: ['s'], what: 'Ship the order you are on' },
  { keys: ['?'], what: 'Show these shortcuts' },
] as const;

export type InboxShortcut = 'search' | 'next' | 'previous' | 'open' | 'toggle' | 'acknowledge' | 'ship' | 'help';

const KEYS: Record<string, InboxShortcut> = {
  '/': 'search',
  j: 'next',
  k: 'previous',
  Enter: 'open',
  x: 'toggle',
  a: 'acknowledge',
  s: 'ship',
  '?': 'help',
};

/** Whether a key press belongs to what the person is typing or to an open dialog, not to the inbox. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('[role="dialog"], [role="alertdialog"]')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button';
}

/** The shortcut a key press asks for, or null when it is not one of ours or should not fire. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>) {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  // Enter on a link or button is that control's own action.
  if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('a, button')) return null;
  return KEYS[event.key] ?? null;
}

/** Calls `onShortcut` for the inbox's keys pressed anywhere on the page outside fields and dialogs. */
export function useInboxShortcuts(onShortcut: (shortcut: InboxShortcut) => void, enabled: boolean) {
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (!shortcut) return;
      // Nothing opens while a dialog is up (its own keys win).
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      handler.current(shortcut);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
