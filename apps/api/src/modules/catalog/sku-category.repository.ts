import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SkuCategoryEntity } from './sku-category.entity';

/** The only way into the `sku_category` table; every method joins the caller's transaction when given `em`. */
@Injectable()
export class SkuCategoryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private categories(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(SkuCategoryEntity);
  }

  /** One page of the account's mappings by SKU, after `afterSku` (the last SKU of the previous page). */
  page(accountId: string, first: number, afterSku: string | null, em?: EntityManager): Promise<SkuCategoryEntity[]> {
    return this.categories(em)
      .createQueryBuilder('c')
      .where('c.account_id = :accountId', { accountId })
      .andWhere(':afterSku::varchar IS NULL OR c.sku > :afterSku', { afterSku })
      .orderBy('c.sku', 'ASC')
      .limit(first)
      .getMany();
  }

  countByAccount(accountId: string, em?: EntityManager): Promise<number> {
    return this.categories(em).countBy({ accountId });
  }

  async upsert(rows: Pick<SkuCategoryEntity, 'accountId' | 'sku' | 'category'>[], em?: EntityManager): Promise<void> {
    if (rows.length) await this.categories(em).upsert(rows, ['accountId', 'sku']);
  }

  /** The account's mappings of these SKUs, by SKU. */
  findBySkus(accountId: string, skus: readonly string[], em?: EntityManager): Promise<SkuCategoryEntity[]> {
    if (skus.length === 0) return Promise.resolve([]);
    return this.categories(em).find({ where: { accountId, sku: In([...skus]) }, order: { sku: 'ASC' } });
  }

  async deleteBySkus(accountId: string, skus: readonly string[], em?: EntityManager): Promise<void> {
    if (skus.length) await this.categories(em).delete({ accountId, sku: In([...skus]) });
  }

  /** Maps the SKUs that have no mapping yet (existing ones are left alone); returns the SKUs it mapped. */
  async insertMissing(
    accountId: string,
    rows: readonly { sku: string; category: string }[],
    em?: EntityManager,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: { sku: string }[] = await (em ?? this.ds.manager).query(
      `INSERT INTO sku_category (account_id, sku, category)
       SELECT $1, m.sku, m.category FROM unnest($2::text[], $3::text[]) AS m(sku, category)
       ON CONFLICT (account_id, sku) DO NOTHING
       RETURNING sku`,
      [accountId, rows.map((r) => r.sku), rows.map((r) => r.category)],
    );
    return inserted.map((r) => r.sku);
  }
}
