import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ComplianceMetricKey, MetricOrderSet } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import {
  ComplianceAccountsQuery,
  ComplianceMetricOrdersQuery,
  ComplianceReportQuery,
  RefreshAccountHealthMutation,
} from './compliance.graphql';

export const complianceQueryKeys = queryKeysFactory('compliance');

export interface ReportScope {
  channel: Channel;
  /** null: every account of the channel. */
  accountId: string | null;
}

/**
 * The report as of now; the page reads every metric's orders and plan as of the instant the report was computed.
 * `live: false` holds that instant still (no polling, no refetch on focus) while the operator pages orders or
 * edits a plan, whose queries are keyed by it.
 */
export function useComplianceReport(scope: ReportScope, { live }: { live: boolean }) {
  return useQuery({
    queryKey: complianceQueryKeys.list({ report: scope }),
    queryFn: ({ signal }) => request(ComplianceReportQuery, { ...scope, asOf: null }, { signal }),
    refetchInterval: live ? 5 * 60_000 : false,
    refetchOnWindowFocus: live,
  });
}

export interface MetricOrdersParams extends ReportScope {
  asOf: string;
  key: ComplianceMetricKey;
  category: string | null;
  set: MetricOrderSet;
  first: number;
  after: string | null;
}

export function useMetricOrders({ category, ...rest }: MetricOrdersParams) {
  const variables = { ...rest, category: category ?? '' };
  return useQuery({
    queryKey: complianceQueryKeys.list({ orders: variables }),
    queryFn: ({ signal }) => request(ComplianceMetricOrdersQuery, variables, { signal }),
    select: (data) => data.complianceReport.metrics[0]?.orders ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useComplianceAccounts() {
  return useQuery({
    queryKey: complianceQueryKeys.list({ accounts: true }),
    queryFn: ({ signal }) => request(ComplianceAccountsQuery, {}, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Fetches an account's health report from its channel now; the reports showing it read it again. */
export function useRefreshAccountHealth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => request(RefreshAccountHealthMutation, { accountId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complianceQueryKeys.lists() }),
  });
}
