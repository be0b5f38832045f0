import { CopyButton } from './copy-button';

interface OneTimeSecretProps {
  label: string;
  value: string;
  testId: string;
  /** What to say under it, e.g. that it will not be shown again. */
  hint: string;
}

/** A secret or link shown once: read-only, selected on focus, with a copy button. */
export function OneTimeSecret({ label, value, testId, hint }: OneTimeSecretProps) {
  return (
    <div className="one-time-secret">
      <label className="form-field">
        <span>{label}</span>
        <input
          readOnly
          value={value}
          className="mono"
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId}
        />
      </label>
      <div className="form-actions">
        <CopyButton text={value} testId={`${testId}-copy`} />
      </div>
      <p className="hint">{hint}</p>
    </div>
  );
}
