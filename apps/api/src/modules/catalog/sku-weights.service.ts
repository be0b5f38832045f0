import { Injectable } from '@nestjs/common';
import { NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { SkuWeightEntity } from './sku-weight.entity';
import { SkuWeightRepository } from './sku-weight.repository';
import { setSkuFacts } from './sku-facts';

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
    const facts = new Map(
      rows.map((r) => [r.sku, r.weightOz === null ? null : { accountId, sku: r.sku, weightOz: r.weightOz }]),
    );
    return setSkuFacts(
      { tx: this.tx, audit: this.audit, store: this.weights },
      { accountId, facts, action: 'catalog.sku_weights_set', actor },
    );
  }

  private async account(accountId: string): Promise<void> {
    if (!(await this.accounts.exists(accountId))) throw new NotFoundError('Channel account', accountId);
  }
}
