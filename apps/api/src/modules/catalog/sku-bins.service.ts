import { Injectable } from '@nestjs/common';
import { NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { SkuBinEntity } from './sku-bin.entity';
import { SkuBinRepository } from './sku-bin.repository';

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
    const last = new Map(rows.map((r) => [r.sku, r.bin]));
    const upserts = [...last].filter(([, bin]) => bin !== '').map(([sku, bin]) => ({ accountId, sku, bin }));
    const removals = [...last].filter(([, bin]) => bin === '').map(([sku]) => sku);
    return this.tx.run(async (em) => {
      await this.bins.upsert(upserts, em);
      const removed = (await this.bins.findBySkus(accountId, removals, em)).map((r) => r.sku);
      await this.bins.deleteBySkus(accountId, removed, em);
      await this.audit.record(em, {
        actor,
        action: 'catalog.sku_bins_set',
        entityType: 'channel_account',
        entityId: accountId,
        after: { set: upserts.map(({ sku, bin }) => ({ sku, bin })), removed },
      });
      const set = await this.bins.findBySkus(
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

export const binKey = (accountId: string, sku: string) => `${accountId} ${sku}`;
