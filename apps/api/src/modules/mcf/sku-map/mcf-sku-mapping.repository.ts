import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { McfSkuMappingEntity } from './mcf-sku-mapping.entity';

export interface McfSkuMappingRow {
  mcfAccountId: string;
  sellerSku: string;
  amazonSku: string;
}

/** The only way into the `mcf_sku_mapping` table. */
@Injectable()
export class McfSkuMappingRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private mappings(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(McfSkuMappingEntity);
  }

  /** By seller SKU; of one MCF account when given; `search` matches either SKU (case-insensitive, anywhere). */
  list(filter: { mcfAccountId: string | null; search: string | null }, limit: number): Promise<McfSkuMappingEntity[]> {
    const qb = this.mappings().createQueryBuilder('m').orderBy('m.seller_sku').addOrderBy('m.id').take(limit);
    if (filter.mcfAccountId) qb.andWhere('m.mcf_account_id = :account', { account: filter.mcfAccountId });
    if (filter.search)
      qb.andWhere('(lower(m.seller_sku) LIKE :q OR lower(m.amazon_sku) LIKE :q)', {
        q: `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    return qb.getMany();
  }

  findById(id: string): Promise<McfSkuMappingEntity | null> {
    return this.mappings().findOneBy({ id });
  }

  /** The Amazon SKU for each of these seller SKUs that has one, for one MCF account. */
  async amazonSkus(mcfAccountId: string, sellerSkus: readonly string[]): Promise<Map<string, string>> {
    if (sellerSkus.length === 0) return new Map();
    const rows = await this.mappings().findBy({ mcfAccountId, sellerSku: In([...new Set(sellerSkus)]) });
    return new Map(rows.map((r) => [r.sellerSku, r.amazonSku]));
  }

  /** Creates or replaces the mapping of each (account, seller SKU); returns the stored rows in the given order. */
  async upsert(rows: readonly McfSkuMappingRow[], actor: string): Promise<McfSkuMappingEntity[]> {
    if (rows.length === 0) return [];
    await this.ds.transaction(async (em) => {
      for (const row of rows)
        await em.query(
          `INSERT INTO mcf_sku_mapping (mcf_account_id, seller_sku, amazon_sku, updated_by) VALUES ($1, $2, $3, $4)
             ON CONFLICT (mcf_account_id, seller_sku) DO UPDATE SET amazon_sku = EXCLUDED.amazon_sku, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [row.mcfAccountId, row.sellerSku, row.amazonSku, actor],
        );
    });
    const stored = await this.mappings().findBy(
      rows.map((r) => ({ mcfAccountId: r.mcfAccountId, sellerSku: r.sellerSku })),
    );
    const byKey = new Map(stored.map((m) => [`${m.mcfAccountId}\u0000${m.sellerSku}`, m]));
    return rows.map((r) => byKey.get(`${r.mcfAccountId}\u0000${r.sellerSku}`)!);
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.mappings().delete({ id })).affected ?? 0) > 0;
  }
}
