import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ChannelAccountEntity } from '../channels/channel-account.entity';
import { SkuCategoryEntity } from './sku-category.entity';

export interface SkuCategoryEntry {
  sku: string;
  /** Empty removes the SKU's mapping (it counts as Uncategorized again). */
  category: string;
}

/** The seller's SKU → product category map, per account. */
@Injectable()
export class SkuCategoriesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** One page by SKU; `afterSku` is the last SKU of the previous page. */
  async page(accountId: string, first: number, afterSku: string | null): Promise<SkuCategoryEntity[]> {
    await this.account(accountId);
    return this.ds
      .getRepository(SkuCategoryEntity)
      .createQueryBuilder('c')
      .where('c.account_id = :accountId', { accountId })
      .andWhere(':afterSku::varchar IS NULL OR c.sku > :afterSku', { afterSku })
      .orderBy('c.sku', 'ASC')
      .limit(first)
      .getMany();
  }

  count(accountId: string): Promise<number> {
    return this.ds.getRepository(SkuCategoryEntity).countBy({ accountId });
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
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(SkuCategoryEntity);
      if (upserts.length) await repo.upsert(upserts, ['accountId', 'sku']);
      const removed = removals.length ? (await repo.findBy({ accountId, sku: In(removals) })).map((r) => r.sku) : [];
      if (removed.length) await repo.delete({ accountId, sku: In(removed) });
      await this.audit.record(em, {
        actor,
        action: 'catalog.sku_categories_set',
        entityType: 'channel_account',
        entityId: accountId,
        after: { set: upserts.map(({ sku, category }) => ({ sku, category })), removed },
      });
      const set = upserts.length
        ? await repo.find({ where: { accountId, sku: In(upserts.map((u) => u.sku)) }, order: { sku: 'ASC' } })
        : [];
      return { set, removed: removed.sort() };
    });
  }

  /**
   * Maps the account's not-yet-mapped SKUs (as seen on its order lines) by SKU prefix (`KTC` for `KTC-WB32`);
   * mappings the seller set are left alone. Returns how many SKUs were mapped.
   */
  async mapUnmappedByPrefix(accountId: string, categoryByPrefix: Readonly<Record<string, string>>): Promise<number> {
    const entries = Object.entries(categoryByPrefix);
    const rows: { sku: string }[] = await this.ds.query(
      `INSERT INTO sku_category (account_id, sku, category)
       SELECT DISTINCT o.account_id, l.sku, m.category
         FROM order_line l
         JOIN "order" o ON o.id = l.order_id
         JOIN unnest($2::text[], $3::text[]) AS m(prefix, category) ON split_part(l.sku, '-', 1) = m.prefix
        WHERE o.account_id = $1 AND length(l.sku) <= 64
       ON CONFLICT (account_id, sku) DO NOTHING
       RETURNING sku`,
      [accountId, entries.map(([prefix]) => prefix), entries.map(([, category]) => category)],
    );
    return rows.length;
  }

  private async account(accountId: string): Promise<void> {
    if (!(await this.ds.getRepository(ChannelAccountEntity).existsBy({ id: accountId })))
      throw new NotFoundError('Channel account', accountId);
  }
}
