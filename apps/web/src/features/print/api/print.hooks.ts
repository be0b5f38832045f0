import { useQuery } from '@tanstack/react-query';
import type { BulkTarget } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { PickListQuery, PrintableOrdersQuery } from './print.graphql';

export const printQueryKeys = queryKeysFactory('print');

/** The orders of a print run, as they are now; a print page is read once, not polled. */
export function usePrintableOrders(target: BulkTarget | null) {
  return useQuery({
    queryKey: printQueryKeys.list({ slips: target }),
    queryFn: ({ signal }) => request(PrintableOrdersQuery, { target: target! }, { signal }),
    enabled: target !== null,
    staleTime: Infinity,
  });
}

export function usePickList(target: BulkTarget | null) {
  return useQuery({
    queryKey: printQueryKeys.list({ pickList: target }),
    queryFn: ({ signal }) => request(PickListQuery, { target: target! }, { signal }),
    enabled: target !== null,
    staleTime: Infinity,
  });
}
