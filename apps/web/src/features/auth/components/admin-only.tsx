import type { ReactNode } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useMe } from '../api/auth.hooks';

/** Shows `children` to admins only; everyone else reads why, e.g. "Only admins can manage users." */
export function AdminOnly({ can, children }: { can: string; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.me.role !== 'ADMIN') {
    return (
      <p className="notice" role="status" data-testid="admin-only">
        Only admins can {can}.
      </p>
    );
  }
  return children;
}
