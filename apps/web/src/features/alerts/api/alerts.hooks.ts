import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertFilter, LogChannelWarningInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import {
  AcknowledgeAlertMutation,
  AlertAccountsQuery,
  AlertCountQuery,
  AlertKindCountsQuery,
  AlertsQuery,
  ChannelWarningsQuery,
  LogChannelWarningMutation,
  MarkAlertsSeenMutation,
  RespondToChannelWarningMutation,
} from './alerts.graphql';

export const ALERTS_PAGE_SIZE = 25;
/** Alerts open and resolve on the server's schedule: lists are polled this often (and on focus), so a resolved one goes. */
export const ALERTS_POLL_MS = 10_000;
export const alertsQueryKeys = queryKeysFactory('alerts');
export const warningsQueryKeys = queryKeysFactory('channelWarnings');

/** One page of alerts under a filter; they open and resolve on the server's schedule, so they are polled. */
export function useAlerts(
  filter: AlertFilter,
  after: string | null,
  { first = ALERTS_PAGE_SIZE }: { first?: number } = {},
) {
  const variables = { filter, first, after };
  return useQuery({
    queryKey: alertsQueryKeys.list(variables),
    queryFn: ({ signal }) => request(AlertsQuery, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: ALERTS_POLL_MS,
  });
}

/** The unresolved alerts of one order (the order page shows them). */
export function useOrderAlerts(orderId: string) {
  const variables = {
    filter: { statuses: ['OPEN', 'ACKNOWLEDGED'], orderId } satisfies AlertFilter,
    first: 50,
    after: null,
  };
  return useQuery({
    queryKey: alertsQueryKeys.list(variables),
    queryFn: ({ signal }) => request(AlertsQuery, variables, { signal }),
    select: (data) => data.alerts.edges.map((edge) => edge.node),
    refetchInterval: ALERTS_POLL_MS,
  });
}

/** How many alerts match, without loading them (the header badge). */
export function useAlertCount(filter: AlertFilter) {
  return useQuery({
    queryKey: alertsQueryKeys.detail(`count:${JSON.stringify(filter)}`),
    queryFn: ({ signal }) => request(AlertCountQuery, { filter }, { signal }),
    select: (data) => data.alerts.totalCount,
    refetchInterval: 60_000,
  });
}

/** The alerts under a filter by kind, with how many of each no one marked seen. */
export function useAlertKindCounts(filter: AlertFilter) {
  return useQuery({
    queryKey: alertsQueryKeys.detail(`kinds:${JSON.stringify(filter)}`),
    queryFn: ({ signal }) => request(AlertKindCountsQuery, { filter }, { signal }),
    select: (data) => data.alertKindCounts,
    refetchInterval: ALERTS_POLL_MS,
  });
}

/** "Mark seen" on the ticked alerts, or on every unresolved alert of some kinds. */
export function useMarkAlertsSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { ids?: string[]; kinds?: string[] }) =>
      request(MarkAlertsSeenMutation, { ids: target.ids ?? null, kinds: target.kinds ?? null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsQueryKeys.all }),
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(AcknowledgeAlertMutation, { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsQueryKeys.all }),
  });
}

export function useAlertAccounts() {
  return useQuery({
    queryKey: ['alertAccounts'],
    queryFn: ({ signal }) => request(AlertAccountsQuery, {}, { signal }),
    staleTime: 60_000,
  });
}

/** Unanswered warnings first (nearest deadline first), then the answered ones; polled so the time left stays true. */
export function useChannelWarnings() {
  const variables = { filter: null, first: 100 };
  return useQuery({
    queryKey: warningsQueryKeys.list(variables),
    queryFn: ({ signal }) => request(ChannelWarningsQuery, variables, { signal }),
    refetchInterval: 60_000,
  });
}

/** Logging or answering a warning opens or resolves its alerts: both lists are refetched. */
function useWarningMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: warningsQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: alertsQueryKeys.all }),
      ]),
  });
}

export function useLogChannelWarning() {
  return useWarningMutation((input: LogChannelWarningInput) => request(LogChannelWarningMutation, { input }));
}

export function useRespondToChannelWarning() {
  return useWarningMutation((variables: { id: string; note: string }) =>
    request(RespondToChannelWarningMutation, variables),
  );
}
