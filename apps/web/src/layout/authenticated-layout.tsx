import { Navigate, Outlet, useLocation } from 'react-router';
import { useToken } from '@/features/auth/api/auth.hooks';
import { SessionHeader } from './session-header';

export function AuthenticatedLayout() {
  const token = useToken();
  const location = useLocation();
  if (!token) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <>
      <SessionHeader />
      <main className="page">
        <Outlet />
      </main>
    </>
  );
}
