import type { EntityManager } from 'typeorm';
import type { Transactions } from 'src/common/database/transactions';
import type { AuditService } from 'src/modules/audit/audit.service';

/** A table of one fact per (account, SKU): a bin, a weight. */
export interface SkuFactStore<Row extends { accountId: string; sku: string }, Entity extends { sku: string }> {
  upsert(rows: Row[], em: EntityManager): Promise<void>;
  deleteBySkus(accountId: string, skus: readonly string[], em: EntityManager): Promise<void>;
  findBySkus(accountId: string, skus: readonly string[], em: EntityManager): Promise<Entity[]>;
}

/**
 * Sets each SKU's fact and removes those given none (`null`), in one transaction with its audit entry; the last row
 * for a SKU wins. Answers what is now set, and the SKUs whose fact was removed.
 */
export function setSkuFacts<Row extends { accountId: string; sku: string }, Entity extends { sku: string }>(
  deps: { tx: Transactions; audit: AuditService; store: SkuFactStore<Row, Entity> },
  change: { accountId: string; facts: Map<string, Row | null>; action: string; actor: string },
): Promise<{ set: Entity[]; removed: string[] }> {
  const { tx, audit, store } = deps;
  const { accountId, facts, action, actor } = change;
  const upserts = [...facts.values()].filter((row): row is Row => row !== null);
  const removals = [...facts].filter(([, row]) => row === null).map(([sku]) => sku);
  return tx.run(async (em) => {
    await store.upsert(upserts, em);
    const removed = (await store.findBySkus(accountId, removals, em)).map((r) => r.sku);
    await store.deleteBySkus(accountId, removed, em);
    await audit.record(em, {
      actor,
      action,
      entityType: 'channel_account',
      entityId: accountId,
      after: { set: upserts.map(({ accountId: _account, ...fact }) => fact), removed },
    });
    const set = await store.findBySkus(
      accountId,
      upserts.map((u) => u.sku),
      em,
    );
    return { set, removed: removed.sort() };
  });
}
