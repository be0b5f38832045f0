import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/api';
import { ordersQueryKeys, outboxQueryKeys } from '@/features/shared/api/query-keys';
import { ReleaseTrackingHoldMutation } from './carrier-tracking.graphql';

/** "Confirm now": releases a held confirmation, which queues its channel call; the order and the outbox change. */
export function useReleaseTrackingHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shipmentId: string) => request(ReleaseTrackingHoldMutation, { shipmentId }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ordersQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: outboxQueryKeys.all }),
      ]),
  });
}
