import { Injectable } from '@nestjs/common';
import { channelProfile, sellerCannotActReason } from '@order-hub/rules';
import type { OrderStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError } from 'src/common/errors/app-error';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { OrderLineEntity } from 'src/modules/orders/order.repository';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ActionableOrder {
  order: OrderEntity;
  lines: OrderLineEntity[];
  account: ChannelAccountEntity;
}

/** The order an operator acts on: loaded with the refusals every action shares, and committed version-checked. */
@Injectable()
export class ActionableOrders {
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
  ) {}

  /** The order with its lines and account, refused when the hub may not act on it (unknown, disabled account, channel-fulfilled). */
  async load(em: EntityManager, orderId: string, field = 'input.orderId'): Promise<ActionableOrder> {
    if (!UUID.test(orderId)) throw new BadUserInputError(field, 'must be an id returned by the API (a UUID).');
    const order = await this.orders.findById(orderId, em);
    if (!order) throw new NotFoundError('Order', orderId);
    const account = await this.accounts.getById(order.accountId, em);
    if (account.disabledAt)
      throw new ConflictError(`Channel account ${account.name} is disabled: enable it before acting on its orders.`);
    if (sellerCannotActReason(order)) {
      const who = channelProfile(order.channel).channelFulfilmentLabel;
      throw new ConflictError(`Order ${order.channelOrderId} is fulfilled by ${who}; the seller cannot act on it.`);
    }
    const lines = await this.orders.linesOf(orderId, em);
    return { order, lines, account };
  }

  /**
   * Saves the lines and moves the order to its new status and version, if nobody changed it since `version`
   * (another operator, a bulk upload, an import): otherwise CONFLICT, and the transaction rolls back.
   */
  commit(
    em: EntityManager,
    target: ActionableOrder,
    version: number,
    changes: Partial<Pick<OrderEntity, 'acknowledgedAt'>> = {},
  ): Promise<OrderStatus> {
    return this.orders.commitChange(target.order, target.lines, version, changes, em);
  }
}
