import { useInfiniteQuery } from '@tanstack/react-query';
import { request } from '@/lib/api';
import { BuyerDataAccessLogQuery } from './buyer-data-access.graphql';

const PAGE_SIZE = 100;

/** The log for a range, newest first; `fetchNextPage` reads the next 100 entries. */
export function useBuyerDataAccessLog(range: { from: string; to: string }) {
  return useInfiniteQuery({
    queryKey: ['buyerDataAccessLog', range] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      request(BuyerDataAccessLogQuery, { filter: range, first: PAGE_SIZE, after: pageParam }, { signal }),
    getNextPageParam: (last) =>
      last.buyerDataAccessLog.pageInfo.hasNextPage ? last.buyerDataAccessLog.pageInfo.endCursor : undefined,
  });
}
