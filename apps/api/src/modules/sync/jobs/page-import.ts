import { Injectable } from '@nestjs/common';
import type { NormalizedOrder } from '@order-hub/types';
import { QueryFailedError } from 'typeorm';
import { sqlState } from 'src/common/database/sql-state';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import type { OrderPage } from 'src/modules/channels/channel-adapter';
import { OrderImportService, type UpsertResult } from 'src/modules/orders/order-import.service';
import { OrderQuarantineService, type QuarantineEntry } from 'src/modules/sync/quarantine/order-quarantine.service';

const MAX_REASON = 300;

/**
 * Imports one page of a pull so that one bad order cannot stop the others: orders the adapter could not read are
 * quarantined, and when the database refuses the page, it is imported again one order per transaction (a failed
 * statement aborts a PostgreSQL transaction, so each order gets its own) and only the refused orders are
 * quarantined. A failure that is not about an order's data (the database is gone) still fails the pull.
 */
@Injectable()
export class PageImport {
  constructor(
    private readonly imports: OrderImportService,
    private readonly quarantine: OrderQuarantineService,
  ) {}

  async run(
    account: ChannelAccountEntity,
    page: Pick<OrderPage, 'orders' | 'rejected'>,
    actor: string,
  ): Promise<UpsertResult> {
    const set: QuarantineEntry[] = page.rejected.map((r) => ({ ...r, stage: 'MAPPING' }));
    let result: UpsertResult;
    try {
      result = await this.imports.upsert(account, page.orders, actor);
    } catch (err) {
      if (!isAboutTheData(err)) throw err;
      result = { inserted: 0, updated: 0, unchanged: 0, insertedIds: [] };
      for (const copies of byOrderId(page.orders)) {
        try {
          const one = await this.imports.upsert(account, copies, actor);
          result.inserted += one.inserted;
          result.updated += one.updated;
          result.unchanged += one.unchanged;
          result.insertedIds.push(...one.insertedIds);
        } catch (orderErr) {
          if (!isAboutTheData(orderErr)) throw orderErr;
          const last = copies[copies.length - 1];
          set.push({
            channelOrderId: last.channelOrderId,
            stage: 'STORAGE',
            reason: storageReason(orderErr),
            payload: last.rawPayload,
          });
        }
      }
    }
    await this.quarantine.quarantine(account, set);
    const refused = new Set(set.map((e) => e.channelOrderId));
    await this.quarantine.resolve(
      account,
      [...new Set(page.orders.map((o) => o.channelOrderId))].filter((id) => !refused.has(id)),
    );
    return result;
  }
}

function byOrderId(orders: readonly NormalizedOrder[]): NormalizedOrder[][] {
  const groups = new Map<string, NormalizedOrder[]>();
  for (const o of orders) groups.set(o.channelOrderId, [...(groups.get(o.channelOrderId) ?? []), o]);
  return [...groups.values()];
}

/**
 * The database refused the data (SQLSTATE class 22 data exception, 23 integrity violation), or the import itself
 * threw on it. A lost connection, a timeout or a shutdown is about the database, and no order is to blame.
 */
export function isAboutTheData(err: unknown): boolean {
  const code = sqlState(err);
  if (code !== undefined) return /^2[23]/.test(code);
  if (err instanceof QueryFailedError) return false;
  const message = err instanceof Error ? err.message : String(err);
  return !/connect|terminat|timeout|closed|shut ?down|ECONN/i.test(message);
}

/**
 * Why the database refused an order, without the values it was given: PostgreSQL quotes the offending value at the
 * end of some messages (`invalid input syntax for type integer: "…"`), and a value may be a buyer's name.
 */
export function storageReason(err: unknown): string {
  const code = sqlState(err);
  const message = withoutValues(err);
  const column = (err as { driverError?: { column?: unknown } })?.driverError?.column;
  const where = typeof column === 'string' ? ` (column ${column})` : '';
  return (
    code ? `the database refused it: ${message}${where} [SQLSTATE ${code}]` : `the import failed: ${message}`
  ).slice(0, MAX_REASON);
}

/** The error's message without the value PostgreSQL may quote at its end, on one line. */
export function withoutValues(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  return raw.replace(/:\s*".*$/s, ' (value withheld)').replace(/\s+/g, ' ');
}
