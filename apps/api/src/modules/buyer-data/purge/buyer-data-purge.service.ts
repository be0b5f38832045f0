import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { BUYER_DATA_POLICIES, type BuyerDataPolicy } from '@order-hub/rules';
import { CHANNELS } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import {
  ACCOUNT_TABLES,
  BuyerDataPurgeRepository,
  COPY_TABLES,
  type CopyTable,
  type HeldOrder,
} from './buyer-data-purge.repository';
import { BuyerPii, redactShipTo, zip3 } from './pii-redaction';

/** Orders redacted per transaction; a run takes batches until none is due or the run's limit is reached. */
export const PURGE_BATCH = 200;
const DAY_MS = 86_400_000;

export interface PurgeResult {
  orders: number;
  /** Rows of other tables (audit trail, outbox, alerts…) that held a copy and were rewritten. */
  copies: number;
  quarantinePayloads: number;
}

/**
 * Irreversibly removes buyer PII (name, street, phone, e-mail) once an order is past its channel's retention
 * (packages/rules buyerDataPolicy), from the order and every copy the hub made of it; keeps city, state, ZIP3,
 * country, dates and tracking. Idempotent and safe with several workers (rows locked with SKIP LOCKED).
 */
@Injectable()
export class BuyerDataPurgeService {
  private readonly log = new Logger('BuyerDataPurge');

  constructor(
    private readonly repo: BuyerDataPurgeRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  private policies(): BuyerDataPolicy[] {
    return CHANNELS.map((c) => BUYER_DATA_POLICIES[c]);
  }

  /** Purges what is due at `now`, at most `maxOrders` orders. */
  async purgeDue(now: Date, maxOrders = PURGE_BATCH * 10): Promise<PurgeResult> {
    const total: PurgeResult = { orders: 0, copies: 0, quarantinePayloads: 0 };
    while (total.orders < maxOrders) {
      const room = Math.min(PURGE_BATCH, maxOrders - total.orders);
      const returned = await this.repo.findReturned(room);
      const due = [...returned, ...(await this.repo.findDue(now, this.policies(), room - returned.length))];
      if (!due.length) break;
      const batch = await this.tx.run((em) => this.purgeBatch(em, due, now));
      total.orders += batch.orders;
      total.copies += batch.copies;
      // Every due order was locked by another worker: leave them to it.
      if (batch.orders === 0) break;
    }
    const longest = Math.max(
      ...this.policies().map((p) => p.piiRetentionDaysAfterDelivery + p.assumedDeliveryDaysAfterShipment),
    );
    total.quarantinePayloads = await this.repo.dropStaleQuarantinePayloads(new Date(now.getTime() - longest * DAY_MS));
    if (total.orders || total.quarantinePayloads) {
      await this.tx.run((em) =>
        this.audit.record(em, {
          actor: 'system:buyer-data-retention',
          action: 'buyer_data.purged',
          entityType: 'buyer_data',
          entityId: randomUUID(),
          after: { ...total, at: now.toISOString() },
        }),
      );
      this.log.log(
        `Buyer data removed from ${total.orders} orders (${total.copies} copies), ${total.quarantinePayloads} quarantined payloads`,
      );
    }
    return total;
  }

  private async purgeBatch(em: EntityManager, ids: string[], now: Date): Promise<{ orders: number; copies: number }> {
    const held = await this.repo.lockHeld(em, ids);
    if (!held.length) return { orders: 0, copies: 0 };
    const piiOf = new Map(held.map((o) => [o.id, BuyerPii.of(o.shipTo, o.rawPayload)]));
    const heldIds = held.map((o) => o.id);
    let copies = 0;

    for (const table of COPY_TABLES) {
      const rows = await this.repo.readCopies(em, table, heldIds);
      const changed = rows.flatMap((row) => {
        const order = held.find((o) => o.id === row.order_id)!;
        const out = rewrite(table, row, piiOf.get(order.id)!, order);
        return out ? [out] : [];
      });
      await this.repo.writeCopies(em, table, changed);
      copies += changed.length;
    }

    const accountIds = [...new Set(held.map((o) => o.accountId))];
    for (const table of ACCOUNT_TABLES) {
      const rows = await this.repo.readCopies(em, table, accountIds);
      const changed = rows.flatMap((row) => {
        const pii = held
          .filter((o) => o.accountId === row.account_id)
          .reduce((all, o) => all.merge(piiOf.get(o.id)!), new BuyerPii([]));
        const out = rewrite(table, row, pii, null);
        return out ? [out] : [];
      });
      await this.repo.writeCopies(em, table, changed);
      copies += changed.length;
    }

    await this.repo.cutTrackerZips(em, heldIds);
    await this.repo.redactOrders(
      em,
      held.map((o) => ({
        id: o.id,
        shipTo: redactShipTo(o.shipTo),
        rawPayload: piiOf.get(o.id)!.json(o.rawPayload ?? {}),
      })),
      now,
    );
    return { orders: held.length, copies };
  }
}

/** The row with PII removed from its columns, or null when nothing in it changes. */
function rewrite(
  table: CopyTable,
  row: Record<string, unknown>,
  pii: BuyerPii,
  order: HeldOrder | null,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = { id: row.id };
  let changed = false;
  for (const [column, type] of Object.entries(table.columns)) {
    const before = row[column] ?? null;
    let after: unknown;
    if (table.table === 'carrier_event' && column === 'zip') after = deliveryZip(before as string | null, order);
    else if (type === 'jsonb') after = before === null ? null : pii.json(before);
    else after = pii.text(before as string | null);
    if (JSON.stringify(after) !== JSON.stringify(before)) changed = true;
    out[column] = after;
  }
  return changed ? out : null;
}

/** A carrier scan at the buyer's own ZIP keeps its ZIP3 only; scans elsewhere (origin, hubs) are left alone. */
function deliveryZip(zip: string | null, order: HeldOrder | null): string | null {
  const buyerZip = order?.shipTo?.postalCode?.trim().slice(0, 5);
  if (!zip || !buyerZip || zip.length <= 3) return zip;
  return zip.trim().slice(0, 5) === buyerZip ? zip3(zip) : zip;
}
