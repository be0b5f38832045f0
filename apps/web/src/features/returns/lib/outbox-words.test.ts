import { refundCallWords } from './outbox-words';

test("a refund's channel call in words: waiting, sent, taken, refused with the channel's own sentence", () => {
  expect(refundCallWords('WALMART', { status: 'PENDING', attempts: 0 })).toEqual({
    text: 'Waiting to be sent to Walmart.',
    tone: 'pending',
  });
  expect(refundCallWords('AMAZON', { status: 'PENDING', attempts: 1 }).text).toBe(
    'Sent; waiting for Amazon to confirm.',
  );
  expect(refundCallWords('WALMART', { status: 'DELIVERED', attempts: 1 })).toEqual({
    text: 'Walmart took the refund.',
    tone: 'ok',
  });
  expect(
    refundCallWords('AMAZON', {
      status: 'FAILED',
      attempts: 2,
      refusal: 'AMAZON feeds.POST_PAYMENT_ADJUSTMENT_DATA 200 REJECTED: x :: Item 4000 refund exceeds the amount paid',
    }),
  ).toEqual({ text: 'Amazon refused the refund: Item 4000 refund exceeds the amount paid', tone: 'bad' });
  expect(
    refundCallWords('WALMART', { status: 'FAILED', attempts: 1, refusal: null, lastError: 'Cannot reach Walmart' }),
  ).toEqual({ text: 'Not sent yet (will retry): Cannot reach Walmart', tone: 'pending' });
});
