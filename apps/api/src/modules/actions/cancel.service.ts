import { Injectable } from '@nestjs/common';
import { policyFor, validateCancellation } from '@order-hub/rules';
import type { CancelPayload, Violation } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { RuleViolationError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxService } from 'src/modules/outbox/outbox.service';
import { ActionReplays, requestDigest } from './action-replay';
import { FulfilmentCancellers } from './fulfilment-cancellers';
import { ActionableOrders, type ActionableOrder } from './order-action.support';

export interface CancelLinesRequest {
  orderId: string;
  lines: { lineNumber: string; quantity: number }[];
  reason: string;
  expectedVersion?: number | null;
}

export interface CancelResult {
  orderId: string;
  warnings: Violation[];
  outbox: OutboxEntity[];
}

/**
 * Line cancellations: the channel's current reasons only, never shipped units. Walmart takes at most
 * `maxLinesPerRequest` lines a call, so a bigger cancellation becomes several outbox rows; Amazon cancels
 * whole items through its acknowledgement feed.
 */
@Injectable()
export class CancelService {
  constructor(
    private readonly tx: Transactions,
    private readonly actionable: ActionableOrders,
    private readonly cancellers: FulfilmentCancellers,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly replays: ActionReplays,
  ) {}

  async cancelLines(request: CancelLinesRequest, actor: string): Promise<CancelResult> {
    // The same request again (a retry after a lost response) answers what the first recorded, before any rule.
    const key = `cancel:${request.orderId}:${requestDigest(request)}`;
    const replay = (rows: OutboxEntity[]): CancelResult => ({ orderId: request.orderId, warnings: [], outbox: rows });
    const first = await this.replays.find(key);
    if (first) return replay(first);
    const seen = await this.tx.run((em) => this.actionable.load(em, request.orderId));
    this.actionable.expectVersion(seen, request.expectedVersion);
    const version = request.expectedVersion ?? seen.order.version;
    const policy = policyFor(seen.order.channel, seen.account.marketplace, new Date());
    const violations = cancellationViolations(seen, request.lines, request.reason).map((v) => ({
      ...v,
      field: `input.${v.field}`,
    }));
    if (violations.some((v) => v.severity === 'BLOCK')) throw new RuleViolationError(violations);

    const chunk = policy.maxLinesPerRequest ?? request.lines.length;
    const result = await this.replays.guard(
      key,
      () =>
        this.tx.run(async (em) => {
          const target = await this.actionable.load(em, request.orderId, 'input.orderId', true);
          const raced = await this.replays.find(key, em);
          if (raced) return { rows: raced, replayed: true };
          this.actionable.expectVersion(target, version);
          return { rows: await this.record(em, target, request, key, chunk, version, actor), replayed: false };
        }),
      (rows) => ({ rows, replayed: true }),
    );
    if (result.replayed) return replay(result.rows);
    await this.outbox.kick(result.rows);
    return { orderId: request.orderId, warnings: violations, outbox: result.rows };
  }

  /** The cancelled units, the outbox rows (one per `chunk` lines) and the audit event; the transaction holds the order. */
  private async record(
    em: EntityManager,
    target: ActionableOrder,
    request: CancelLinesRequest,
    key: string,
    chunk: number,
    version: number,
    actor: string,
  ): Promise<OutboxEntity[]> {
    const byNumber = new Map(target.lines.map((l) => [l.lineNumber, l]));
    for (const l of request.lines) byNumber.get(l.lineNumber)!.quantityCancelled += l.quantity;
    const rows: OutboxEntity[] = [];
    // An order MCF fulfils: the provider's order is cancelled first, or the whole cancellation is refused.
    const elsewhere = this.cancellers.of(target.order.fulfillmentMethod);
    if (elsewhere) rows.push(await elsewhere.cancel(em, target, request.reason, actor));
    for (let i = 0; i < request.lines.length; i += chunk) {
      const part = request.lines.slice(i, i + chunk);
      const payload: CancelPayload = {
        channelOrderId: target.order.channelOrderId,
        lines: part.map((l) => ({
          ...l,
          reason: request.reason,
          cancelledAfter: byNumber.get(l.lineNumber)!.quantityCancelled,
        })),
      };
      rows.push(
        await this.outbox.add(em, {
          accountId: target.order.accountId,
          orderId: target.order.id,
          operation: 'CANCEL',
          payload,
          // The first part carries the request's key; the others are keyed after it.
          idempotencyKey: i === 0 ? key : `${key}:${i / chunk}`,
          actor,
        }),
      );
    }
    const before = target.order.status;
    const status = await this.actionable.commit(em, target, version);
    await this.audit.record(em, {
      actor,
      action: 'order.lines_cancelled',
      entityType: 'order',
      entityId: target.order.id,
      orderId: target.order.id,
      before: { status: before },
      after: { status, reason: request.reason, lines: request.lines, outbox: rows.map((r) => r.id) },
    });
    return rows;
  }
}

/** The cancellation rules for these lines under one reason (the reason's field named `reason`); one request, whatever its size. */
export function cancellationViolations(
  target: ActionableOrder,
  lines: CancelLinesRequest['lines'],
  reason: string,
): Violation[] {
  const policy = policyFor(target.order.channel, target.account.marketplace, new Date());
  return validateCancellation(
    { channel: target.order.channel, order: snapshot(target), lines: lines.map((l) => ({ ...l, reason })) },
    { policy: { ...policy, maxLinesPerRequest: null } },
  ).map((v) => ({ ...v, field: v.field.replace(/^lines\[(\d+)\]\.reason$/, 'reason') }));
}

export function snapshot(target: ActionableOrder) {
  return {
    channelOrderId: target.order.channelOrderId,
    customerOrderId: target.order.customerOrderId,
    orderedAt: target.order.orderedAt,
    status: target.order.status,
    totalCents: target.order.totalCents,
    lines: target.lines.map((l) => ({
      lineNumber: l.lineNumber,
      quantityOrdered: l.quantityOrdered,
      quantityShipped: l.quantityShipped,
      quantityCancelled: l.quantityCancelled,
      quantityRefunded: l.quantityRefunded,
      cancellationRequested: l.cancellationRequested,
    })),
  };
}
