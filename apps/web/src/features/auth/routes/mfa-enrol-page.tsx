import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { request } from '@/lib/api';
import { StartTotpEnrolmentMutation } from '../api/auth.graphql';
import { useConfirmTotpEnrolment } from '../api/auth.hooks';
import { useSession } from '../api/session.hooks';
import { AuthCard } from '../components/auth-card';
import { OneTimeCodeField } from '../components/one-time-code-field';
import { RecoveryCodes } from '../components/recovery-codes';
import { safeNext, signInPath } from '../lib/next-path';
import { usePageTitle } from '@/lib/use-page-title';

/**
 * `/mfa/enrol`: the QR code and secret for an authenticator app, its first code, then the recovery codes once.
 * Reached by itself when a session must enrol (MFA_ENROLMENT_REQUIRED), or from My account.
 */
export function MfaEnrolPage() {
  usePageTitle('Set up a second factor');
  const [params] = useSearchParams();
  const next = params.get('next');
  const navigate = useNavigate();
  const session = useSession();
  const [codes, setCodes] = useState<string[] | null>(null);

  if (session.isPending) return <Loading label="Checking your session…" />;
  if (!session.data) return <Navigate to={signInPath(next ?? '/mfa/enrol')} replace />;
  if (session.data.status === 'MFA_REQUIRED') return <Navigate to="/sign-in/mfa" replace />;

  return (
    <AuthCard title="Set up two-factor sign-in" testId="mfa-enrol-page">
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => void navigate(safeNext(next), { replace: true })} />
      ) : (
        <Enrolment onConfirmed={setCodes} />
      )}
    </AuthCard>
  );
}

function Enrolment({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  // A query, not a mutation, so a second render (or React's strict mode) never asks for a second secret.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: () => request(StartTotpEnrolmentMutation, {}),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const confirm = useConfirmTotpEnrolment();
  const [code, setCode] = useState('');

  if (enrolment.isPending) return <Loading label="Preparing your secret…" />;
  if (enrolment.isError) return <ErrorState title="Two-factor sign-in cannot start" error={enrolment.error} />;
  const { secret, qrSvg } = enrolment.data.startTotpEnrolment;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code, { onSuccess: (data) => onConfirmed(data.confirmTotpEnrolment.codes) });
  };
  return (
    <>
      <ol className="steps">
        <li>Install an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password…).</li>
        <li>Scan this code with it, or type the secret below.</li>
      </ol>
      <img
        className="totp-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
        alt="QR code of the secret for your authenticator app"
        width={200}
        height={200}
        data-testid="enrol-qr"
      />
      <div className="form-field">
        <label htmlFor="enrol-secret">Secret for manual entry</label>
        <input
          id="enrol-secret"
          readOnly
          className="mono"
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="enrol-secret"
        />
      </div>
      <form className="auth-form" onSubmit={submit} noValidate>
        <OneTimeCodeField
          id="enrol-code"
          value={code}
          onChange={setCode}
          error={confirm.isError ? confirm.error.message : null}
        />
        <button
          type="submit"
          className="primary"
          disabled={code.length !== 6 || confirm.isPending}
          data-testid="enrol-confirm"
        >
          {confirm.isPending ? 'Checking…' : 'Turn on two-factor sign-in'}
        </button>
      </form>
    </>
  );
}
