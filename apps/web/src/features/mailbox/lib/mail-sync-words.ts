import { formatRelative, formatZonedDateTime } from '@/lib/format';
import type { MailSyncView } from './mailbox-views';

/** "Read 5 min ago (Dec 2, 13:00 EST)", or that it has not been read yet. */
export function lastReadWords(sync: MailSyncView, timeZone: string | undefined, now: number): string {
  if (!sync.lastSuccessAt) return sync.lastRunAt ? 'Not read successfully yet' : 'Not read yet';
  return `${capitalise(formatRelative(sync.lastSuccessAt, now))} (${formatZonedDateTime(sync.lastSuccessAt, timeZone)})`;
}

/** The next read: "in 2 min", "now" once due. */
export function nextReadWords(sync: MailSyncView, now: number): string | null {
  if (!sync.nextRunAt) return null;
  return new Date(sync.nextRunAt).getTime() <= now ? 'due now' : formatRelative(sync.nextRunAt, now);
}

export function messagesReadWords(count: number): string {
  return count === 1 ? '1 message read' : `${count} messages read`;
}

/** Whether the last read failed after the last good one: the status then shows the error, in words. */
export function isFailing(sync: MailSyncView): boolean {
  if (!sync.lastError) return false;
  if (!sync.lastSuccessAt || !sync.lastRunAt) return true;
  return new Date(sync.lastRunAt).getTime() > new Date(sync.lastSuccessAt).getTime();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
