import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SkuWeightEntity } from './sku-weight.entity';

/** The only way into the `sku_weight` table; every method joins the caller's transaction when given `em`. */
@Injectable()
export class SkuWeightRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private weights(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(SkuWeightEntity);
  }

  async upsert(rows: Pick<SkuWeightEntity, 'accountId' | 'sku' | 'weightOz'>[], em?: EntityManager): Promise<void> {
    if (rows.length) await this.weights(em).upsert(rows, ['accountId', 'sku']);
  }

  async deleteBySkus(accountId: string, skus: readonly string[], em?: EntityManager): Promise<void> {
    if (skus.length) await this.weights(em).delete({ accountId, sku: In([...skus]) });
  }

  /** The account's weights of these SKUs (all of them when `skus` is null), by SKU. */
  findBySkus(accountId: string, skus: readonly string[], em?: EntityManager): Promise<SkuWeightEntity[]> {
    return this.find(accountId, skus, em);
  }

  find(accountId: string, skus: readonly string[] | null, em?: EntityManager): Promise<SkuWeightEntity[]> {
    if (skus && skus.length === 0) return Promise.resolve([]);
    return this.weights(em).find({
      where: skus ? { accountId, sku: In([...skus]) } : { accountId },
      order: { sku: 'ASC' },
      take: skus ? undefined : 5000,
    });
  }
}
