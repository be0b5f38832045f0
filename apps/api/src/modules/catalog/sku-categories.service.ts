import { Injectable } from '@nestjs/common';
import { NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { SkuCategoryEntity } from './sku-category.entity';
import { SkuCategoryRepository } from './sku-category.repository';

export interface SkuCategoryEntry {
  sku: string;
  /** Empty removes the SKU's mapping (it counts as Uncategorized again). */
  category: string;
}

/** The seller's SKU → product category map, per account. */
@Injectable()
export class SkuCategoriesService {
  constructor(
    private readonly categories: SkuCategoryRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly orders: OrderRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** One page by SKU; `afterSku` is the last SKU of the previous page. */
  async page(accountId: string, first: number, afterSku: string | null): Promise<SkuCategoryEntity[]> {
    await this.account(accountId);
    return this.categories.page(accountId, first, afterSku);
  }

  count(accountId: string): Promise<number> {
    return this.categories.countByAccount(accountId);
  }

  /** Sets (or, with an empty category, removes) each SKU's category in one transaction; the last entry for a SKU wins. */
  async set(
    accountId: string,
    entries: SkuCategoryEntry[],
    actor: string,
  ): Promise<{ set: SkuCategoryEntity[]; removed: string[] }> {
    await this.account(accountId);
    const last = new Map(entries.map((e) => [e.sku, e.category]));
    const upserts = [...last]
      .filter(([, category]) => category !== '')
      .map(([sku, category]) => ({ accountId, sku, category }));
    const removals = [...last].filter(([, category]) => category === '').map(([sku]) => sku);
    return this.tx.run(async (em) => {
      await this.categories.upsert(upserts, em);
      const removed = (await this.categories.findBySkus(accountId, removals, em)).map((r) => r.sku);
      await this.categories.deleteBySkus(accountId, removed, em);
      await this.audit.record(em, {
        actor,
        action: 'catalog.sku_categories_set',
        entityType: 'channel_account',
        entityId: accountId,
        after: { set: upserts.map(({ sku, category }) => ({ sku, category })), removed },
      });
      const set = await this.categories.findBySkus(
        accountId,
        upserts.map((u) => u.sku),
        em,
      );
      return { set, removed: removed.sort() };
    });
  }

  /**
   * Maps the account's not-yet-mapped SKUs (as seen on its order lines) by SKU prefix (`KTC` for `KTC-WB32`);
   * mappings the seller set are left alone. Returns how many SKUs were mapped.
   */
  async mapUnmappedByPrefix(accountId: string, categoryByPrefix: Readonly<Record<string, string>>): Promise<number> {
    const rows = (await this.orders.skusOfAccount(accountId)).flatMap((sku) => {
      // Like PostgreSQL's split_part(sku, '-', 1): the whole SKU when it has no '-'.
      const prefix = sku.split('-')[0];
      return Object.hasOwn(categoryByPrefix, prefix) ? [{ sku, category: categoryByPrefix[prefix] }] : [];
    });
    return (await this.categories.insertMissing(accountId, rows)).length;
  }

  private async account(accountId: string): Promise<void> {
    if (!(await this.accounts.exists(accountId))) throw new NotFoundError('Channel account', accountId);
  }
}
