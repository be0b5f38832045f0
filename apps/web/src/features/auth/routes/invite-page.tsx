import { Link, useLocation, useNavigate } from 'react-router';
import { useAcceptInvitation } from '../api/session.hooks';
import { AuthCard } from '../components/auth-card';
import { NewPasswordForm } from '../components/new-password-form';
import { secretFromHash } from '../lib/link-secret';
import { pathAfterSignIn } from '../lib/next-path';
import { usePageTitle } from '@/lib/use-page-title';

/** `/invite#<secret>`: the invited person chooses a password (and may correct their name), then is signed in. */
export function InvitePage() {
  usePageTitle('Accept your invitation');
  const secret = secretFromHash(useLocation().hash);
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  return (
    <AuthCard title="Welcome to order-hub" testId="invite-page">
      {secret ? (
        <>
          <p className="hint">Choose the password you will sign in with.</p>
          <NewPasswordForm
            withName
            submitLabel="Create my account"
            pending={accept.isPending}
            error={accept.error}
            onSubmit={(values) =>
              accept.mutate(
                { secret, ...values },
                { onSuccess: (result) => void navigate(pathAfterSignIn(result.status, '/'), { replace: true }) },
              )
            }
          />
        </>
      ) : (
        <MissingSecret />
      )}
    </AuthCard>
  );
}

export function MissingSecret() {
  return (
    <p className="notice bad" role="alert" data-testid="link-incomplete">
      This link is incomplete: open the whole link from the message again, or ask an admin for a new one.{' '}
      <Link to="/sign-in">Sign in</Link>
    </p>
  );
}
