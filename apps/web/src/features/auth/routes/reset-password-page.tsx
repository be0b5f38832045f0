import { useLocation, useNavigate } from 'react-router';
import { useResetPassword } from '../api/session.hooks';
import { AuthCard } from '../components/auth-card';
import { NewPasswordForm } from '../components/new-password-form';
import { secretFromHash } from '../lib/link-secret';
import { pathAfterSignIn } from '../lib/next-path';
import { MissingSecret } from './invite-page';
import { usePageTitle } from '@/lib/use-page-title';

/** `/reset-password#<secret>`: a new password from a reset link (valid one hour, once), then signed in. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const secret = secretFromHash(useLocation().hash);
  const navigate = useNavigate();
  const reset = useResetPassword();
  return (
    <AuthCard title="Choose a new password" testId="reset-password-page">
      {secret ? (
        <NewPasswordForm
          withName={false}
          submitLabel="Save the password and sign in"
          pending={reset.isPending}
          error={reset.error}
          onSubmit={({ password }) =>
            reset.mutate(
              { secret, password },
              { onSuccess: (result) => void navigate(pathAfterSignIn(result.status, '/'), { replace: true }) },
            )
          }
        />
      ) : (
        <MissingSecret />
      )}
    </AuthCard>
  );
}
