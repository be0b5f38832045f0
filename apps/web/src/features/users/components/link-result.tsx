import { OneTimeSecret } from '@/components/one-time-secret';
import { formatDateTime } from '@/lib/format';

interface LinkResultProps {
  what: 'invitation' | 'password reset';
  link: string;
  emailed: boolean;
  email: string;
  expiresAt: string;
}

/** An invitation or reset link, shown once: copy it to the person, or know it was e-mailed to them. */
export function LinkResult({ what, link, emailed, email, expiresAt }: LinkResultProps) {
  return (
    <div className="notice outcome" role="status" data-testid="user-link-result">
      {emailed ? (
        <p data-testid="user-link-emailed">
          The {what} link was e-mailed to <strong>{email}</strong>.
        </p>
      ) : (
        <p data-testid="user-link-not-emailed">
          No e-mail was sent (SMTP is not set up): copy the link and send it to <strong>{email}</strong> yourself.
        </p>
      )}
      <OneTimeSecret
        label={`${what === 'invitation' ? 'Invitation' : 'Password reset'} link`}
        value={link}
        testId="user-link"
        hint={`Works once, until ${formatDateTime(expiresAt)}. It is not shown again.`}
      />
    </div>
  );
}
