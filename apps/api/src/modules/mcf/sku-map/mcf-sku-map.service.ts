import { Injectable } from '@nestjs/common';
import { channelProfile } from '@order-hub/rules';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { McfSkuMappingEntity } from './mcf-sku-mapping.entity';
import { McfSkuMappingRepository, type McfSkuMappingRow } from './mcf-sku-mapping.repository';

export const MCF_SKU_MAP_LIST_MAX = 500;

/** The SKU map: which Amazon seller SKU MCF ships for the seller's SKU on an origin order's line. */
@Injectable()
export class McfSkuMapService {
  constructor(
    private readonly repo: McfSkuMappingRepository,
    private readonly accounts: ChannelAccountRepository,
  ) {}

  list(mcfAccountId: string | null, search: string | null): Promise<McfSkuMappingEntity[]> {
    return this.repo.list({ mcfAccountId, search: search?.trim() || null }, MCF_SKU_MAP_LIST_MAX);
  }

  /** Seller SKU → Amazon SKU for the lines of an order going to this MCF account (unmapped SKUs go as they are). */
  amazonSkus(mcfAccountId: string, sellerSkus: readonly string[]): Promise<Map<string, string>> {
    return this.repo.amazonSkus(mcfAccountId, sellerSkus);
  }

  async set(rows: readonly McfSkuMappingRow[], actor: string): Promise<McfSkuMappingEntity[]> {
    for (const accountId of new Set(rows.map((r) => r.mcfAccountId))) {
      const account = await this.accounts.findById(accountId);
      if (!account || !channelProfile(account.channel).mcf.provider)
        throw new BadUserInputError('mcfAccountId', 'must be an Amazon account (the one whose MCF stock ships).');
    }
    const seen = new Set<string>();
    for (const r of rows) {
      const key = `${r.mcfAccountId}\u0000${r.sellerSku}`;
      if (seen.has(key))
        throw new BadUserInputError('sellerSku', `${r.sellerSku} is listed twice; each SKU maps to one Amazon SKU.`);
      seen.add(key);
    }
    return this.repo.upsert(rows, actor);
  }

  async remove(id: string): Promise<boolean> {
    if (!(await this.repo.delete(id))) throw new NotFoundError('SKU mapping', id);
    return true;
  }
}
