interface OneTimeCodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** A recovery code (xxxx-xxxx) instead of the app's 6 digits. */
  recovery?: boolean;
  error?: string | null;
  id?: string;
}

/** The code from the authenticator app (6 digits, filled in by the phone's keyboard), or a recovery code. */
export function OneTimeCodeField({ value, onChange, recovery = false, error, id = 'mfa-code' }: OneTimeCodeFieldProps) {
  return (
    <div className={`form-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{recovery ? 'Recovery code' : 'Code from your authenticator app'}</label>
      {recovery ? (
        <input
          id={id}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="xxxx-xxxx"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="mfa-recovery-code"
        />
      ) : (
        <input
          id={id}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]{6}"
          maxLength={6}
          placeholder="123456"
          value={value}
          onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="mfa-code"
        />
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
