import { checkRequest, findOperation, officialExamples } from '@order-hub/contracts';
import type { ReturnRefundPayload } from '@order-hub/types';
import { ChannelError } from 'src/modules/channels/channel-error';
import { walmartReturnReadBack } from './walmart-return-read-back';
import type { WalmartReturnOrder } from './walmart-return.types';
import { walmartReturnRefundBody } from './walmart-write-requests';

const payload = (lines: ReturnRefundPayload['lines']): ReturnRefundPayload => ({
  returnId: '7d3c0e0e-0000-4000-8000-000000000001',
  channelReturnId: 'RMA-1',
  customerOrderId: 'C-1',
  channelOrderId: 'PO-1',
  lines,
});

const walmartCopy = (
  ...lines: { n: number; refundedQty?: number; buckets?: { refund: string; units: number }[] }[]
): WalmartReturnOrder => ({
  returnOrderId: 'RMA-1',
  returnOrderLines: lines.map((l) => ({
    returnOrderLineNumber: l.n,
    quantity: { measurementValue: 2, unitOfMeasure: 'EACH' },
    refundedQty: l.refundedQty,
    currentTrackingStatuses: (l.buckets ?? []).map((b) => ({
      status: 'COMPLETED',
      currentRefundStatus: b.refund,
      quantity: { measurementValue: b.units, unitOfMeasure: 'EACH' },
    })),
  })),
});

describe('Walmart return refund read-back', () => {
  const oneUnit = payload([{ returnLineNumber: '1', quantity: 1, refundedAfter: 1 }]);

  it('is applied when every line shows refundedQty up to refundedAfter', () => {
    expect(walmartReturnReadBack(oneUnit, walmartCopy({ n: 1, refundedQty: 1 }))).toEqual({ state: 'APPLIED' });
    expect(walmartReturnReadBack(oneUnit, walmartCopy({ n: 1, refundedQty: 2 }))).toEqual({ state: 'APPLIED' });
    // Without refundedQty, the REFUND_COMPLETED buckets count.
    expect(
      walmartReturnReadBack(oneUnit, walmartCopy({ n: 1, buckets: [{ refund: 'REFUND_COMPLETED', units: 1 }] })),
    ).toEqual({ state: 'APPLIED' });
  });

  it('is not applied with fewer units, a missing line or a missing return, and says which', () => {
    const two = payload([
      { returnLineNumber: '1', quantity: 1, refundedAfter: 1 },
      { returnLineNumber: '2', quantity: 2, refundedAfter: 2 },
    ]);
    expect(walmartReturnReadBack(two, walmartCopy({ n: 1, refundedQty: 1 }, { n: 2, refundedQty: 1 }))).toEqual({
      state: 'NOT_APPLIED',
      detail: 'return line 2: 1 of 2 unit(s) refunded',
    });
    expect(walmartReturnReadBack(two, walmartCopy({ n: 1, refundedQty: 1 }))).toEqual({
      state: 'NOT_APPLIED',
      detail: 'return RMA-1 has no line 2',
    });
    expect(walmartReturnReadBack(two, null)).toEqual({
      state: 'NOT_APPLIED',
      detail: 'Walmart lists no return RMA-1',
    });
  });

  it('is in progress while Walmart has started the refund of the missing units, so it is not sent twice', () => {
    expect(
      walmartReturnReadBack(
        oneUnit,
        walmartCopy({ n: 1, refundedQty: 0, buckets: [{ refund: 'REFUND_INITIATED', units: 1 }] }),
      ),
    ).toMatchObject({ state: 'IN_PROGRESS' });
  });
});

describe('Walmart return refund request', () => {
  it("builds the model's RefundRequest: integer line numbers, units in EA, no reason", () => {
    const body = walmartReturnRefundBody(
      payload([
        { returnLineNumber: '1', quantity: 2, refundedAfter: 2 },
        { returnLineNumber: '3', quantity: 1, refundedAfter: 1 },
      ]),
    );
    expect(body).toEqual({
      customerOrderId: 'C-1',
      refundLines: [
        { returnOrderLineNumber: 1, quantity: { unitOfMeasure: 'EA', measurementValue: 2 } },
        { returnOrderLineNumber: 3, quantity: { unitOfMeasure: 'EA', measurementValue: 1 } },
      ],
    });
    const op = findOperation('walmart', 'POST', '/v3/returns/RMA-1/refund')!;
    expect(op.operationId).toBe('issueRefund');
    expect(checkRequest(op, { body, query: {}, headers: {} }).filter((v) => !v.field.startsWith('header.'))).toEqual(
      [],
    );
    // Same shape as Walmart's own example request.
    const [official] = officialExamples({ api: 'walmart', operationId: 'issueRefund', kind: 'request' });
    expect(Object.keys(body).sort()).toEqual(Object.keys(official.body as object).sort());
  });

  it('refuses a line number that is not Walmart’s whole number, or a quantity below one, naming the field', () => {
    const bad = (l: ReturnRefundPayload['lines'][number]) => () => walmartReturnRefundBody(payload([l]));
    expect(bad({ returnLineNumber: 'A1', quantity: 1, refundedAfter: 1 })).toThrow(
      new ChannelError(
        'WALMART',
        'INVALID_REQUEST',
        `lines[0].returnLineNumber must be Walmart's whole return line number (got "A1")`,
      ),
    );
    expect(bad({ returnLineNumber: '1', quantity: 0, refundedAfter: 0 })).toThrow(
      'lines[0].quantity must be a whole number of units, 1 or more (got 0)',
    );
  });
});
