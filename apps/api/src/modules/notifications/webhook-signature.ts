import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret for a rule's webhook: shown once, then kept encrypted. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`: the receiver recomputes it over the raw body and the
 * X-OrderHub-Timestamp header, compares in constant time, and refuses timestamps far from its clock (replays).
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
