import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorState } from '@/components/error-state';
import { formErrorsOf } from '@/lib/field-errors';
import {
  checkMailboxValues,
  MAILBOX_INPUT_PATHS,
  type MailboxFormField,
  type MailboxFormValues,
} from '../lib/mailbox-form-values';

interface MailboxFormProps {
  mode: 'connect' | 'edit';
  initial: MailboxFormValues;
  /** The channel accounts whose orders this mailbox's messages belong to. */
  accounts: readonly { id: string; name: string }[];
  pending: boolean;
  /** The last failed save: a refused login and other field errors go beside their input, the rest above the buttons. */
  error: unknown;
  onSubmit: (values: MailboxFormValues) => void;
  onCancel: () => void;
}

type TextField = Exclude<MailboxFormField, 'secure' | 'accountIds'>;

/**
 * Connect (or change) the seller's mailbox. The server tries the login before it saves, so a refused password comes
 * back in words beside the password; the values stay here until the save succeeds.
 */
export function MailboxForm({ mode, initial, accounts, pending, error, onSubmit, onCancel }: MailboxFormProps) {
  const [values, setValues] = useState(initial);
  const [local, setLocal] = useState<Partial<Record<MailboxFormField, string>>>({});
  const [changed, setChanged] = useState<{ since: unknown; fields: ReadonlySet<MailboxFormField> }>({
    since: error,
    fields: new Set(),
  });
  if (changed.since !== error) setChanged({ since: error, fields: new Set() });
  const server = formErrorsOf(error, MAILBOX_INPUT_PATHS);
  const fieldError = (name: MailboxFormField) =>
    local[name] ?? (changed.fields.has(name) ? undefined : server.fields[name]);

  const update = <TField extends MailboxFormField>(name: TField, value: MailboxFormValues[TField]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setLocal((current) => ({ ...current, [name]: undefined }));
    setChanged((current) => ({ ...current, fields: new Set(current.fields).add(name) }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkMailboxValues(values, mode);
    setLocal(found);
    if (Object.keys(found).length === 0) onSubmit(values);
  };

  const field = (name: MailboxFormField, label: string, input: ReactNode, hint?: string) => {
    const message = fieldError(name);
    return (
      <div className={message ? 'form-field invalid' : 'form-field'}>
        <label htmlFor={`mailbox-${name}`}>{label}</label>
        {input}
        {hint && (
          <span className="hint" id={`mailbox-${name}-hint`}>
            {hint}
          </span>
        )}
        {message && (
          <span className="field-error" id={`mailbox-${name}-error`} role="alert" data-testid={`mailbox-error-${name}`}>
            {message}
          </span>
        )}
      </div>
    );
  };
  const text = (name: TextField, options: { type?: string; placeholder?: string; autoComplete?: string } = {}) => (
    <input
      id={`mailbox-${name}`}
      type={options.type ?? 'text'}
      value={values[name]}
      onChange={(event) => update(name, event.target.value)}
      placeholder={options.placeholder}
      autoComplete={options.autoComplete ?? 'off'}
      aria-invalid={fieldError(name) ? true : undefined}
      aria-describedby={fieldError(name) ? `mailbox-${name}-error` : undefined}
      data-testid={`mailbox-${name}`}
    />
  );

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-busy={pending} data-testid="mailbox-form">
      <fieldset disabled={pending}>
        <legend>IMAP server</legend>
        {field('name', 'Name', text('name', { placeholder: 'e.g. Orders inbox' }))}
        {field('host', 'Host', text('host', { placeholder: 'imap.example.com' }))}
        {field('port', 'Port', text('port', { placeholder: '993' }))}
        <div className="form-field">
          <label>
            <input
              type="checkbox"
              checked={values.secure}
              onChange={(event) => update('secure', event.target.checked)}
              data-testid="mailbox-secure"
            />{' '}
            Use TLS
          </label>
          <span className="hint">
            Most servers want TLS on port 993; turn it off only for a server on your own network.
          </span>
        </div>
        {field('user', 'User', text('user', { placeholder: 'orders@example.com' }))}
        {field(
          'password',
          'Password',
          text('password', { type: 'password', autoComplete: 'new-password' }),
          mode === 'edit'
            ? 'Stored and never shown. Leave empty to keep it.'
            : 'An app password where the provider offers one. The hub only reads: it marks nothing read and sends nothing.',
        )}
      </fieldset>
      <fieldset disabled={pending}>
        <legend>Folders</legend>
        <p className="hint">
          The hub reads the inbox, the junk folder (supplier mail often lands there) and the sent folder (to see your
          replies). It finds them by the server’s folder flags; name one here only if the server sets none.
        </p>
        {field('junkFolder', 'Junk folder', text('junkFolder', { placeholder: 'found by its flag' }))}
        {field('sentFolder', 'Sent folder', text('sentFolder', { placeholder: 'found by its flag' }))}
      </fieldset>
      {accounts.length > 0 && (
        <fieldset disabled={pending}>
          <legend>Channel accounts</legend>
          <p className="hint">
            The accounts whose buyer and supplier mail arrives here; their time zone dates the mail.
          </p>
          <div className="checkbox-list" data-testid="mailbox-accounts">
            {accounts.map((account) => (
              <label key={account.id}>
                <input
                  type="checkbox"
                  checked={values.accountIds.includes(account.id)}
                  onChange={(event) =>
                    update(
                      'accountIds',
                      event.target.checked
                        ? [...values.accountIds, account.id]
                        : values.accountIds.filter((id) => id !== account.id),
                    )
                  }
                />
                {account.name}
              </label>
            ))}
          </div>
          {fieldError('accountIds') && (
            <span className="field-error" role="alert">
              {fieldError('accountIds')}
            </span>
          )}
        </fieldset>
      )}
      {server.form && <ErrorState title="Not saved" error={server.form} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending} data-testid="mailbox-save">
          {pending ? 'Trying the login…' : mode === 'connect' ? 'Connect mailbox' : 'Save changes'}
        </button>
        <button type="button" onClick={onCancel} disabled={pending} data-testid="mailbox-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}
