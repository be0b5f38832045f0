import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CarrierCode } from '@order-hub/types';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { alertsQueryKeys } from '@/features/alerts/api/alerts.hooks';
import { ordersQueryKeys } from '@/features/shared/api/query-keys';
import type { SupplierFormInput } from '../lib/supplier-form';
import type { SkuInput } from '../lib/sku-rows';
import {
  ApproveTrackingIntakeMutation,
  CreateSupplierMutation,
  DismissTrackingIntakeMutation,
  HeldIntakeQuery,
  OrderSupplierQuery,
  SendPurchaseOrdersMutation,
  SetSupplierSkusMutation,
  SupplierAccountsQuery,
  SupplierLinkMutation,
  SupplierQuery,
  SuppliersQuery,
  UpdateSupplierMutation,
  WaitingCountQuery,
  WaitingPurchaseOrdersQuery,
} from './suppliers.graphql';

export const SUPPLIERS_PAGE_SIZE = 50;
/** Tracking arrives by mail, link and CSV on the server's schedule, and the clocks move: poll. */
export const SUPPLIERS_POLL_MS = 15_000;
export const suppliersQueryKeys = queryKeysFactory('suppliers');

export function useSuppliers() {
  return useQuery({
    queryKey: suppliersQueryKeys.list({}),
    queryFn: ({ signal }) => request(SuppliersQuery, {}, { signal }),
    select: (data) => data.suppliers,
  });
}

export function useSupplier(id: string, after: string | null) {
  return useQuery({
    queryKey: suppliersQueryKeys.detail(`${id}:${after ?? ''}`),
    queryFn: ({ signal }) => request(SupplierQuery, { id, after }, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: SUPPLIERS_POLL_MS,
  });
}

export function useSupplierAccounts() {
  return useQuery({
    queryKey: suppliersQueryKeys.detail('accounts'),
    queryFn: ({ signal }) => request(SupplierAccountsQuery, {}, { signal }),
    select: (data) => data.channelAccounts,
    staleTime: 60_000,
  });
}

export function useWaitingPurchaseOrders(after: string | null) {
  const variables = { first: SUPPLIERS_PAGE_SIZE, after };
  return useQuery({
    queryKey: suppliersQueryKeys.list({ waiting: true, ...variables }),
    queryFn: ({ signal }) => request(WaitingPurchaseOrdersQuery, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: SUPPLIERS_POLL_MS,
  });
}

/** How many purchase orders wait for tracking: the header link's count. */
export function useWaitingCount() {
  return useQuery({
    queryKey: suppliersQueryKeys.detail('waiting-count'),
    queryFn: ({ signal }) => request(WaitingCountQuery, {}, { signal }),
    select: (data) => data.purchaseOrders.totalCount,
    refetchInterval: 60_000,
  });
}

export function useHeldIntake(after: string | null) {
  const variables = { first: SUPPLIERS_PAGE_SIZE, after };
  return useQuery({
    queryKey: suppliersQueryKeys.list({ held: true, ...variables }),
    queryFn: ({ signal }) => request(HeldIntakeQuery, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: SUPPLIERS_POLL_MS,
  });
}

export function useOrderSupplier(orderId: string) {
  return useQuery({
    queryKey: suppliersQueryKeys.detail(`order:${orderId}`),
    queryFn: ({ signal }) => request(OrderSupplierQuery, { id: orderId }, { signal }),
    select: (data) => data.order,
    refetchInterval: SUPPLIERS_POLL_MS,
  });
}

/** The supplier link is signed on request (a mutation: the api keeps no link), when the operator asks to see it. */
export function useSupplierLink() {
  return useMutation({
    mutationFn: (orderId: string) => request(SupplierLinkMutation, { orderId }).then((data) => data.supplierLink),
  });
}

/** Anything a supplier change touches: suppliers, purchase orders, intake, the orders they apply to and alerts. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: suppliersQueryKeys.all }),
      queryClient.invalidateQueries({ queryKey: ordersQueryKeys.all }),
      queryClient.invalidateQueries({ queryKey: alertsQueryKeys.all }),
    ]);
}

export function useSaveSupplier() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: SupplierFormInput }) =>
      id
        ? request(UpdateSupplierMutation, { id, input }).then((data) => data.updateSupplier)
        : request(CreateSupplierMutation, { input }).then((data) => data.createSupplier),
    onSuccess: invalidate,
  });
}

export function useSetSupplierSkus() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (variables: { supplierId: string; skus: SkuInput[] }) => request(SetSupplierSkusMutation, variables),
    onSuccess: invalidate,
  });
}

export function useSendPurchaseOrders() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (orderIds: string[]) =>
      request(SendPurchaseOrdersMutation, { orderIds }).then((data) => data.sendPurchaseOrders),
    onSuccess: invalidate,
  });
}

export function useApproveTrackingIntake() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (variables: {
      id: string;
      carrier: CarrierCode | null;
      carrierName: string | null;
      trackingNumber: string | null;
    }) => request(ApproveTrackingIntakeMutation, variables).then((data) => data.approveTrackingIntake),
    onSuccess: invalidate,
  });
}

export function useDismissTrackingIntake() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (variables: { id: string; note: string }) =>
      request(DismissTrackingIntakeMutation, variables).then((data) => data.dismissTrackingIntake),
    onSuccess: invalidate,
  });
}
