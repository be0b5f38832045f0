import type { Channel } from '@order-hub/types';

/** Something that happened to a channel order that the channel would push to subscribers. */
export interface SandboxOrderEvent {
  channel: Channel;
  accountId: string;
  /** Walmart purchaseOrderId, Amazon orderId; for MCF_STATUS the MCF order's sellerFulfillmentOrderId. */
  orderId: string;
  kind: 'CREATED' | 'CHANGED' | 'CANCEL_REQUESTED' | 'AUTO_CANCELLED' | 'FRAUD_CANCELLED' | 'MCF_STATUS';
  /** The sandbox clock's time of the change. */
  at: Date;
}

/** The sandbox's order changes, told to each channel's push simulator (Walmart webhooks, Amazon's queue). */
export class OrderEventBus {
  private readonly listeners: ((event: SandboxOrderEvent) => void)[] = [];

  on(listener: (event: SandboxOrderEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(event: SandboxOrderEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
