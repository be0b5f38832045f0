import type { OrderStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors/app-error';
import { ChannelAccountEntity } from '../channels/channel-account.entity';
import { channelProfile, lineStatusOf, orderStatusOfLines, sellerCannotActReason } from '@order-hub/rules';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ActionableOrder {
  order: OrderEntity;
  lines: OrderLineEntity[];
  account: ChannelAccountEntity;
}

/** The order an operator acts on, refused when the hub may not act on it (unknown, disabled account, channel-fulfilled). */
export async function loadActionableOrder(
  em: EntityManager,
  orderId: string,
  field = 'input.orderId',
): Promise<ActionableOrder> {
  if (!UUID.test(orderId)) throw new BadUserInputError(field, 'must be an id returned by the API (a UUID).');
  const order = await em.getRepository(OrderEntity).findOneBy({ id: orderId });
  if (!order) throw new NotFoundError('Order', orderId);
  const account = await em.getRepository(ChannelAccountEntity).findOneByOrFail({ id: order.accountId });
  if (account.disabledAt)
    throw new ConflictError(`Channel account ${account.name} is disabled: enable it before acting on its orders.`);
  if (sellerCannotActReason(order)) {
    const who = channelProfile(order.channel).channelFulfilmentLabel;
    throw new ConflictError(`Order ${order.channelOrderId} is fulfilled by ${who}; the seller cannot act on it.`);
  }
  const lines = await em.getRepository(OrderLineEntity).find({ where: { orderId }, order: { lineNumber: 'ASC' } });
  return { order, lines, account };
}

/**
 * Saves the lines and moves the order to its new status and version, if nobody changed it since `version`
 * (another operator, a bulk upload, an import): otherwise CONFLICT, and the transaction rolls back.
 */
export async function commitOrderChange(
  em: EntityManager,
  target: ActionableOrder,
  version: number,
  changes: Partial<Pick<OrderEntity, 'acknowledgedAt'>> = {},
): Promise<OrderStatus> {
  for (const line of target.lines) line.status = lineStatusOf(line);
  const status = orderStatusOfLines(target.lines);
  const result = await em
    .createQueryBuilder()
    .update(OrderEntity)
    .set({ ...changes, status, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: target.order.id, version })
    .execute();
  if (!result.affected) {
    throw new ConflictError(
      `Order ${target.order.channelOrderId} changed while this action was prepared (version ${version} is no longer current); reload it and try again.`,
    );
  }
  await em.getRepository(OrderLineEntity).save(target.lines);
  return status;
}
