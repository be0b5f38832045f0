/** Reason the sandbox records on lines Walmart cancels itself at ship date + 4 days (Walmart's exact string is not documented). */
export const AUTO_CANCEL_REASON = 'SELLER_CANCEL_AUTO_CANCEL';

export const AUTO_CANCEL_GRACE_MS = 4 * 24 * 3600 * 1000;
export const TRACKING_EDIT_WINDOW_MS = 4 * 3600 * 1000;
