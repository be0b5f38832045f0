import { Injectable } from '@nestjs/common';
import { NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { SkuWeightEntity } from './sku-weight.entity';
import { SkuWeightRepository } from './sku-weight.repository';

export interface SkuWeightRow {
  sku: string;
  /** Ounces per unit; null removes the SKU's weight. */
  weightOz: number | null;
}

/** What each SKU weighs, per account: the label parcel's weight is the box's plus its units'. */
@Injectable()
export class SkuWeightsService {
  constructor(
    private readonly weights: SkuWeightRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** The account's known weights, of these SKUs or of all of them. */
  async list(accountId: string, skus: readonly string[] | null): Promise<SkuWeightEntity[]> {
    await this.account(accountId);
    return this.weights.find(accountId, skus);
  }

  /** SKU → ounces of the account's SKUs that have a weight. */
  async weightsOf(accountId: string, skus: readonly string[]): Promise<Record<string, number>> {
    const rows = await this.weights.find(accountId, [...new Set(skus)]);
    return Object.fromEntries(rows.map((r) => [r.sku, r.weightOz]));
  }

  /** Sets (or, with a null weight, removes) each SKU's weight in one transaction; the last row for a SKU wins. */
  async set(
    accountId: string,
    rows: SkuWeightRow[],
    actor: string,
  ): Promise<{ set: SkuWeightEntity[]; removed: string[] }> {
    await this.account(accountId);
    const last = new Map(rows.map((r) => [r.sku, r.weightOz]));
    const upserts = [...last].flatMap(([sku, weightOz]) => (weightOz === null ? [] : [{ accountId, sku, weightOz }]));
    const removals = [...last].filter(([, w]) => w === null).map(([sku]) => sku);
    return this.tx.run(async (em) => {
      await this.weights.upsert(upserts, em);
      const removed = (await this.weights.find(accountId, removals, em)).map((r) => r.sku);
      await this.weights.deleteBySkus(accountId, removed, em);
      await this.audit.record(em, {
        actor,
        action: 'catalog.sku_weights_set',
        entityType: 'channel_account',
        entityId: accountId,
        after: { set: upserts.map(({ sku, weightOz }) => ({ sku, weightOz })), removed },
      });
      const set = await this.weights.find(
        accountId,
        upserts.map((u) => u.sku),
        em,
      );
      return { set, removed: removed.sort() };
    });
  }

  private async account(accountId: string): Promise<void> {
    if (!(await this.accounts.exists(accountId))) throw new NotFoundError('Channel account', accountId);
  }
}
