import { OneTimeSecret } from '@/components/one-time-secret';

/** The webhook's signing secret, once, right after the rule is made: the receiver checks X-OrderHub-Signature with it. */
export function WebhookSecretNotice({ secret, onDismiss }: { secret: string; onDismiss: () => void }) {
  return (
    <section className="panel" role="status" data-testid="webhook-secret">
      <h2>The webhook’s signing secret</h2>
      <p>
        Each call carries <code>X-OrderHub-Timestamp</code> and <code>X-OrderHub-Signature: v1=…</code>, the HMAC-SHA256
        of the timestamp, a dot and the body, keyed with this secret. Check it before trusting a call.
      </p>
      <OneTimeSecret
        label="Signing secret"
        value={secret}
        testId="webhook-secret-value"
        hint="Shown this once: copy it to the receiving end now. It cannot be shown again."
      />
      <button type="button" onClick={onDismiss} data-testid="webhook-secret-done">
        I have copied it
      </button>
    </section>
  );
}
