import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Channel } from '../../../gql/graphql';
import { request } from '../../../lib/api';
import { queryKeysFactory } from '../../../lib/query-key-factory';
import { ComplianceAccountsQuery, ComplianceMetricOrdersQuery, ComplianceReportQuery } from './compliance.graphql';

export const complianceQueryKeys = queryKeysFactory('compliance');

export interface ReportScope {
  channel: Channel;
  /** null: every account of the channel. */
  accountId: string | null;
}

/** The report as of now; the page reads every metric's orders as of the instant the report was computed. */
export function useComplianceReport(scope: ReportScope) {
  return useQuery({
    queryKey: complianceQueryKeys.list({ report: scope }),
    queryFn: ({ signal }) => request(ComplianceReportQuery, { ...scope, asOf: null }, { signal }),
    refetchInterval: 5 * 60_000,
  });
}

export interface MetricOrdersParams extends ReportScope {
  asOf: string;
  key: string;
  category: string | null;
  first: number;
  after: string | null;
}

export function useMetricOrders({ key, category, ...variables }: MetricOrdersParams) {
  return useQuery({
    queryKey: complianceQueryKeys.list({ orders: variables, key, category }),
    queryFn: ({ signal }) => request(ComplianceMetricOrdersQuery, variables, { signal }),
    select: (data) => data.complianceReport.metrics.find((metric) => metric.key === key && (metric.category ?? null) === category)?.orders ?? null,
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
