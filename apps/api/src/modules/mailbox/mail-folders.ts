import type { MailFolderRole } from '@order-hub/types';
import type { MailboxFolders } from './mailbox.entity';

/** A folder as the server lists it. */
export interface ListedFolder {
  path: string;
  specialUse?: string;
  flags?: Set<string>;
}

/** Names servers give these folders when they set no special-use flag, most usual first. */
const JUNK_NAMES = ['junk', 'spam', 'junk e-mail', 'junk email', 'bulk mail'];
const SENT_NAMES = ['sent', 'sent items', 'sent mail', 'sent messages'];

function byRole(folders: readonly ListedFolder[], flag: string, names: readonly string[]): string | null {
  const flagged = folders.find((f) => f.specialUse === flag || f.flags?.has(flag));
  if (flagged) return flagged.path;
  const leaf = (p: string) => p.split(/[/.]/).at(-1)!.toLowerCase();
  for (const name of names) {
    const found = folders.find((f) => leaf(f.path) === name);
    if (found) return found.path;
  }
  return null;
}

/**
 * The folders the hub reads: INBOX, the junk folder and the sent folder, found by their IMAP special-use flags
 * (\Junk, \Sent), else by the names servers commonly give them; the seller's own choice wins. A chosen folder the
 * server does not have is an error naming the field.
 */
export function resolveFolders(
  listed: readonly ListedFolder[],
  chosen: { junkFolder?: string | null; sentFolder?: string | null },
): { folders: MailboxFolders } | { field: 'junkFolder' | 'sentFolder'; message: string } {
  const paths = new Set(listed.map((f) => f.path));
  for (const field of ['junkFolder', 'sentFolder'] as const) {
    const name = chosen[field];
    if (name && !paths.has(name))
      return {
        field,
        message: `the mailbox has no folder named "${name}" (it has ${[...paths].slice(0, 12).join(', ')})`,
      };
  }
  return {
    folders: {
      inbox: 'INBOX',
      junk: chosen.junkFolder || byRole(listed, '\\Junk', JUNK_NAMES),
      sent: chosen.sentFolder || byRole(listed, '\\Sent', SENT_NAMES),
    },
  };
}

/** The folders to read with their role, INBOX first. */
export function foldersToRead(folders: MailboxFolders): { path: string; role: MailFolderRole }[] {
  const out: { path: string; role: MailFolderRole }[] = [{ path: folders.inbox, role: 'INBOX' }];
  if (folders.junk && folders.junk !== folders.inbox) out.push({ path: folders.junk, role: 'JUNK' });
  if (folders.sent && !out.some((f) => f.path === folders.sent)) out.push({ path: folders.sent, role: 'SENT' });
  return out;
}
