import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { BuyerMessageEntity } from './buyer-message.entity';

/**
 * Each order's messages, newest first: those linked to it, and performance e-mails that name it among their flagged
 * orders (linked to the first one only). Order.buyerMessages.
 */
export const buyerMessagesByOrderLoader = defineLoader(
  'buyerMessagesByOrder',
  (ds: DataSource) =>
    new DataLoader<string, BuyerMessageEntity[]>(async (orderIds) => {
      const orders = await new OrderRepository(ds).findByIds(orderIds);
      const numbers = [...new Set(orders.map((o) => o.channelOrderId))];
      const rows = await ds
        .getRepository(BuyerMessageEntity)
        .createQueryBuilder('m')
        .where('m.order_id = ANY(CAST(:ids AS uuid[]))', { ids: [...orderIds] })
        .orWhere('m.order_numbers && CAST(:numbers AS text[])', { numbers })
        .orderBy('m.receivedAt', 'DESC')
        .addOrderBy('m.id', 'DESC')
        .getMany();
      const byId = new Map(orders.map((o) => [o.id, o]));
      return orderIds.map((id) => {
        const order = byId.get(id);
        return rows.filter(
          (m) =>
            m.orderId === id || (order && m.channel === order.channel && m.orderNumbers.includes(order.channelOrderId)),
        );
      });
    }),
);
