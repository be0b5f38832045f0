import { Injectable } from '@nestjs/common';
import { channelProfile, policyFor, validateRefund } from '@order-hub/rules';
import type { RefundPayload, Violation } from '@order-hub/types';
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

export interface RefundLinesRequest {
  orderId: string;
  lines: { lineNumber: string; amountCents: number; reason: string; isFullRefund?: boolean | null }[];
  comments?: string | null;
  expectedVersion?: number | null;
}

interface LineMoney {
  chargeCents: number | undefined;
  refundedCents: number;
  productRefundedCents: number;
}

export interface RefundResult {
  orderId: string;
  warnings: Violation[];
  outbox: OutboxEntity;
}

/**
 * Walmart refunds: shipped lines only, never above what the line was charged (earlier refunds and refunds
 * still on their way included), full and partial lines never mixed in one request.
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

    const recorded = async (em: EntityManager, target: ActionableOrder) => {
      const payload: RefundPayload = {
        channelOrderId: target.order.channelOrderId,
        comments: request.comments ?? null,
        lines: request.lines.map((l) => {
          const line = target.lines.find((o) => o.lineNumber === l.lineNumber)!;
          const productRefunded = money.get(l.lineNumber)?.productRefundedCents ?? 0;
          if (l.isFullRefund) line.quantityRefunded = line.quantityShipped;
          else if (line.unitPriceCents > 0)
            line.quantityRefunded = Math.min(
              line.quantityShipped,
              Math.floor((productRefunded + l.amountCents) / line.unitPriceCents),
            );
          return {
            lineNumber: l.lineNumber,
            amountCents: l.amountCents,
            reason: l.reason,
            isFullRefund: l.isFullRefund ?? false,
            refundedAfterCents: productRefunded + l.amountCents,
          };
        }),
      };
      const added = await this.outbox.add(em, {
        accountId: target.order.accountId,
        orderId: target.order.id,
        operation: 'REFUND',
        payload,
        idempotencyKey: key,
        actor,
      });
      const status = await this.actionable.commit(em, target, version);
      await this.audit.record(em, {
        actor,
        action: 'order.lines_refunded',
        entityType: 'order',
        entityId: target.order.id,
        orderId: target.order.id,
        after: { status, lines: payload.lines, outbox: added.id },
      });
      return added;
    };
    const result = await this.replays.guard(
      key,
      () =>
        this.tx.run(async (em) => {
          const target = await this.actionable.load(em, request.orderId, 'input.orderId', true);
          const raced = await this.replays.find(key, em);
          if (raced) return { row: replay(raced).outbox, replayed: true };
          this.actionable.expectVersion(target, version);
          return { row: await recorded(em, target), replayed: false };
        }),
      (rows) => ({ row: replay(rows).outbox, replayed: true }),
    );
    if (result.replayed) return { orderId: request.orderId, warnings: [], outbox: result.row };
    const row = result.row;
    await this.outbox.kick([row]);
    return { orderId: request.orderId, warnings: violations, outbox: row };
  }

  /** The refund rules over Walmart's copy of the order; `exceptOutboxId` leaves a refused refund being resent out of what is in flight. */
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
    money: Awaited<ReturnType<RefundService['lineMoney']>>,
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

  /**
   * What each line was charged and has been refunded, from the channel's copy of the order (as the last import stored
   * it) plus refunds the hub has queued but the channel does not show yet. A charge the channel did not give is left
   * unknown.
   */
  private async lineMoney(target: ActionableOrder, exceptOutboxId?: string): Promise<Map<string, LineMoney>> {
    // A refund the channel refused (the row keeps what it took back) is not on its way until it is resent.
    const pending = (await this.outboxRows.findOpenRefunds(target.order.id)).filter(
      (row) => row.id !== exceptOutboxId && !row.reverted,
    );
    const queued = new Map<string, number>();
    for (const row of pending)
      for (const l of (row.payload as RefundPayload).lines)
        queued.set(l.lineNumber, (queued.get(l.lineNumber) ?? 0) + l.amountCents);
    const money = new Map<string, LineMoney>();
    for (const line of target.lines) {
      const inFlight = queued.get(line.lineNumber) ?? 0;
      money.set(line.lineNumber, {
        chargeCents: line.chargeCents ?? undefined,
        refundedCents: line.refundedCents + inFlight,
        productRefundedCents: line.productRefundedCents + inFlight,
      });
    }
    return money;
  }
}
