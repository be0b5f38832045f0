import { Injectable } from '@nestjs/common';
import type { FulfillmentMethod } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import type { ActionableOrder } from './order-action.support';

/** Cancels the part of an order someone other than the seller fulfils (MCF) before its lines are cancelled. */
export interface FulfilmentCanceller {
  /** Queues the provider's cancellation in the caller's transaction, or throws a ConflictError saying why it cannot. */
  cancel(em: EntityManager, target: ActionableOrder, reason: string, actor: string): Promise<OutboxEntity>;
}

/**
 * The cancellers of each fulfilment method, registered by the modules that own them when they start: MCF imports
 * actions (it acknowledges and ships through them), so actions reaches MCF only through this, never by import.
 */
@Injectable()
export class FulfilmentCancellers {
  private readonly byMethod = new Map<FulfillmentMethod, FulfilmentCanceller>();

  register(method: FulfillmentMethod, canceller: FulfilmentCanceller): void {
    this.byMethod.set(method, canceller);
  }

  /** Null when nothing outside the hub fulfils orders this way (the seller ships them). */
  of(method: FulfillmentMethod): FulfilmentCanceller | null {
    return this.byMethod.get(method) ?? null;
  }
}
