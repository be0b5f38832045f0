import { webhookSignature } from './webhook-signature';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookOutcome {
  ok: boolean;
  status: number | null;
  /** Why it failed, in words (null when it went). */
  error: string | null;
}

/** POSTs the JSON body, signed, and says how the receiver answered; never throws. Redirects are not followed. */
export async function postWebhook(url: string, secret: string, body: string): Promise<WebhookOutcome> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'OrderHub-Webhook/1',
        'x-orderhub-timestamp': timestamp,
        'x-orderhub-signature': webhookSignature(secret, timestamp, body),
      },
      body,
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return {
        ok: false,
        status: null,
        error: `The webhook did not answer within ${WEBHOOK_TIMEOUT_MS / 1000} seconds.`,
      };
    const cause = e.cause?.code ?? e.cause?.message ?? e.message;
    return { ok: false, status: null, error: `The webhook could not be reached (${cause}).` };
  }
  const text = await res.text().catch(() => '');
  if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
  const said = text.trim().replace(/\s+/g, ' ').slice(0, 300);
  return {
    ok: false,
    status: res.status,
    error: `The webhook answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${said ? `: ${said}` : ''}.`,
  };
}
