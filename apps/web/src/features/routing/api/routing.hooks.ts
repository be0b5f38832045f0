import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoutingRuleInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import {
  DeleteRoutingRuleMutation,
  PreviewRoutingRuleQuery,
  RoutingRulesQuery,
  SaveRoutingRuleMutation,
} from './routing.graphql';

export const routingQueryKeys = queryKeysFactory('routingRules');

export function useRoutingRules() {
  return useQuery({
    queryKey: routingQueryKeys.list({}),
    queryFn: ({ signal }) => request(RoutingRulesQuery, {}, { signal }),
  });
}

function useInvalidatingMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: routingQueryKeys.lists() }),
  });
}

export function useSaveRoutingRule() {
  return useInvalidatingMutation((variables: { id: string | null; input: RoutingRuleInput }) =>
    request(SaveRoutingRuleMutation, variables),
  );
}

export function useDeleteRoutingRule() {
  return useInvalidatingMutation((id: string) => request(DeleteRoutingRuleMutation, { id }));
}

/**
 * The open orders a rule would route, asked on demand (the Preview button), not as the form changes: a
 * mutation-shaped call keeps one answer per click and its error beside it.
 */
export function usePreviewRoutingRule() {
  return useMutation({
    mutationFn: (input: RoutingRuleInput) => request(PreviewRoutingRuleQuery, { input }),
  });
}
