import type { AccountHealthSnapshot } from '@order-hub/types';

/** An adapter of a channel that publishes the seller's account health (the profile's accountHealthReport). */
export interface AccountHealthReader {
  accountHealth: { fetch(): Promise<{ snapshot: AccountHealthSnapshot; document: unknown }> };
}
