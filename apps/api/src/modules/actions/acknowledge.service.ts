import { Injectable } from '@nestjs/common';
import { channelProfile } from '@order-hub/rules';
import { CHANNELS, OrderLineStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { AppError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxService } from 'src/modules/outbox/outbox.service';
import { ActionReplays } from './action-replay';
import { ActionableOrders, type ActionableOrder } from './order-action.support';

const ACKNOWLEDGING_CHANNELS = CHANNELS.filter((c) => channelProfile(c).needsAcknowledgement);

export type AcknowledgeOutcome = 'QUEUED' | 'ALREADY_ACKNOWLEDGED' | 'NOT_NEEDED' | 'REFUSED';

export interface AcknowledgeResult {
  orderId: string;
  outcome: AcknowledgeOutcome;
  /** Why it was refused (unknown order, channel-fulfilled, disabled account, changed meanwhile). */
  message: string | null;
}

/**
 * Acknowledgement, for channels whose profile needs it: each order in its own transaction, so one refusal never
 * blocks the others.
 */
@Injectable()
export class AcknowledgeService {
  constructor(
    private readonly tx: Transactions,
    private readonly actionable: ActionableOrders,
    private readonly orders: OrderRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly replays: ActionReplays,
  ) {}

  /** QUEUED when the recorded acknowledgement was this caller's own request (alone, not queued with a shipment or a routing). */
  private replayed(rows: OutboxEntity[], actor: string): AcknowledgeOutcome {
    return rows.length === 1 && rows[0].createdBy === actor ? 'QUEUED' : 'ALREADY_ACKNOWLEDGED';
  }

  async acknowledge(orderIds: readonly string[], actor: string): Promise<AcknowledgeResult[]> {
    const results: AcknowledgeResult[] = [];
    for (const orderId of orderIds) {
      try {
        const { outcome, row } = await this.replays.guard(
          acknowledgementKey(orderId),
          () => this.tx.run((em) => this.acknowledgeOne(em, orderId, actor)),
          (rows) => ({ outcome: this.replayed(rows, actor), row: null }),
        );
        if (row) await this.outbox.kick([row]);
        results.push({ orderId, outcome, message: null });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({ orderId, outcome: 'REFUSED', message: err.message });
      }
    }
    return results;
  }

  /** New orders needing acknowledgement, of accounts that acknowledge automatically (called after each import). */
  async autoAcknowledge(accountId: string): Promise<number> {
    const due: string[] = [];
    for (const channel of ACKNOWLEDGING_CHANNELS)
      due.push(...(await this.orders.idsAwaitingAcknowledgement(accountId, channel)));
    const results = await this.acknowledge(due, 'system:auto-acknowledge');
    return results.filter((r) => r.outcome === 'QUEUED').length;
  }

  private async acknowledgeOne(
    em: EntityManager,
    orderId: string,
    actor: string,
  ): Promise<{ outcome: AcknowledgeOutcome; row: OutboxEntity | null }> {
    const target = await this.actionable.load(em, orderId, 'ids', true);
    const { order } = target;
    if (!channelProfile(order.channel).needsAcknowledgement) return { outcome: 'NOT_NEEDED', row: null };
    if (order.status !== 'CREATED') {
      // Asked again (a retry after a lost response): the first answer, if it was this caller's acknowledgement.
      const first = await this.replays.find(acknowledgementKey(orderId), em);
      return { outcome: first ? this.replayed(first, actor) : 'ALREADY_ACKNOWLEDGED', row: null };
    }
    const row = await this.queueAcknowledgement(em, target, actor);
    await this.actionable.commit(em, target, order.version, { acknowledgedAt: new Date() });
    await this.audit.record(em, {
      actor,
      action: 'order.acknowledged',
      entityType: 'order',
      entityId: order.id,
      orderId: order.id,
      before: { status: 'CREATED' },
      after: { outbox: row.id },
    });
    return { outcome: 'QUEUED', row };
  }

  /** The ACKNOWLEDGE row, and the lines moved out of Created; the caller commits the order. */
  async queueAcknowledgement(em: EntityManager, target: ActionableOrder, actor: string): Promise<OutboxEntity> {
    for (const line of target.lines)
      if (line.status === OrderLineStatus.CREATED) line.status = OrderLineStatus.ACKNOWLEDGED;
    return this.outbox.add(em, {
      accountId: target.order.accountId,
      orderId: target.order.id,
      operation: 'ACKNOWLEDGE',
      payload: { channelOrderId: target.order.channelOrderId },
      idempotencyKey: acknowledgementKey(target.order.id),
      actor,
    });
  }
}

/** One acknowledgement per order, whoever queues it (an operator, a shipment, a routing). */
function acknowledgementKey(orderId: string): string {
  return `ack:${orderId}`;
}
