import { refundCallsOf, returnSteps } from './return-timeline';
import { returnOf } from '../test/return-fixtures';
import { returnNotes } from './return-notes';

test("a return's steps in order: asked, came back, refunded in part by the seller or whole by the channel", () => {
  const base = { channel: 'WALMART' as const, requestedAt: '2026-11-27T18:00:00.000Z' };
  expect(
    returnSteps({
      ...base,
      status: 'RECEIVED',
      receivedAt: '2026-11-30T18:00:00.000Z',
      refundedAt: '2026-12-01T09:00:00.000Z',
      refundedBy: 'SELLER',
    }).map((step) => step.text),
  ).toEqual(['The buyer asked to return it', 'The item came back', 'Refunded by you, in part']);
  expect(
    returnSteps({
      ...base,
      status: 'REFUNDED',
      receivedAt: '2026-11-30T18:00:00.000Z',
      refundedAt: '2026-12-02T18:00:00.000Z',
      refundedBy: 'CHANNEL',
    }).at(-1)!.text,
  ).toBe('Refunded by Walmart itself');
  expect(returnSteps({ ...base, status: 'REQUESTED' })).toHaveLength(1);
});

test("a return's refund calls are the order's refund rows whose payload names it", () => {
  const entries = [
    { id: 'a', operation: 'RETURN_REFUND', payload: { returnId: 'ret-1' } },
    { id: 'b', operation: 'REFUND', payload: { returnId: 'ret-2' } },
    { id: 'c', operation: 'SHIP', payload: { returnId: 'ret-1' } },
    { id: 'd', operation: 'REFUND', payload: null },
  ];
  expect(refundCallsOf(entries, 'ret-1').map((entry) => entry.id)).toEqual(['a']);
});

test("the order's timeline tells each return's steps with its RMA and reasons", () => {
  expect(returnNotes([returnOf({ refundedAt: null })]).map((note) => [note.id, note.at, note.text])).toEqual([
    ['ret-1:requested', '2026-11-27T18:00:00.000Z', 'Return 77001122 (Damaged): The buyer asked to return it'],
    ['ret-1:received', '2026-11-30T18:00:00.000Z', 'Return 77001122 (Damaged): The item came back'],
  ]);
});
