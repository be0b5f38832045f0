import { Injectable, type OnModuleInit } from '@nestjs/common';
import { McfStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { ConflictError } from 'src/common/errors/app-error';
import { FulfilmentCancellers, type FulfilmentCanceller } from 'src/modules/actions/fulfilment-cancellers';
import type { ActionableOrder } from 'src/modules/actions/order-action.support';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxService } from 'src/modules/outbox/outbox.service';
import { McfRepository } from './mcf-order.repository';

/** Until Amazon is processing the fulfilment order, it can still be cancelled. */
const CANCELLABLE: readonly McfStatus[] = [McfStatus.ROUTED, McfStatus.RECEIVED, McfStatus.PLANNING];

/**
 * The MCF side of a cancellation: Amazon's fulfillment order is cancelled first (only possible up to Planning),
 * and only as a whole; once Amazon is processing it, the parcel will ship and the operator is told so.
 */
@Injectable()
export class McfCancellationService implements FulfilmentCanceller, OnModuleInit {
  constructor(
    private readonly cancellers: FulfilmentCancellers,
    private readonly mcfOrders: McfRepository,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.cancellers.register('MCF', this);
  }

  async cancel(em: EntityManager, target: ActionableOrder, reason: string, actor: string): Promise<OutboxEntity> {
    const mcf = await this.mcfOrders.lockByOrderId(target.order.id, em);
    if (!mcf)
      throw new ConflictError(
        `Order ${target.order.channelOrderId} is marked MCF but has no MCF order; route it again or ship it yourself.`,
      );
    if (!CANCELLABLE.includes(mcf.status)) {
      throw new ConflictError(
        `Amazon is already ${mcf.amazonStatus ?? mcf.status} on MCF order ${mcf.sellerFulfillmentOrderId}: it can no longer be cancelled and the parcel will ship. Let it ship and refund, or contact the buyer.`,
      );
    }
    const open = target.lines.reduce((sum, l) => sum + l.quantityOrdered - l.quantityShipped - l.quantityCancelled, 0);
    if (open !== 0)
      throw new ConflictError('An order fulfilled through MCF is cancelled whole: cancel every open unit, or none.');
    mcf.reason = `Cancelled by ${actor} (${reason}).`;
    await this.mcfOrders.save(mcf, em);
    return this.outbox.add(em, {
      accountId: mcf.mcfAccountId,
      orderId: target.order.id,
      operation: 'MCF_CANCEL',
      payload: { sellerFulfillmentOrderId: mcf.sellerFulfillmentOrderId },
      idempotencyKey: `mcf-cancel:${mcf.sellerFulfillmentOrderId}`,
      actor,
    });
  }
}
