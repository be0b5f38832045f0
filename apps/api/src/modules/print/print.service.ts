import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { BadUserInputError } from 'src/common/errors/app-error';
import { SkuBinsService, binKey } from 'src/modules/catalog/sku-bins.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { bulkTargetSchema } from 'src/modules/orders/orders.args';
import { OrdersService } from 'src/modules/orders/orders.service';
import { pickList, type PickListRow } from './pick-list';
import type { PrintableOrder } from './printable-order';

/** What a print run covers (packing slips, pick list) and what it prints of each order. */
@Injectable()
export class PrintService {
  constructor(
    private readonly ordersService: OrdersService,
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly bins: SkuBinsService,
  ) {}

  /** The orders a selection or "all N matching" covers, at most 500 (see OrdersService.resolveTarget). */
  targetIds(target: z.output<typeof bulkTargetSchema>): Promise<string[]> {
    return this.ordersService.resolveTarget(target);
  }

  /** The orders with their lines and account, in the order of `ids`; an unknown id is refused by name. */
  async load(ids: readonly string[], field = 'ids'): Promise<PrintableOrder[]> {
    const unique = [...new Set(ids)];
    const found = new Map((await this.orders.findByIds(unique)).map((o) => [o.id, o]));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) throw new BadUserInputError(field, `no such order: ${missing.slice(0, 5).join(', ')}.`);
    const [lines, accounts] = await Promise.all([
      this.orders.linesOfOrders(unique),
      this.accounts.findByIds([...new Set([...found.values()].map((o) => o.accountId))]),
    ]);
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    return unique.map((id) => {
      const order = found.get(id)!;
      return {
        order,
        lines: lines
          .filter((l) => l.orderId === id)
          .sort((a, b) => a.lineNumber.localeCompare(b.lineNumber, 'en', { numeric: true })),
        account: accountById.get(order.accountId)!,
      };
    });
  }

  /** The pick list of these orders, by bin then SKU, with each SKU's bin in its order's account. */
  async pickList(orders: readonly PrintableOrder[]): Promise<PickListRow[]> {
    const pairs = orders.flatMap(({ order, lines }) => lines.map((l) => ({ accountId: order.accountId, sku: l.sku })));
    const bins = await this.bins.binsOf(pairs);
    return pickList(orders, (accountId, sku) => bins.get(binKey(accountId, sku)) ?? null);
  }
}
