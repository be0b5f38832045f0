import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationDeliveryFilter, NotificationRuleInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import {
  CreateNotificationRuleMutation,
  NotificationDeliveriesQuery,
  NotificationPeopleQuery,
  NotificationSettingsQuery,
  RemoveNotificationRuleMutation,
  TestNotificationRuleMutation,
  UpdateNotificationRuleMutation,
} from './notifications.graphql';

export const DELIVERIES_PAGE_SIZE = 50;
export const notificationsQueryKeys = queryKeysFactory('notifications');

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationsQueryKeys.detail('settings'),
    queryFn: ({ signal }) => request(NotificationSettingsQuery, {}, { signal }),
  });
}

export function useNotificationPeople(enabled: boolean) {
  return useQuery({
    queryKey: notificationsQueryKeys.detail('people'),
    queryFn: ({ signal }) => request(NotificationPeopleQuery, {}, { signal }),
    select: (data) => data.users.filter((user) => user.status !== 'DISABLED'),
    enabled,
    staleTime: 60_000,
  });
}

/** The delivery log moves on the dispatcher's schedule (every 30 s, retries later): poll. */
export function useNotificationDeliveries(filter: NotificationDeliveryFilter, after: string | null) {
  const variables = { filter, first: DELIVERIES_PAGE_SIZE, after };
  return useQuery({
    queryKey: notificationsQueryKeys.list(variables),
    queryFn: ({ signal }) => request(NotificationDeliveriesQuery, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationsQueryKeys.all });
}

export function useCreateNotificationRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NotificationRuleInput) => request(CreateNotificationRuleMutation, { input }),
    onSuccess: invalidate,
  });
}

export function useUpdateNotificationRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (variables: { id: string; input: NotificationRuleInput }) =>
      request(UpdateNotificationRuleMutation, variables),
    onSuccess: invalidate,
  });
}

export function useRemoveNotificationRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request(RemoveNotificationRuleMutation, { id }),
    onSuccess: invalidate,
  });
}

export function useTestNotificationRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request(TestNotificationRuleMutation, { id }),
    onSuccess: invalidate,
  });
}
