import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateTrackingProviderInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { TrackingProviderQuery, UpdateTrackingProviderMutation } from './tracking-provider.graphql';

export const trackingProviderQueryKeys = {
  all: ['trackingProvider'] as const,
  detail: () => [...trackingProviderQueryKeys.all, 'detail'] as const,
};

/** The provider's settings and health; ADMIN only, so the page asks only once the role allows it. */
export function useTrackingProvider(enabled: boolean) {
  return useQuery({
    queryKey: trackingProviderQueryKeys.detail(),
    queryFn: ({ signal }) => request(TrackingProviderQuery, {}, { signal }),
    enabled,
    refetchInterval: 30_000,
  });
}

export function useUpdateTrackingProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTrackingProviderInput) => request(UpdateTrackingProviderMutation, { input }),
    onSuccess: (data) =>
      queryClient.setQueryData(trackingProviderQueryKeys.detail(), { trackingProvider: data.updateTrackingProvider }),
  });
}
