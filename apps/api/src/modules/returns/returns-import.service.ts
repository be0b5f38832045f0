import { Injectable } from '@nestjs/common';
import { returnReasonCategory } from '@order-hub/rules';
import type { NormalizedReturn, NormalizedReturnLine, RefundedBy, ReturnPage, ReturnStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { Transactions } from 'src/common/database/transactions';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { OrderRepository, type OrderEntity, type OrderLineEntity } from 'src/modules/orders/order.repository';
import { ReturnsRepository } from './returns.repository';
import type { StoredReturn, StoredReturnLine } from './stored-return';

export interface ReturnImportResult {
  imported: number;
  updated: number;
  unchanged: number;
  /** Returns of the page the adapter could not read, set aside with the reason (never aborting the page). */
  rejected: { channelReturnId: string | null; reason: string }[];
}

type LineColumns = Omit<StoredReturnLine, 'id' | 'returnId'>;
type ReturnColumns = Omit<StoredReturn, 'id' | 'lines' | 'version' | 'importedAt' | 'updatedAt'>;

/** Orders of the page's returns, and their lines, to link the returns to. */
interface OrderIndex {
  orders: Map<string, OrderEntity>;
  lines: Map<string, OrderLineEntity[]>;
}

/**
 * Stores a page of returns as the channel reports them: upserted by (account, channel return id), linked to the
 * account's orders by channel order id and to their lines by line number (or by SKU when the channel gave none, as
 * Amazon's report), in one transaction per page so nothing is half-imported. The channel's later copy never lowers
 * the units the hub recorded as refunded; a change raises the return's version.
 */
@Injectable()
export class ReturnsImportService {
  constructor(
    private readonly tx: Transactions,
    private readonly repository: ReturnsRepository,
    private readonly orders: OrderRepository,
  ) {}

  importPage(account: ChannelAccountEntity, page: Pick<ReturnPage, 'returns' | 'rejected'>, now = new Date()) {
    return this.tx.run(async (em): Promise<ReturnImportResult> => {
      const result: ReturnImportResult = {
        imported: 0,
        updated: 0,
        unchanged: 0,
        rejected: page.rejected.map((r) => ({ channelReturnId: r.channelReturnId, reason: r.reason })),
      };
      // The page's last copy of a return wins (a report may list one twice).
      const incoming = [...new Map(page.returns.map((r) => [r.channelReturnId, r])).values()];
      const index = await this.orderIndex(account, incoming, em);
      const stored = new Map(
        (await this.repository.lockForImport(account.id, [...incoming.map((r) => r.channelReturnId)], em)).map((r) => [
          r.channelReturnId,
          r,
        ]),
      );
      for (const r of incoming) {
        const outcome = await this.upsert(account, r, stored.get(r.channelReturnId) ?? null, index, now, em);
        result[outcome] += 1;
      }
      return result;
    });
  }

  private async orderIndex(account: ChannelAccountEntity, returns: NormalizedReturn[], em: EntityManager) {
    const ids = [...new Set(returns.flatMap((r) => [r.channelOrderId, ...r.lines.map((l) => l.channelOrderId)]))];
    const found = (await this.orders.findByNumbers(ids, em)).filter(
      (o) => o.accountId === account.id && ids.includes(o.channelOrderId),
    );
    const lines = new Map<string, OrderLineEntity[]>();
    for (const l of await this.orders.linesOfOrders(
      found.map((o) => o.id),
      em,
    ))
      lines.set(l.orderId, [...(lines.get(l.orderId) ?? []), l]);
    for (const list of lines.values())
      list.sort((a, b) => a.lineNumber.localeCompare(b.lineNumber, 'en', { numeric: true }));
    return { orders: new Map(found.map((o) => [o.channelOrderId, o])), lines } satisfies OrderIndex;
  }

  private async upsert(
    account: ChannelAccountEntity,
    r: NormalizedReturn,
    existing: StoredReturn | null,
    index: OrderIndex,
    now: Date,
    em: EntityManager,
  ): Promise<'imported' | 'updated' | 'unchanged'> {
    const before = new Map((existing?.lines ?? []).map((l) => [l.returnLineNumber, l]));
    const lines = r.lines.map((l) => this.lineColumns(account, l, before.get(l.returnLineNumber) ?? null, index));
    const kept = (existing?.lines ?? []).filter((l) => !r.lines.some((n) => n.returnLineNumber === l.returnLineNumber));
    const columns = this.returnColumns(account, r, [...lines, ...kept], index);
    if (!existing) {
      const id = await this.repository.insertReturn({ ...columns, version: 1, importedAt: now, updatedAt: now }, em);
      await this.repository.insertLines(
        lines.map((l) => ({ ...l, returnId: id })),
        em,
      );
      return 'imported';
    }
    let changed = differs(columns, existing);
    for (const line of lines) {
      const old = before.get(line.returnLineNumber);
      if (!old) {
        await this.repository.insertLines([{ ...line, returnId: existing.id }], em);
        changed = true;
      } else if (differs(line, old)) {
        await this.repository.updateLine(old.id, line, em);
        changed = true;
      }
    }
    if (!changed) return 'unchanged';
    await this.repository.updateReturn(existing.id, { ...columns, version: existing.version + 1, updatedAt: now }, em);
    return 'updated';
  }

  private lineColumns(
    account: ChannelAccountEntity,
    l: NormalizedReturnLine,
    old: StoredReturnLine | null,
    index: OrderIndex,
  ): LineColumns {
    const order = index.orders.get(l.channelOrderId) ?? null;
    const orderLine = order ? findOrderLine(index.lines.get(order.id) ?? [], l) : null;
    // The hub's own record of a refund it applied stands until the channel shows as much or more.
    const hubAhead = old !== null && old.quantityRefunded > l.quantityRefunded;
    const quantityRefunded = hubAhead ? old.quantityRefunded : l.quantityRefunded;
    const fullyRefunded = l.quantity > 0 && quantityRefunded >= l.quantity;
    return {
      returnLineNumber: l.returnLineNumber,
      channelOrderId: l.channelOrderId,
      orderId: order?.id ?? null,
      lineNumber: l.lineNumber ?? orderLine?.lineNumber ?? null,
      sku: l.sku ?? orderLine?.sku ?? null,
      productName: l.productName ?? orderLine?.title ?? null,
      quantity: l.quantity,
      quantityRefunded,
      reasonCode: l.reasonCode,
      reasonCategory: returnReasonCategory(account.channel, l.reasonCode),
      status: fullyRefunded && l.status !== 'CLOSED' ? 'REFUNDED' : l.status,
      receivedAt: l.receivedAt ?? old?.receivedAt ?? null,
      refundedAt: hubAhead ? old.refundedAt : (l.refundedAt ?? old?.refundedAt ?? null),
      refundedBy: hubAhead ? old.refundedBy : (l.refundedBy ?? old?.refundedBy ?? null),
      unitPriceCents: l.unitPriceCents ?? orderLine?.unitPriceCents ?? null,
      unitTaxCents: l.unitTaxCents,
      refundedCents: l.refundedCents,
    };
  }

  private returnColumns(
    account: ChannelAccountEntity,
    r: NormalizedReturn,
    lines: Pick<LineColumns, 'status' | 'receivedAt' | 'refundedAt' | 'refundedBy'>[],
    index: OrderIndex,
  ): ReturnColumns {
    const received = lines.map((l) => l.receivedAt).filter((d): d is Date => d !== null);
    const refunded = lines.map((l) => l.refundedAt).filter((d): d is Date => d !== null);
    const by: RefundedBy | null = lines.some((l) => l.refundedBy === 'CHANNEL')
      ? 'CHANNEL'
      : lines.some((l) => l.refundedBy === 'SELLER')
        ? 'SELLER'
        : null;
    return {
      accountId: account.id,
      channel: account.channel,
      channelReturnId: r.channelReturnId,
      customerOrderId: r.customerOrderId,
      channelOrderId: r.channelOrderId,
      orderId: index.orders.get(r.channelOrderId)?.id ?? null,
      status: returnStatus(r.status, lines),
      requestedAt: r.requestedAt,
      receivedAt: received.length ? new Date(Math.min(...received.map((d) => d.getTime()))) : null,
      refundedAt: refunded.length ? new Date(Math.max(...refunded.map((d) => d.getTime()))) : null,
      refundedBy: by,
      returnType: r.returnType,
      tracking: r.tracking,
      labelUrl: r.labelUrl,
      claim: r.claim,
      currency: r.currency,
      raw: r.raw,
    };
  }
}

/** Every line refunded → REFUNDED (the hub may know before the channel's copy says so); else the channel's word. */
function returnStatus(channel: ReturnStatus, lines: Pick<LineColumns, 'status'>[]): ReturnStatus {
  if (channel === 'CLOSED') return channel;
  if (lines.length > 0 && lines.every((l) => l.status === 'REFUNDED' || l.status === 'CLOSED'))
    return lines.some((l) => l.status === 'REFUNDED') ? 'REFUNDED' : 'CLOSED';
  return channel;
}

/** The order line a returned line returns: by its number, else the first line with its SKU. */
function findOrderLine(lines: OrderLineEntity[], l: NormalizedReturnLine): OrderLineEntity | null {
  if (l.lineNumber) return lines.find((o) => o.lineNumber === l.lineNumber) ?? null;
  if (!l.sku) return null;
  const sku = l.sku.toUpperCase();
  return lines.find((o) => o.sku.toUpperCase() === sku) ?? null;
}

/** Whether any column of `next` differs from what is stored (dates by instant, JSON by value). */
function differs(next: object, stored: object): boolean {
  const old = stored as Record<string, unknown>;
  return Object.entries(next).some(([k, v]) => !same(v, old[k]));
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return canonical(a) === canonical(b);
  return a === b;
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order the channel sent. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}
