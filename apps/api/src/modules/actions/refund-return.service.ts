import { Injectable } from '@nestjs/common';
import { channelProfile, policyFor, validateReturnRefund, violation } from '@order-hub/rules';
import type { RefundPayload, ReturnRefundPayload, Violation } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError, RuleViolationError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxService } from 'src/modules/outbox/outbox.service';
import { ReturnsService } from 'src/modules/returns/returns.service';
import type { StoredReturn } from 'src/modules/returns/stored-return';
import { ActionReplays, requestDigest } from './action-replay';
import { ActionableOrders, type ActionableOrder } from './order-action.support';
import { RefundService, type OrderRefundLine } from './refund.service';
import { orderRefundOfReturnLine, returnRefundInput, type RequestedReturnLine } from './return-refund-lines';
import { UUID } from 'src/common/validation/uuid';

/** Amazon's AdjustmentReason for a refund of returned goods, when the operator names none. */
const DEFAULT_RETURN_REFUND_REASON = 'CustomerReturn';

export interface RefundReturnRequest {
  returnId: string;
  lines: RequestedReturnLine[];
  reason?: string | null;
  expectedVersion?: number | null;
}

export interface RefundReturnResult {
  returnId: string;
  warnings: Violation[];
  outbox: OutboxEntity;
}

/**
 * Refunds a return's units: through the channel's returns API (Walmart, by units) or as an order refund on the
 * order the return belongs to (Amazon's adjustment feed, by amounts proposed from the returned lines). The rules
 * run on the return as it is locked, with the refunds still on their way, before anything is queued; the return
 * records the refund once the channel shows it (ReturnRefundFollower).
 */
@Injectable()
export class RefundReturnService {
  constructor(
    private readonly tx: Transactions,
    private readonly returns: ReturnsService,
    private readonly accounts: ChannelAccountRepository,
    private readonly actionable: ActionableOrders,
    private readonly refunds: RefundService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly replays: ActionReplays,
  ) {}

  async refundReturn(request: RefundReturnRequest, actor: string): Promise<RefundReturnResult> {
    if (!UUID.test(request.returnId))
      throw new BadUserInputError('input.returnId', 'must be an id returned by the API (a UUID).');
    // The same request again (a retry after a lost response) answers what the first recorded, before any rule; the
    // same units refunded again on purpose is a request at the return's newer version, and the rules refuse it.
    const key = `return-refund:${request.returnId}:${requestDigest(request)}`;
    const replay = (rows: OutboxEntity[]): RefundReturnResult => ({
      returnId: request.returnId,
      warnings: [],
      outbox: rows.find((r) => r.idempotencyKey === key) ?? rows[0],
    });
    const first = await this.replays.find(key);
    if (first) return replay(first);
    const seen = await this.returns.findById(request.returnId);
    if (!seen) throw new NotFoundError('Return', request.returnId);
    const orderId = this.orderOf(seen);

    const result = await this.replays.guard(
      key,
      () =>
        this.tx.run(async (em) => {
          // The order first, then the return: the order an outbox delivery locks before it records a refund applied.
          const order = await this.actionable.load(em, orderId, 'input.returnId', true);
          const ret = await this.returns.lockForRefund(em, request.returnId);
          const raced = await this.replays.find(key, em);
          if (raced) return { row: replay(raced).outbox, warnings: [], replayed: true };
          if (request.expectedVersion !== null && request.expectedVersion !== undefined)
            if (request.expectedVersion !== ret.version)
              throw new ConflictError(
                `Return ${ret.channelReturnId} changed while this refund was prepared (version ${request.expectedVersion} is no longer current, it is ${ret.version}); reload it and try again.`,
              );
          const queued = await this.queue(em, ret, order, request, key, actor);
          return { ...queued, replayed: false };
        }),
      (rows) => ({ row: replay(rows).outbox, warnings: [], replayed: true }),
    );
    if (!result.replayed) await this.outbox.kick([result.row]);
    return { returnId: request.returnId, warnings: result.warnings, outbox: result.row };
  }

  /**
   * The return-refund rules again on a refused refund of a return about to be resent (the order refund rules check
   * its amounts): the units may have been refunded another way meanwhile (by the channel itself after its clock).
   */
  async resendViolations(entry: OutboxEntity): Promise<Violation[]> {
    const returnId = (entry.payload as Partial<ReturnRefundPayload | RefundPayload>).returnId;
    if (!returnId) return [];
    const ret = await this.returns.findById(returnId);
    if (!ret) throw new NotFoundError('Return', returnId);
    const requested: RequestedReturnLine[] =
      entry.operation === 'RETURN_REFUND'
        ? (entry.payload as ReturnRefundPayload).lines.map((l) => ({
            returnLineNumber: l.returnLineNumber,
            quantity: l.quantity,
          }))
        : (entry.payload as RefundPayload).lines.flatMap((l) => {
            const line = ret.lines.find((r) => r.orderId === entry.orderId && r.lineNumber === l.lineNumber);
            return line ? [{ returnLineNumber: line.returnLineNumber, quantity: l.quantity ?? 0 }] : [];
          });
    const account = await this.accounts.getById(ret.accountId);
    const inFlight = await this.returns.unitsInFlight(ret);
    return validateReturnRefund(returnRefundInput(ret, inFlight, requested, null, null), {
      policy: policyFor(ret.channel, account.marketplace, new Date()),
    });
  }

  /** The hub's order the refund is queued on: the return's own order, which the hub must hold. */
  private orderOf(ret: StoredReturn): string {
    if (ret.orderId) return ret.orderId;
    throw new ConflictError(
      `Return ${ret.channelReturnId} belongs to order ${ret.channelOrderId}, which the hub has not imported; sync the account's orders, then refund it.`,
    );
  }

  private async queue(
    em: EntityManager,
    ret: StoredReturn,
    order: ActionableOrder,
    request: RefundReturnRequest,
    key: string,
    actor: string,
  ): Promise<{ row: OutboxEntity; warnings: Violation[] }> {
    const account = await this.accounts.getById(ret.accountId, em);
    const policy = policyFor(ret.channel, account.marketplace, new Date());
    const byOrder = channelProfile(ret.channel).returns.refundThrough === 'ORDER_REFUND';
    const inFlight = await this.returns.unitsInFlight(ret, em);
    const money = byOrder ? await this.refunds.lineMoney(order, undefined, em) : null;
    const violations = [
      ...validateReturnRefund(returnRefundInput(ret, inFlight, request.lines, request.reason, money), { policy }),
      ...(byOrder ? this.unrefundableByOrder(ret, request.lines, inFlight) : []),
    ].map((v) => ({ ...v, field: `input.${v.field}` }));
    if (violations.some((v) => v.severity === 'BLOCK')) throw new RuleViolationError(violations);

    let row: OutboxEntity;
    let sent: unknown;
    if (byOrder) {
      const reason = request.reason?.trim() || DEFAULT_RETURN_REFUND_REASON;
      const lines: OrderRefundLine[] = request.lines.map((r) => {
        const line = ret.lines.find((l) => l.returnLineNumber === r.returnLineNumber)!;
        const refund = orderRefundOfReturnLine(
          line,
          inFlight.get(line.returnLineNumber) ?? 0,
          r.quantity,
          r.amountCents,
        );
        return { lineNumber: line.lineNumber!, reason, isFullRefund: false, quantity: r.quantity, ...refund };
      });
      const recorded = await this.refunds.record(em, order, order.order.version, lines, money!, {
        key,
        actor,
        comments: null,
        returnId: ret.id,
      });
      row = recorded.row;
      sent = recorded.payload.lines;
    } else {
      // The returns refund names the buyer's order; a return read without it cannot be refunded this way.
      if (!ret.customerOrderId)
        throw new ConflictError(
          `${channelProfile(ret.channel).label} gave no customer order for return ${ret.channelReturnId}; refresh the account's returns, then refund it.`,
        );
      const payload: ReturnRefundPayload = {
        returnId: ret.id,
        channelReturnId: ret.channelReturnId,
        customerOrderId: ret.customerOrderId,
        channelOrderId: ret.channelOrderId,
        lines: request.lines.map((r) => {
          const line = ret.lines.find((l) => l.returnLineNumber === r.returnLineNumber)!;
          const refundedAfter = line.quantityRefunded + (inFlight.get(line.returnLineNumber) ?? 0) + r.quantity;
          return { returnLineNumber: line.returnLineNumber, quantity: r.quantity, refundedAfter };
        }),
      };
      row = await this.outbox.add(em, {
        accountId: ret.accountId,
        orderId: order.order.id,
        operation: 'RETURN_REFUND',
        payload,
        idempotencyKey: key,
        actor,
      });
      sent = payload.lines;
    }
    await this.audit.record(em, {
      actor,
      action: 'return.refunded',
      entityType: 'return',
      entityId: ret.id,
      orderId: order.order.id,
      after: { channelReturnId: ret.channelReturnId, operation: row.operation, lines: sent, outbox: row.id },
    });
    return { row, warnings: violations };
  }

  /**
   * An order refund names the order line it refunds: a return line the hub could not link to a line of the return's
   * order cannot be refunded that way; nor can one whose price is unknown when no amount is given.
   */
  private unrefundableByOrder(
    ret: StoredReturn,
    requested: readonly RequestedReturnLine[],
    inFlight: Map<string, number>,
  ): Violation[] {
    const found: Violation[] = [];
    requested.forEach((r, i) => {
      const line = ret.lines.find((l) => l.returnLineNumber === r.returnLineNumber);
      if (!line) return;
      if (!line.lineNumber || line.orderId !== ret.orderId) {
        found.push(
          violation(
            'RETURN_REFUND_LINE_NOT_RETURNED',
            `lines[${i}].returnLineNumber`,
            `Line ${line.returnLineNumber} of the return is not linked to a line of order ${ret.channelOrderId}; sync the account's orders and returns, then refund it.`,
          ),
        );
        return;
      }
      if (r.amountCents !== null && r.amountCents !== undefined) return;
      const proposed = orderRefundOfReturnLine(line, inFlight.get(line.returnLineNumber) ?? 0, r.quantity, null);
      if (proposed.amountCents <= 0)
        found.push(
          violation(
            'REFUND_AMOUNT_INVALID',
            `lines[${i}].amountCents`,
            `What the buyer paid for line ${line.returnLineNumber} is not known: give the amount to refund.`,
          ),
        );
    });
    return found;
  }
}
