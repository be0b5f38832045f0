import DataLoader from 'dataloader';
import type { Caller, GraphqlContext } from 'src/common/graphql/graphql-context';
import { actorOf } from 'src/modules/auth/caller';
import type { BuyerDataAccessRepository, BuyerDataRead } from './buyer-data-access.repository';

const SEPARATOR = '\u0000';

/** One loader per GraphQL request: the buyer-data fields it resolves are written as one INSERT when it settles. */
const recorders = new WeakMap<object, DataLoader<string, true>>();

function readsOf(keys: readonly string[], caller: Caller | undefined, ip: string | null): BuyerDataRead[] {
  const fieldsByOrder = new Map<string, Set<string>>();
  for (const key of keys) {
    const [orderId, field] = key.split(SEPARATOR);
    const fields = fieldsByOrder.get(orderId) ?? new Set<string>();
    fields.add(field);
    fieldsByOrder.set(orderId, fields);
  }
  return [...fieldsByOrder].map(([orderId, fields]) => ({
    actor: caller ? actorOf(caller) : 'unknown',
    userId: caller?.userId ?? null,
    tokenId: caller?.tokenId ?? null,
    orderId,
    fields: [...fields].sort().join(','),
    via: 'GRAPHQL',
    ip,
  }));
}

/**
 * Records that this request read an order's buyer data; resolves once the row is written, so no buyer data
 * leaves the hub unlogged (a failed write fails the field).
 */
export function recordBuyerDataRead(
  ctx: GraphqlContext,
  repo: BuyerDataAccessRepository,
  orderId: string,
  field: string,
): Promise<true> {
  let loader = recorders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, true>(
      async (keys) => {
        await repo.insertMany(readsOf(keys, ctx.caller, ctx.req?.ip ?? null));
        return keys.map(() => true as const);
      },
      { cache: false },
    );
    recorders.set(ctx, loader);
  }
  return loader.load(`${orderId}${SEPARATOR}${field}`);
}
