import type { OrderFilter } from '@/gql/graphql';
import { queryKeysFactory } from '@/lib/query-key-factory';

// Here rather than in their features: actions, MCF and the outbox change orders and queue channel calls, so they
// invalidate these caches without importing the features that read them.
const orderKeys = queryKeysFactory('orders');
export const ordersQueryKeys = {
  ...orderKeys,
  counts: (filter: OrderFilter) => [...orderKeys.all, 'counts', filter] as const,
};

export const outboxQueryKeys = queryKeysFactory('outbox');
