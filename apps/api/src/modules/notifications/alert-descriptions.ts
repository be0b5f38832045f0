import { Injectable } from '@nestjs/common';
import type { AlertEntity } from 'src/modules/alerts/alert.repository';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { AlertForMessage } from './notification-messages';

/** An alert told in full (its order and account), and its account's channel for the rules to match. */
export interface DescribedAlert extends AlertForMessage {
  accountId: string | null;
  channel: string | null;
}

/** Reads the orders and accounts a batch of alerts name, in two queries. */
@Injectable()
export class AlertDescriptions {
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
  ) {}

  async describe(alerts: readonly AlertEntity[]): Promise<DescribedAlert[]> {
    const orderIds = [...new Set(alerts.map((a) => a.orderId).filter((id): id is string => id !== null))];
    const orders = new Map((await this.orders.findByIds(orderIds)).map((o) => [o.id, o]));
    const accountIdOf = (a: AlertEntity) =>
      a.accountId ?? (a.orderId ? orders.get(a.orderId)?.accountId : null) ?? null;
    const accountIds = [...new Set(alerts.map(accountIdOf).filter((id): id is string => id !== null))];
    const accounts = new Map((await this.accounts.findByIds(accountIds)).map((a) => [a.id, a]));
    return alerts.map((a) => {
      const order = a.orderId ? orders.get(a.orderId) : undefined;
      const accountId = accountIdOf(a);
      const account = accountId ? accounts.get(accountId) : undefined;
      return {
        id: a.id,
        kind: a.kind,
        severity: a.severity,
        message: a.message,
        action: a.action,
        openedAt: a.openedAt,
        resolvedAt: a.resolvedAt,
        order: order ? { id: order.id, channel: order.channel, channelOrderId: order.channelOrderId } : null,
        account: account ? { id: account.id, name: account.name } : null,
        accountId,
        channel: account?.channel ?? order?.channel ?? null,
      };
    });
  }
}
