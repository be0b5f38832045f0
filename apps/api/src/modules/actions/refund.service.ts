import { Injectable } from '@nestjs/common';
import { channelProfile, policyFor, validateRefund } from '@order-hub/rules';
import type { OrderStatus, RefundPayload, Violation } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { ConflictError, RuleViolationError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxRepository } from 'src/modules/outbox/outbox.repository';
import { OutboxService } from 'src/modules/outbox/outbox.service';
import { ActionReplays, requestDigest } from './action-replay';
import { snapshot } from './cancel.service';
import { ActionableOrders, type ActionableOrder } from './order-action.support';
import { refundedProductCents } from 'src/modules/outbox/outbox-hub-change';
import { orderLineMoney, type LineMoney } from './order-refund-money';

export interface RefundLinesRequest {
  orderId: string;
  lines: { lineNumber: string; amountCents: number; reason: string; isFullRefund?: boolean | null }[];
  comments?: string | null;
  expectedVersion?: number | null;
}

/** One line of an order refund as the hub queues it: an amount, or units with their item and tax parts (a return). */
export type OrderRefundLine = RefundLinesRequest['lines'][number] &
  Partial<Pick<RefundPayload['lines'][number], 'quantity' | 'components'>>;

export interface RefundResult {
  orderId: string;
  warnings: Violation[];
  outbox: OutboxEntity;
}

/**
 * Order refunds (Walmart's order refund, Amazon's order adjustment feed): shipped lines only, never above what the
 * line was charged (earlier refunds and refunds still on their way included), with a reason the channel takes.
 */
@Injectable()
export class RefundService {
  constructor(
    private readonly tx: Transactions,
    private readonly actionable: ActionableOrders,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly replays: ActionReplays,
  ) {}

  async refundLines(request: RefundLinesRequest, actor: string): Promise<RefundResult> {
    // The same request again (a retry after a lost response) answers what the first recorded, before any rule:
    // a refund is never sent twice. The same amount refunded again on purpose is a request at a newer version.
    const key = `refund:${request.orderId}:${requestDigest(request)}`;
    const replay = (rows: OutboxEntity[]): RefundResult => ({
      orderId: request.orderId,
      warnings: [],
      outbox: rows.find((r) => r.idempotencyKey === key) ?? rows[0],
    });
    const first = await this.replays.find(key);
    if (first) return replay(first);
    const seen = await this.tx.run((em) => this.actionable.load(em, request.orderId));
    const { refunds } = channelProfile(seen.order.channel);
    if (!refunds.throughApi) throw new ConflictError(refunds.reason);
    this.actionable.expectVersion(seen, request.expectedVersion);
    const version = request.expectedVersion ?? seen.order.version;
    const money = await this.lineMoney(seen);
    const violations = this.check(seen, request.lines, money).map((v) => ({ ...v, field: `input.${v.field}` }));
    if (violations.some((v) => v.severity === 'BLOCK')) throw new RuleViolationError(violations);

    const result = await this.replays.guard(
      key,
      () =>
        this.tx.run(async (em) => {
          const target = await this.actionable.load(em, request.orderId, 'input.orderId', true);
          const raced = await this.replays.find(key, em);
          if (raced) return { row: replay(raced).outbox, replayed: true };
          this.actionable.expectVersion(target, version);
          const recorded = await this.record(em, target, version, request.lines, money, {
            key,
            actor,
            comments: request.comments ?? null,
          });
          await this.audit.record(em, {
            actor,
            action: 'order.lines_refunded',
            entityType: 'order',
            entityId: target.order.id,
            orderId: target.order.id,
            after: { status: recorded.status, lines: recorded.payload.lines, outbox: recorded.row.id },
          });
          return { row: recorded.row, replayed: false };
        }),
      (rows) => ({ row: replay(rows).outbox, replayed: true }),
    );
    if (result.replayed) return { orderId: request.orderId, warnings: [], outbox: result.row };
    const row = result.row;
    await this.outbox.kick([row]);
    return { orderId: request.orderId, warnings: violations, outbox: row };
  }

  /**
   * Queues the refund of `lines` on the order `target` (loaded locked in `em`): the outbox row, each line's refunded
   * units raised as the channel will show them, the order committed at `version`. The caller has run the rules
   * with `money` and audits the change.
   */
  async record(
    em: EntityManager,
    target: ActionableOrder,
    version: number,
    lines: readonly OrderRefundLine[],
    money: Map<string, LineMoney>,
    options: { key: string; actor: string; comments: string | null; returnId?: string },
  ): Promise<{ row: OutboxEntity; payload: RefundPayload; status: OrderStatus }> {
    const payload: RefundPayload = {
      channelOrderId: target.order.channelOrderId,
      comments: options.comments,
      lines: lines.map((l) => {
        const line = target.lines.find((o) => o.lineNumber === l.lineNumber)!;
        const refundedAfterCents = (money.get(l.lineNumber)?.productRefundedCents ?? 0) + refundedProductCents(l);
        if (l.isFullRefund) line.quantityRefunded = line.quantityShipped;
        else if (line.unitPriceCents > 0)
          line.quantityRefunded = Math.min(line.quantityShipped, Math.floor(refundedAfterCents / line.unitPriceCents));
        return {
          lineNumber: l.lineNumber,
          amountCents: l.amountCents,
          reason: l.reason,
          isFullRefund: l.isFullRefund ?? false,
          refundedAfterCents,
          ...(l.quantity === undefined ? {} : { quantity: l.quantity }),
          ...(l.components === undefined ? {} : { components: l.components }),
        };
      }),
      ...(options.returnId ? { returnId: options.returnId } : {}),
    };
    const row = await this.outbox.add(em, {
      accountId: target.order.accountId,
      orderId: target.order.id,
      operation: 'REFUND',
      payload,
      idempotencyKey: options.key,
      actor: options.actor,
    });
    const status = await this.actionable.commit(em, target, version);
    return { row, payload, status };
  }

  /** The refund rules over the channel's copy of the order; `exceptOutboxId` leaves a refused refund being resent out of what is in flight. */
  async violations(
    target: ActionableOrder,
    lines: RefundLinesRequest['lines'],
    exceptOutboxId?: string,
  ): Promise<Violation[]> {
    return this.check(target, lines, await this.lineMoney(target, exceptOutboxId));
  }

  private check(
    target: ActionableOrder,
    lines: RefundLinesRequest['lines'],
    money: Map<string, LineMoney>,
  ): Violation[] {
    const order = snapshot(target);
    return validateRefund(
      {
        channel: target.order.channel,
        order: { ...order, lines: order.lines.map((l) => ({ ...l, ...money.get(l.lineNumber) })) },
        lines: lines.map((l) => ({ ...l, isFullRefund: l.isFullRefund ?? false })),
      },
      { policy: policyFor(target.order.channel, target.account.marketplace, new Date()) },
    );
  }

  /** What each line of the order was charged and has been refunded (see `orderLineMoney`). */
  async lineMoney(
    target: ActionableOrder,
    exceptOutboxId?: string,
    em?: EntityManager,
  ): Promise<Map<string, LineMoney>> {
    return orderLineMoney(target.lines, await this.outboxRows.findRefunds(target.order.id, em), exceptOutboxId);
  }
}
