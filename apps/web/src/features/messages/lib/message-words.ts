import type { BuyerMessageState, MailFolderRole, MailKind, MailOutcome } from '@order-hub/types';

/** A number of hours as people say it: minutes under an hour, whole hours under two days, else days. */
export function hoursInWords(hours: number): string {
  const distance = Math.abs(hours);
  if (distance < 1) return `${Math.max(1, Math.round(distance * 60))} min`;
  if (distance < 48) return `${Math.floor(distance)} h`;
  const days = Math.floor(distance / 24);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** The clock of a buyer message in words: "answer within 11 h", "overdue by 3 h", "answered". */
export function clockWords(clock: { state: BuyerMessageState; hoursLeft?: number | null }): string {
  if (clock.state === 'ANSWERED' || clock.hoursLeft == null) return 'answered';
  if (clock.state === 'OVERDUE' || clock.hoursLeft < 0) return `overdue by ${hoursInWords(clock.hoursLeft)}`;
  return `answer within ${hoursInWords(clock.hoursLeft)}`;
}

/** The colour a clock reads in: red overdue, amber due soon, plain while open, grey once answered. */
export function clockTone(state: BuyerMessageState): 'bad' | 'warn' | 'ok' | 'muted' {
  if (state === 'OVERDUE') return 'bad';
  if (state === 'DUE_SOON') return 'warn';
  if (state === 'OPEN') return 'ok';
  return 'muted';
}

/** Who marked a message answered, in words: the reply seen in Sent, or the person. */
export function answeredByWords(answeredBy: string | null | undefined): string | null {
  if (!answeredBy) return null;
  if (answeredBy.startsWith('mail:')) return 'your reply seen in Sent';
  return answeredBy.replace(/^user:/, '');
}

const KIND_WORDS: Record<MailKind, string> = {
  SUPPLIER_TRACKING: 'Supplier tracking',
  BUYER_MESSAGE: 'Buyer message',
  PERFORMANCE_ALERT: 'Performance e-mail',
  SELLER_REPLY: 'Your reply',
  OTHER: 'Other mail',
};

const OUTCOME_WORDS: Record<MailOutcome, string> = {
  APPLIED: 'Applied',
  HELD: 'Held for review',
  RECORDED: 'Recorded',
  IGNORED: 'Not for the hub',
  FAILED: 'Failed, read again next time',
};

const FOLDER_WORDS: Record<MailFolderRole, string> = {
  INBOX: 'Inbox',
  JUNK: 'Junk',
  SENT: 'Sent',
  OTHER: 'Other folder',
};

export const mailKindWords = (kind: MailKind): string => KIND_WORDS[kind] ?? 'Other mail';
export const mailOutcomeWords = (outcome: MailOutcome): string => OUTCOME_WORDS[outcome] ?? 'Recorded';
export const folderWords = (role: MailFolderRole): string => FOLDER_WORDS[role] ?? 'Other folder';

/** The kinds the Mail read tab filters by, in the order people look for them. */
export const MAIL_KINDS: readonly MailKind[] = [
  'SUPPLIER_TRACKING',
  'BUYER_MESSAGE',
  'PERFORMANCE_ALERT',
  'SELLER_REPLY',
  'OTHER',
];
export const MAIL_OUTCOMES: readonly MailOutcome[] = ['APPLIED', 'HELD', 'RECORDED', 'IGNORED', 'FAILED'];

/** "3 tracking numbers found: 1Z…, 9400…" style lines of what the hub found in a message. */
export function findingsWords(mail: {
  trackingNumbers: readonly string[];
  orderNumbers: readonly string[];
  reasons: readonly string[];
}): string[] {
  const lines: string[] = [];
  if (mail.orderNumbers.length > 0)
    lines.push(`Order ${mail.orderNumbers.length === 1 ? 'number' : 'numbers'} found: ${mail.orderNumbers.join(', ')}`);
  if (mail.trackingNumbers.length > 0)
    lines.push(
      `Tracking ${mail.trackingNumbers.length === 1 ? 'number' : 'numbers'} found: ${mail.trackingNumbers.join(', ')}`,
    );
  lines.push(...mail.reasons);
  return lines;
}
