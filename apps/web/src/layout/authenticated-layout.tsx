import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe, useToken } from '@/features/auth/api/auth.hooks';
import { useNow } from '@/lib/use-now';
import { SessionHeader } from './session-header';
import { TokenExpiryWarning } from './token-expiry-warning';

export function AuthenticatedLayout() {
  const token = useToken();
  const location = useLocation();
  if (!token) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <>
      <SessionHeader />
      <TokenExpiry />
      <main className="page">
        <Outlet />
      </main>
    </>
  );
}

function TokenExpiry() {
  const me = useMe();
  const now = useNow(60_000);
  return <TokenExpiryWarning expiresAt={me.data?.me.expiresAt} now={now} />;
}
