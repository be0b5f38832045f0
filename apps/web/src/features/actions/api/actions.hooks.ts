import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CancelOrderLinesInput, RefundOrderLinesInput, ShipmentInput, TrackingUpdateInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { ordersQueryKeys, outboxQueryKeys } from '@/features/shared/api/query-keys';
import {
  AcknowledgeOrdersMutation,
  CancelOrderLinesMutation,
  ConfirmShipmentMutation,
  ConfirmShipmentsCsvMutation,
  RefundOrderLinesMutation,
  UpdateTrackingMutation,
  ValidateShipmentQuery,
} from './actions.graphql';

export const actionsQueryKeys = {
  all: ['actions'] as const,
  validateShipment: (input: ShipmentInput | null) => [...actionsQueryKeys.all, 'validateShipment', input] as const,
};

/**
 * Every action changes orders (status, lines, version, timeline, inbox counts) and queues outbox rows:
 * refetch both.
 */
function useActionMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
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

export function useAcknowledgeOrders() {
  return useActionMutation((ids: string[]) => request(AcknowledgeOrdersMutation, { ids }));
}

export function useConfirmShipment() {
  return useActionMutation((input: ShipmentInput) => request(ConfirmShipmentMutation, { input }));
}

export function useUpdateTracking() {
  return useActionMutation((variables: { shipmentId: string; input: TrackingUpdateInput }) =>
    request(UpdateTrackingMutation, variables),
  );
}

export function useCancelOrderLines() {
  return useActionMutation((input: CancelOrderLinesInput) => request(CancelOrderLinesMutation, { input }));
}

export function useRefundOrderLines() {
  return useActionMutation((input: RefundOrderLinesInput) => request(RefundOrderLinesMutation, { input }));
}

/** Where a CSV's shipments came from: kept on each shipment so alarms and plans of action can name them. */
export interface CsvSource {
  fileName: string | null;
  supplier: string | null;
  /** One of the hub's suppliers: the rows become its tracking intake. */
  supplierId: string | null;
}

export function useConfirmShipmentsCsv() {
  return useActionMutation(({ csv, source }: { csv: string; source: CsvSource }) =>
    request(ConfirmShipmentsCsvMutation, { csv, ...source }),
  );
}

/**
 * The server's validateShipment (the database checks too, e.g. tracking reused on another order) for an
 * input that has settled; `input` null (still typing, nothing to check) asks nothing.
 */
export function useServerShipmentCheck(input: ShipmentInput | null) {
  return useQuery({
    queryKey: actionsQueryKeys.validateShipment(input),
    queryFn: ({ signal }) => request(ValidateShipmentQuery, { input: input! }, { signal }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: false,
  });
}
