import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { SessionUser } from '@/features/auth/api/session.api';
import { useSession } from '@/features/auth/api/session.hooks';
import { pathAfterSignIn, signInPath } from '@/features/auth/lib/next-path';
import { SessionHeader } from './session-header';

/**
 * Every signed-in page: asks GET /auth/session (a new tab too, the cookie is shared), and sends a browser without
 * a session to sign-in, or a session still missing its second factor to it, keeping the page's path for after.
 */
export function AuthenticatedLayout() {
  const session = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;
  if (session.isPending) return <Loading label="Checking your session…" />;
  if (session.isError) {
    return (
      <main className="page">
        <ErrorState
          title="The session cannot be checked"
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </main>
    );
  }
  if (!session.data) return <Navigate to={signInPath(here)} replace />;
  if (session.data.status !== 'SIGNED_IN') return <Navigate to={pathAfterSignIn(session.data.status, here)} replace />;
  return <SignedIn user={session.data.user} />;
}

/** Pages decide what to offer by the caller's role (`me`): they open once it is known, never with "role unknown". */
function SignedIn({ user }: { user: SessionUser }) {
  const me = useMe();
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.isError) {
    return (
      <main className="page">
        <ErrorState title="The session cannot be checked" error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main" data-testid="skip-link">
        Skip to content
      </a>
      <SessionHeader user={user} />
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
    </>
  );
}
