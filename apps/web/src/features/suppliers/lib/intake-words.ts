import type { IntakeStatus, IntakeVia, PurchaseOrderStatus } from '@order-hub/types';

export const INTAKE_VIA_WORDS: Record<IntakeVia, string> = {
  MAIL: 'E-mail from the supplier',
  LINK: 'Supplier link',
  CSV: 'CSV upload',
  CONSOLE: 'Console',
};

export const INTAKE_STATUS_WORDS: Record<IntakeStatus, string> = {
  APPLIED: 'Applied',
  HELD: 'Held for review',
  REFUSED: 'Refused',
  DISMISSED: 'Dismissed',
};

export const PO_STATUS_WORDS: Record<PurchaseOrderStatus, string> = {
  SENT: 'Sent, waiting for tracking',
  TRACKING_RECEIVED: 'Tracking received',
  CANCELLED: 'Cancelled',
};

export interface IntakeReasonLike {
  message: string;
  severity?: string | null;
}

/** A held row's reasons as one sentence list: the rules' and the intake's own words, blocks first. */
export function reasonsInWords(reasons: readonly IntakeReasonLike[]): string[] {
  const rank = (severity: string | null | undefined) => (severity === 'BLOCK' ? 0 : 1);
  const seen = new Set<string>();
  return [...reasons]
    .sort((a, b) => rank(a.severity) - rank(b.severity))
    .map((reason) => reason.message.trim())
    .filter((message) => message !== '' && !seen.has(message) && Boolean(seen.add(message)));
}
