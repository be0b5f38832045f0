import { newWebhookSecret, webhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" under the secret (vector computed with Python hmac)', () => {
    expect(webhookSignature('whsec_test', '1764820800', '{"id":"d1","type":"alert.opened"}')).toBe(
      'v1=c2d0d2e9192f2904616b84f932eab74ab9e0d509283582e5d90aef6c7934a16e',
    );
  });

  it('changes with the timestamp, so a replayed body under a new timestamp does not verify', () => {
    const body = '{"id":"d1"}';
    expect(webhookSignature('s', '1', body)).not.toBe(webhookSignature('s', '2', body));
  });

  it('issues a fresh 256-bit secret each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
