import type { SecretEdit } from '../lib/tracking-provider-form';

interface SecretFieldProps {
  id: string;
  label: string;
  /** Whether the api holds a value now (it never shows it). */
  stored: boolean;
  edit: SecretEdit;
  onChange: (edit: SecretEdit) => void;
  error?: string;
  hint?: string;
}

/** A write-only secret: "Set" or "Not set", with Replace (a password input) and Clear. */
export function SecretField({ id, label, stored, edit, onChange, error, hint }: SecretFieldProps) {
  const state =
    edit.mode === 'clear'
      ? 'Will be cleared on save'
      : edit.mode === 'replace'
        ? 'Will be replaced on save'
        : stored
          ? 'Set'
          : 'Not set';
  return (
    <div className={error ? 'form-field invalid' : 'form-field'} data-testid={`secret-${id}`}>
      <label htmlFor={`tracking-${id}`}>{label}</label>
      <div className="secret-row">
        <span className={stored && edit.mode === 'keep' ? 'ok' : 'muted'} data-testid={`secret-${id}-state`}>
          {state}
        </span>
        {edit.mode === 'keep' ? (
          <>
            <button
              type="button"
              onClick={() => onChange({ mode: 'replace', value: '' })}
              data-testid={`secret-${id}-replace`}
            >
              {stored ? 'Replace' : 'Set'}
            </button>
            {stored && (
              <button type="button" onClick={() => onChange({ mode: 'clear' })} data-testid={`secret-${id}-clear`}>
                Clear
              </button>
            )}
          </>
        ) : (
          <button type="button" onClick={() => onChange({ mode: 'keep' })} data-testid={`secret-${id}-keep`}>
            {stored ? 'Keep the stored one' : 'Cancel'}
          </button>
        )}
      </div>
      {edit.mode === 'replace' && (
        <input
          id={`tracking-${id}`}
          type="password"
          autoComplete="new-password"
          value={edit.value}
          onChange={(event) => onChange({ mode: 'replace', value: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `tracking-${id}-error` : undefined}
          data-testid={`field-${id}`}
          autoFocus
        />
      )}
      {hint && <span className="hint">{hint}</span>}
      {error && (
        <span className="field-error" id={`tracking-${id}-error`} role="alert" data-testid={`field-error-${id}`}>
          {error}
        </span>
      )}
    </div>
  );
}
