import { useState, type FormEvent } from 'react';
import { passwordProblems, PASSWORD_RULES } from '../lib/password-rules';
import { splitAuthError } from '../lib/auth-error';

export interface NewPasswordValues {
  password: string;
  name?: string;
}

interface NewPasswordFormProps {
  /** Ask for the person's name too (accepting an invitation). */
  withName: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: NewPasswordValues) => void;
}

const FIELDS = ['name', 'password'] as const;

/** Name (optional), password and its confirmation, with the rules said up front. */
export function NewPasswordForm({ withName, submitLabel, pending, error, onSubmit }: NewPasswordFormProps) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const local = passwordProblems(password, confirm);
  const server = splitAuthError(error, FIELDS);
  const passwordError = (tried ? local.password : undefined) ?? (server.field === 'password' ? server.message : null);
  const confirmError = tried ? local.confirm : undefined;
  const nameError = server.field === 'name' ? server.message : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (local.password || local.confirm) return;
    onSubmit({ password, ...(withName && name.trim() && { name: name.trim() }) });
  };

  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      {withName && (
        <div className={`form-field${nameError ? ' invalid' : ''}`}>
          <label htmlFor="new-name">Your name</label>
          <input
            id="new-name"
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-describedby="new-name-hint"
            data-testid="invite-name"
          />
          <span id="new-name-hint" className="hint">
            Optional: leave it empty to keep the name the admin entered.
          </span>
          {nameError && <span className="field-error">{nameError}</span>}
        </div>
      )}
      <p className="hint" id="password-rules" data-testid="password-rules">
        {PASSWORD_RULES}
      </p>
      <div className={`form-field${passwordError ? ' invalid' : ''}`}>
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          autoFocus={!withName}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby="password-rules"
          data-testid="new-password"
        />
        {passwordError && (
          <span className="field-error" role="alert" data-testid="new-password-error">
            {passwordError}
          </span>
        )}
      </div>
      <div className={`form-field${confirmError ? ' invalid' : ''}`}>
        <label htmlFor="new-password-confirm">Repeat the password</label>
        <input
          id="new-password-confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          aria-invalid={confirmError ? true : undefined}
          data-testid="new-password-confirm"
        />
        {confirmError && (
          <span className="field-error" role="alert">
            {confirmError}
          </span>
        )}
      </div>
      {server.message && !server.field && (
        <p className="field-error" role="alert" data-testid="new-password-form-error">
          {server.message}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending} data-testid="new-password-submit">
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
