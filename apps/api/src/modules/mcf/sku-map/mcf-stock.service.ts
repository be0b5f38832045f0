import { Injectable } from '@nestjs/common';
import { channelProfile, MCF_REQUIRED_FEATURES } from '@order-hub/rules';
import type { AmazonAdapter } from 'src/modules/channels/amazon/amazon.adapter';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { ChannelError } from 'src/modules/channels/channel-error';

/** What Amazon can fulfil of a SKU right now, or why that is not known. */
export interface McfStock {
  units: number | null;
  /** Why there is no figure, in words ("Amazon does not know this SKU"…); null when `units` is known. */
  unavailable: string | null;
  checkedAt: Date;
}

/** Stock is read when a screen asks; a figure this young is reused rather than asking Amazon again. */
const CACHE_MS = 60_000;
const MAX_CACHED = 5_000;

/** Why a stock call failed, for a person. */
function inWords(err: unknown): string {
  if (!(err instanceof ChannelError)) return 'the request to Amazon failed.';
  switch (err.kind) {
    case 'AUTH':
      return 'Amazon refused the account’s credentials; reconnect the Amazon account.';
    case 'THROTTLED':
      return 'Amazon asked the hub to slow down; the figure comes back within a minute.';
    case 'NOT_FOUND':
      return 'Amazon does not know this SKU.';
    case 'INVALID_REQUEST':
      return `Amazon refused the request (${err.message}).`;
    case 'SERVER':
      return 'Amazon had a fault answering; try again in a minute.';
    case 'NETWORK':
      return 'Amazon could not be reached; try again in a minute.';
  }
}

/** MCF stock per Amazon seller SKU, through the account's adapter (getFeatureSKU), with a short cache. */
@Injectable()
export class McfStockService {
  private readonly cache = new Map<string, McfStock>();

  constructor(
    private readonly accounts: ChannelAccountRepository,
    private readonly adapters: ChannelAdaptersService,
  ) {}

  async stock(mcfAccountId: string, amazonSku: string): Promise<McfStock> {
    const key = `${mcfAccountId}\u0000${amazonSku}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.checkedAt.getTime() < CACHE_MS) return cached;
    const fresh = await this.ask(mcfAccountId, amazonSku);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    // A failure is not kept: the next look asks again.
    if (fresh.units !== null) this.cache.set(key, fresh);
    return fresh;
  }

  private async ask(mcfAccountId: string, amazonSku: string): Promise<McfStock> {
    const checkedAt = new Date();
    const account = await this.accounts.findEnabledById(mcfAccountId);
    if (!account || !channelProfile(account.channel).mcf.provider)
      return { units: null, unavailable: 'the MCF account is disabled or not an Amazon account.', checkedAt };
    try {
      const adapter = (await this.adapters.forAccount(account)) as AmazonAdapter;
      const found = await adapter.mcf.stock(MCF_REQUIRED_FEATURES[0].featureName, amazonSku);
      if (!found.eligible && found.ineligibleReasons.some((r) => /INVALID_SKU/i.test(r)))
        return { units: null, unavailable: 'Amazon does not know this SKU.', checkedAt };
      return { units: found.units, unavailable: null, checkedAt };
    } catch (err) {
      return { units: null, unavailable: inWords(err), checkedAt };
    }
  }
}
