import { formatDateTime, formatDeadline } from '@/lib/format';

const WARN_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether a token expiring at `expiresAt` deserves a warning now: within 7 days (null: it never expires). */
export function expiresSoon(expiresAt: string | null | undefined, now: number): boolean {
  if (!expiresAt) return false;
  return new Date(expiresAt).getTime() - now <= WARN_WITHIN_MS;
}

/** A banner when the console's token expires within 7 days, so nobody is signed out by surprise. */
export function TokenExpiryWarning({ expiresAt, now }: { expiresAt: string | null | undefined; now: number }) {
  if (!expiresAt || !expiresSoon(expiresAt, now)) return null;
  return (
    <p className="notice bad token-expiry" role="alert" data-testid="token-expiry-warning">
      This API token expires {formatDeadline(expiresAt, now)} ({formatDateTime(expiresAt)}): ask an admin for a new
      token before then, or the console will sign you out.
    </p>
  );
}
