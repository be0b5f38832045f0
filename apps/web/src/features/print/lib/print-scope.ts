import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { BulkTarget } from '@/gql/graphql';
import { scopeFromQuery, scopeQuery, targetOf } from '@/features/bulk/lib/bulk-target';

/** What a print page covers, from its address (`?ids=a,b` or `?filter=<json>&count=N`), and its PDF's query. */
export function usePrintScope(): { target: BulkTarget; query: string } | null {
  const [params] = useSearchParams();
  const key = params.toString();
  return useMemo(() => {
    const scope = scopeFromQuery(new URLSearchParams(key));
    return scope ? { target: targetOf(scope), query: scopeQuery(scope) } : null;
  }, [key]);
}
