import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplianceMetricKey, PlanOfActionInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import type { ReportScope } from './compliance.hooks';
import { complianceQueryKeys } from './compliance.hooks';
import { PlanOfActionQuery, SavePlanOfActionMutation } from './plan-of-action.graphql';

export interface PlanScope extends ReportScope {
  metric: ComplianceMetricKey;
  category: string | null;
  /** The report's instant: a plan is kept per metric and UTC day of it. */
  windowEnd: string;
}

const planKey = (scope: PlanScope) => complianceQueryKeys.detail(JSON.stringify(['plan', scope]));

export function usePlanOfAction(scope: PlanScope) {
  return useQuery({
    queryKey: planKey(scope),
    queryFn: ({ signal }) => request(PlanOfActionQuery, scope, { signal }),
    // The operator edits a copy; a refetch must not look like it replaced their text.
    refetchOnWindowFocus: false,
  });
}

export function useSavePlanOfAction(scope: PlanScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: Pick<PlanOfActionInput, 'rootCause' | 'correctiveActions' | 'preventiveMeasures'>) =>
      request(SavePlanOfActionMutation, { input: { ...scope, ...text } }),
    onSuccess: (data) => queryClient.setQueryData(planKey(scope), { planOfAction: data.savePlanOfAction }),
  });
}
