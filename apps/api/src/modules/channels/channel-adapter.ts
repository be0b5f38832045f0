import type { Channel, NormalizedOrder } from '@order-hub/types';
import type { LabelSeller } from 'src/modules/labels/label-seller';
import type { ChannelPushClient } from './channel-push';
import type { ChannelWriter } from './channel-writer';
import type { RejectedOrder } from './map-channel-orders';

export type { RejectedOrder };

/** The orders a channel changed within [changedAfter, changedBefore]. */
export interface ChangeWindow {
  changedAfter: Date;
  /** Null: as late as the channel allows now (Amazon: two minutes ago by its own clock). */
  changedBefore: Date | null;
}

export interface OrderPage {
  orders: NormalizedOrder[];
  /** Orders of the page the hub could not read (an invalid date…): quarantined while the rest is imported. */
  rejected: RejectedOrder[];
  /** Opaque; pass it back for the next page. Null on the last page. */
  nextCursor: string | null;
  /** How many pages the whole window has, when the channel says (Walmart's totalCount); null when unknown. */
  pagesEstimated: number | null;
  /** The upper bound the channel applied to the window; the next pull starts from it. */
  windowEnd: Date;
}

/** What the hub needs of a marketplace, whatever its API looks like. */
export interface ChannelAdapter extends ChannelWriter {
  readonly channel: Channel;
  /** One page of the orders changed in the window, the first when `cursor` is null. */
  listChangedOrders(window: ChangeWindow, cursor: string | null): Promise<OrderPage>;
  /** How long the next `listChangedOrders` would wait for the account's request budget. */
  listWaitMs(): Promise<number>;
  /**
   * The order as the channel has it now (a push named it), as a one-order page: in `orders`, or in `rejected` when
   * the channel's copy cannot be read. Null when the channel says it does not exist; ChannelError otherwise.
   */
  fetchOrder(channelOrderId: string): Promise<Pick<OrderPage, 'orders' | 'rejected'> | null>;
  /** The calls that manage the account's push subscription; absent when the channel has no pushes. */
  readonly push?: ChannelPushClient;
  /** The channel's own label service (Amazon Buy Shipping); absent when labels come from the tracking provider. */
  readonly labels?: LabelSeller;
}
