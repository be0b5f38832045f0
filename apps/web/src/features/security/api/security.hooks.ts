import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/api';
import { SecuritySettingsQuery, UpdateSecuritySettingsMutation } from './security.graphql';

export const securityQueryKeys = { all: ['securitySettings'] as const };

export function useSecuritySettings() {
  return useQuery({
    queryKey: securityQueryKeys.all,
    queryFn: ({ signal }) => request(SecuritySettingsQuery, {}, { signal }),
  });
}

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requireMfa: boolean | null) => request(UpdateSecuritySettingsMutation, { input: { requireMfa } }),
    onSuccess: (data) =>
      queryClient.setQueryData(securityQueryKeys.all, { securitySettings: data.updateSecuritySettings }),
  });
}
