import { Injectable } from '@nestjs/common';
import { NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { SkuBinEntity } from './sku-bin.entity';
import { SkuBinRepository } from './sku-bin.repository';
import { setSkuFacts } from './sku-facts';

export interface SkuBinRow {
  sku: string;
  /** Blank removes the SKU's bin. */
  bin: string;
}

/** Where the seller keeps each SKU, per account: the pick list is printed in bin order. */
@Injectable()
export class SkuBinsService {
  constructor(
    private readonly bins: SkuBinRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** One page by SKU; `afterSku` is the last SKU of the previous page. */
  async page(accountId: string, first: number, afterSku: string | null): Promise<SkuBinEntity[]> {
    await this.account(accountId);
    return this.bins.page(accountId, first, afterSku);
  }

  count(accountId: string): Promise<number> {
    return this.bins.countByAccount(accountId);
  }

  /** The bin of each (account, SKU) that has one, keyed `accountId sku`. */
  async binsOf(pairs: readonly { accountId: string; sku: string }[]): Promise<Map<string, string>> {
    const rows = await this.bins.findByAccountSkus(pairs);
    return new Map(rows.map((r) => [binKey(r.accountId, r.sku), r.bin]));
  }

  /** Sets (or, with a blank bin, removes) each SKU's bin in one transaction; the last row for a SKU wins. */
  async set(accountId: string, rows: SkuBinRow[], actor: string): Promise<{ set: SkuBinEntity[]; removed: string[] }> {
    await this.account(accountId);
    const facts = new Map(rows.map((r) => [r.sku, r.bin === '' ? null : { accountId, sku: r.sku, bin: r.bin }]));
    return setSkuFacts(
      { tx: this.tx, audit: this.audit, store: this.bins },
      { accountId, facts, action: 'catalog.sku_bins_set', actor },
    );
  }

  private async account(accountId: string): Promise<void> {
    if (!(await this.accounts.exists(accountId))) throw new NotFoundError('Channel account', accountId);
  }
}

export const binKey = (accountId: string, sku: string) => `${accountId} ${sku}`;
