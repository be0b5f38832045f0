import { randomBytes } from 'node:crypto';
import type { Channel } from '@order-hub/types';
import type { Account, AccountData, IssuedToken } from './types';

export const AMAZON_US_MARKETPLACE = 'ATVPDKIKX0DER';
const TOKEN_MEMORY_MS = 24 * 3600 * 1000;

function secret(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function emptyData(account: Account): AccountData {
  return {
    account,
    walmartOrders: new Map(),
    amazonOrders: new Map(),
    mcfOrders: new Map(),
    inventory: new Map(),
    feeds: new Map(),
    feedDocuments: new Map(),
    walmartNextDue: Number.POSITIVE_INFINITY,
    sequence: 0,
  };
}

/** All sandbox state, in memory. Each account's orders, inventory and feeds are isolated from the others. */
export class Store {
  readonly accounts = new Map<string, AccountData>();
  readonly walmartTokens = new Map<string, IssuedToken>();
  readonly amazonTokens = new Map<string, IssuedToken>();

  createAccount(channel: Channel, name: string | undefined, now: number): Account {
    const id = `acc_${secret(6)}`;
    const account: Account = {
      id,
      channel,
      name: name ?? `${channel === 'WALMART' ? 'Walmart' : 'Amazon'} seller ${this.accounts.size + 1}`,
      createdAt: now,
    };
    if (channel === 'WALMART') {
      account.walmart = {
        clientId: `wm-${secret(8)}`,
        clientSecret: secret(24),
        sellerId: String(100000 + this.accounts.size),
      };
    } else {
      account.amazon = {
        clientId: `amzn1.application-oa2-client.${secret(16)}`,
        clientSecret: `amzn1.oa2-cs.v1.${secret(24)}`,
        refreshToken: `Atzr|${secret(48)}`,
        sellerId: `A${secret(6).toUpperCase()}`,
        marketplaceId: AMAZON_US_MARKETPLACE,
      };
    }
    this.accounts.set(id, emptyData(account));
    return account;
  }

  require(accountId: string): AccountData {
    const data = this.accounts.get(accountId);
    if (!data) throw new Error(`unknown account ${accountId}`);
    return data;
  }

  /**
   * Stores a new token and forgets those expired for over a day, so a long-running demo does not accumulate
   * them while a recently expired token is still answered as "expired" rather than unknown.
   */
  issueToken(tokens: Map<string, IssuedToken>, token: string, issued: IssuedToken, now: number): void {
    for (const [key, value] of tokens) if (value.expiresAt <= now - TOKEN_MEMORY_MS) tokens.delete(key);
    tokens.set(token, issued);
  }

  findWalmartAccount(clientId: string): AccountData | undefined {
    return [...this.accounts.values()].find((d) => d.account.walmart?.clientId === clientId);
  }
}
