import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ShipFromInput,
  SkuWeightInput,
  BuyLabelInput,
  BuyLabelsInput,
  LabelParcelInput,
  LabelShipToInput,
  ShipmentLineInput,
  PackagePresetInput,
} from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { ordersQueryKeys, outboxQueryKeys } from '@/features/shared/api/query-keys';
import {
  BuyLabelMutation,
  BuyLabelsMutation,
  DeletePackagePresetMutation,
  LabelCostsQuery,
  LabelRatesQuery,
  OrderLabelsQuery,
  PackagePresetsQuery,
  ProposedParcelQuery,
  SavePackagePresetMutation,
  SetShipFromMutation,
  SetSkuWeightsMutation,
  ShipFromQuery,
  SkuWeightsQuery,
  VerifyShipToQuery,
  VoidLabelMutation,
} from './labels.graphql';

const labelKeys = queryKeysFactory('labels');
export const labelsQueryKeys = {
  ...labelKeys,
  rates: (
    orderId: string,
    parcel: LabelParcelInput | null,
    presetId: string | null,
    shipTo: LabelShipToInput | null,
    lines: ShipmentLineInput[] | null,
  ) => [...labelKeys.all, 'rates', orderId, parcel, presetId, shipTo, lines] as const,
  shipTo: (orderId: string) => [...labelKeys.all, 'shipTo', orderId] as const,
  presets: () => [...labelKeys.all, 'presets'] as const,
  proposed: (orderId: string) => [...labelKeys.all, 'proposed', orderId] as const,
  shipFrom: () => [...labelKeys.all, 'shipFrom'] as const,
  skuWeights: (accountId: string) => [...labelKeys.all, 'skuWeights', accountId] as const,
  costs: (from: string, to: string) => [...labelKeys.all, 'costs', from, to] as const,
};

export function useOrderLabels(orderId: string) {
  return useQuery({
    queryKey: labelsQueryKeys.detail(orderId),
    queryFn: ({ signal }) => request(OrderLabelsQuery, { id: orderId }, { signal }),
  });
}

/**
 * Rates for the parcel once the operator asks (`enabled`); quotes expire, so they are never served from the cache
 * to a later click.
 */
export function useLabelRates(
  orderId: string,
  parcel: LabelParcelInput | null,
  presetId: string | null,
  shipTo: LabelShipToInput | null,
  lines: ShipmentLineInput[] | null,
  enabled: boolean,
) {
  return useQuery({
    queryKey: labelsQueryKeys.rates(orderId, parcel, presetId, shipTo, lines),
    queryFn: ({ signal }) =>
      request(
        LabelRatesQuery,
        { orderId, parcel, presetId, ...(shipTo ? { shipTo } : {}), ...(lines ? { lines } : {}) },
        { signal },
      ),
    enabled,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
}

export function useVerifyShipTo(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: labelsQueryKeys.shipTo(orderId),
    queryFn: ({ signal }) => request(VerifyShipToQuery, { orderId }, { signal }),
    enabled,
    retry: false,
  });
}

/** The label queries that describe the purchase being made: asked again after it, a shipped order has none. */
const PURCHASE_INPUTS: readonly unknown[] = ['rates', 'shipTo', 'proposed'];

/**
 * Buying or voiding changes the order (shipped / back in the queue), its outbox and its labels. The rates, the
 * address check and the proposed parcel on screen stay as they were: asked again for an order just shipped, they
 * would answer "nothing left to ship" over the label just bought.
 */
function useLabelMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ordersQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: outboxQueryKeys.all }),
        queryClient.invalidateQueries({
          queryKey: labelsQueryKeys.all,
          predicate: (query) => !PURCHASE_INPUTS.includes(query.queryKey[labelsQueryKeys.all.length]),
        }),
      ]),
  });
}

export function useBuyLabel() {
  return useLabelMutation((input: BuyLabelInput) => request(BuyLabelMutation, { input }));
}

export function useVoidLabel() {
  return useLabelMutation((labelId: string) => request(VoidLabelMutation, { labelId }));
}

export function useBuyLabels() {
  return useLabelMutation((input: BuyLabelsInput) => request(BuyLabelsMutation, { input }));
}

export function usePackagePresets() {
  return useQuery({
    queryKey: labelsQueryKeys.presets(),
    queryFn: ({ signal }) => request(PackagePresetsQuery, {}, { signal }),
  });
}

function usePresetMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labelsQueryKeys.presets() }),
  });
}

export function useSavePackagePreset() {
  return usePresetMutation((input: PackagePresetInput) => request(SavePackagePresetMutation, { input }));
}

export function useDeletePackagePreset() {
  return usePresetMutation((id: string) => request(DeletePackagePresetMutation, { id }));
}

export function useShipFromAddresses() {
  return useQuery({
    queryKey: labelsQueryKeys.shipFrom(),
    queryFn: ({ signal }) => request(ShipFromQuery, {}, { signal }),
  });
}

export function useSetShipFrom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: { accountId: string; address: ShipFromInput }) => request(SetShipFromMutation, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labelsQueryKeys.shipFrom() }),
  });
}

export function useLabelCosts(from: string, to: string) {
  return useQuery({
    queryKey: labelsQueryKeys.costs(from, to),
    queryFn: ({ signal }) => request(LabelCostsQuery, { from, to }, { signal }),
  });
}

export function useSkuWeights(accountId: string) {
  return useQuery({
    queryKey: labelsQueryKeys.skuWeights(accountId),
    queryFn: ({ signal }) => request(SkuWeightsQuery, { accountId }, { signal }),
  });
}

export function useSetSkuWeights(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rows: SkuWeightInput[]) => request(SetSkuWeightsMutation, { accountId, rows }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labelsQueryKeys.skuWeights(accountId) }),
  });
}

/** The preset the api proposes for the order and its weight, or what SKU weights it lacks. */
export function useProposedParcel(orderId: string) {
  return useQuery({
    queryKey: labelsQueryKeys.proposed(orderId),
    queryFn: ({ signal }) => request(ProposedParcelQuery, { orderId }, { signal }),
  });
}
