import { useQuery } from '@tanstack/react-query';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { OrderEvidenceQuery } from './evidence.graphql';

export const evidenceQueryKeys = queryKeysFactory('evidence');

export function useOrderEvidence(orderId: string) {
  return useQuery({
    queryKey: evidenceQueryKeys.detail(orderId),
    queryFn: ({ signal }) => request(OrderEvidenceQuery, { orderId }, { signal }),
  });
}
