import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api';
import { queryKeysFactory } from '../../../lib/query-key-factory';
import { AcknowledgeAlertMutation, AlertsQuery } from './alerts.graphql';

export const alertsQueryKeys = queryKeysFactory('alerts');

export interface AlertsFilter {
  open: boolean | null;
  orderId: string | null;
}

/** Alerts under a filter; they open and resolve on the server's schedule, so they are polled. */
export function useAlerts(filter: AlertsFilter, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: alertsQueryKeys.list(filter),
    queryFn: ({ signal }) => request(AlertsQuery, filter, { signal }),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(AcknowledgeAlertMutation, { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsQueryKeys.all }),
  });
}
