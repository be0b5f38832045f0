import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SkuBinEntity } from './sku-bin.entity';

/** The only way into the `sku_bin` table; every method joins the caller's transaction when given `em`. */
@Injectable()
export class SkuBinRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private bins(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(SkuBinEntity);
  }

  /** One page of the account's bins by SKU, after `afterSku` (the last SKU of the previous page). */
  page(accountId: string, first: number, afterSku: string | null, em?: EntityManager): Promise<SkuBinEntity[]> {
    return this.bins(em)
      .createQueryBuilder('b')
      .where('b.account_id = :accountId', { accountId })
      .andWhere(':afterSku::varchar IS NULL OR b.sku > :afterSku', { afterSku })
      .orderBy('b.sku', 'ASC')
      .limit(first)
      .getMany();
  }

  countByAccount(accountId: string, em?: EntityManager): Promise<number> {
    return this.bins(em).countBy({ accountId });
  }

  async upsert(rows: Pick<SkuBinEntity, 'accountId' | 'sku' | 'bin'>[], em?: EntityManager): Promise<void> {
    if (rows.length) await this.bins(em).upsert(rows, ['accountId', 'sku']);
  }

  /** The account's bins of these SKUs, by SKU. */
  findBySkus(accountId: string, skus: readonly string[], em?: EntityManager): Promise<SkuBinEntity[]> {
    if (skus.length === 0) return Promise.resolve([]);
    return this.bins(em).find({ where: { accountId, sku: In([...skus]) }, order: { sku: 'ASC' } });
  }

  /** Bins of (account, SKU) pairs across accounts, for a pick list mixing orders of several accounts. */
  async findByAccountSkus(pairs: readonly { accountId: string; sku: string }[]): Promise<SkuBinEntity[]> {
    if (pairs.length === 0) return [];
    return this.ds.manager.query(
      `SELECT b.account_id AS "accountId", b.sku, b.bin, b.updated_at AS "updatedAt"
         FROM sku_bin b
         JOIN unnest($1::uuid[], $2::text[]) AS p(account_id, sku) ON p.account_id = b.account_id AND p.sku = b.sku`,
      [pairs.map((p) => p.accountId), pairs.map((p) => p.sku)],
    );
  }

  async deleteBySkus(accountId: string, skus: readonly string[], em?: EntityManager): Promise<void> {
    if (skus.length) await this.bins(em).delete({ accountId, sku: In([...skus]) });
  }
}
