import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkShipRowInput, BulkTarget } from '@/gql/graphql';
import { request } from '@/lib/api';
import { ordersQueryKeys, outboxQueryKeys } from '@/features/shared/api/query-keys';
import {
  BulkAcknowledgeMutation,
  BulkCancelMutation,
  BulkPreviewQuery,
  BulkRouteToMcfMutation,
  BulkShipMutation,
} from './bulk.graphql';

/** The orders a target covers, asked fresh each time (the count the person saw is checked again). */
export function fetchBulkPreview(target: BulkTarget) {
  return request(BulkPreviewQuery, { target }).then((data) => data.bulkPreview);
}

export function useBulkPreview(target: BulkTarget | null) {
  return useQuery({
    queryKey: ['bulk', 'preview', target],
    queryFn: () => fetchBulkPreview(target!),
    enabled: target !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Bulk actions change many orders and queue outbox rows: the inbox and the outbox are read again. */
function useBulkMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ordersQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: outboxQueryKeys.all }),
      ]),
  });
}

export function useBulkAcknowledge() {
  return useBulkMutation((target: BulkTarget) =>
    request(BulkAcknowledgeMutation, { target }).then((d) => d.bulkAcknowledge),
  );
}

export function useBulkCancel() {
  return useBulkMutation(({ target, reason }: { target: BulkTarget; reason: string }) =>
    request(BulkCancelMutation, { target, reason }).then((d) => d.bulkCancel),
  );
}

export function useBulkRouteToMcf() {
  return useBulkMutation((target: BulkTarget) =>
    request(BulkRouteToMcfMutation, { target }).then((d) => d.bulkRouteToMcf),
  );
}

export function useBulkShip() {
  return useBulkMutation((rows: BulkShipRowInput[]) => request(BulkShipMutation, { rows }).then((d) => d.bulkShip));
}
