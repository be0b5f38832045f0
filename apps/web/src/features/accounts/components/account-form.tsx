import { useState, type FormEvent, type ReactNode } from 'react';
import { channelLabel, channelProfile } from '@order-hub/rules/channels';
import { CHANNELS } from '@order-hub/types';
import { ErrorState } from '@/components/error-state';
import type { ChannelEnvironment } from '@/gql/graphql';
import { formErrorsOf } from '@/lib/field-errors';
import {
  ACCOUNT_INPUT_PATHS,
  type AccountFormField,
  type AccountFormValues,
  type AccountTextField,
} from '../lib/account-form-values';

const ENVIRONMENTS: readonly ChannelEnvironment[] = ['PRODUCTION', 'SANDBOX'];

const HOLD_TRACKING_HINT =
  'The hub sends a shipment’s tracking to the channel only after the carrier’s first scan, or 2 hours before ' +
  'ship-by if it has not scanned by then, so the marketplace sees numbers the carrier already knows. Off by ' +
  'default; the order page shows each hold and its deadline.';

interface AccountFormProps {
  mode: 'create' | 'edit';
  initial: AccountFormValues;
  /** Edit only: whether the account has stored credentials, which empty credential inputs keep. */
  hasCredentials?: boolean;
  pending: boolean;
  /** The last failed save: BAD_USER_INPUT messages go next to their inputs, the rest above the buttons. */
  error: unknown;
  onSubmit: (values: AccountFormValues) => void;
  onCancel: () => void;
}

/**
 * Add or edit a channel account. The values live here until the save succeeds and the parent closes the
 * form, so a failed save loses nothing. Secrets are password inputs that start empty, always.
 */
export function AccountForm({
  mode,
  initial,
  hasCredentials = false,
  pending,
  error,
  onSubmit,
  onCancel,
}: AccountFormProps) {
  const [values, setValues] = useState(initial);
  // Inputs changed since the last failed save: their server message no longer describes what is there.
  const [changed, setChanged] = useState<{ since: unknown; fields: ReadonlySet<AccountFormField> }>({
    since: error,
    fields: new Set(),
  });
  if (changed.since !== error) setChanged({ since: error, fields: new Set() });
  const { fields: serverFieldErrors, form: formError } = formErrorsOf(error, ACCOUNT_INPUT_PATHS);
  const errors = {
    form: formError,
    fields: Object.fromEntries(
      Object.entries(serverFieldErrors).filter(([name]) => !changed.fields.has(name as AccountFormField)),
    ) as Partial<Record<AccountFormField, string>>,
  };
  const update = <TField extends AccountFormField>(field: TField, value: AccountFormValues[TField]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setChanged((current) => ({ ...current, fields: new Set(current.fields).add(field) }));
  };
  const set = (field: AccountTextField) => (event: { target: { value: string } }) => update(field, event.target.value);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  const field = (name: AccountFormField, label: string, input: ReactNode, hint?: string) => (
    <FormField key={name} name={name} label={label} error={errors.fields[name]} hint={hint}>
      {input}
    </FormField>
  );
  const text = (name: AccountTextField, placeholder?: string) => (
    <input
      id={`account-${name}`}
      value={values[name]}
      onChange={set(name)}
      placeholder={placeholder}
      aria-invalid={errors.fields[name] ? true : undefined}
      aria-describedby={errors.fields[name] ? `account-${name}-error` : undefined}
      data-testid={`field-${name}`}
    />
  );

  return (
    <form className="account-form" onSubmit={submit} noValidate data-testid="account-form" aria-busy={pending}>
      <fieldset disabled={pending}>
        <legend>Account</legend>
        {field(
          'channel',
          'Channel',
          <select
            id="account-channel"
            value={values.channel}
            onChange={set('channel')}
            disabled={mode === 'edit'}
            data-testid="field-channel"
          >
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {channel}
              </option>
            ))}
          </select>,
          mode === 'edit' ? 'An account stays on its channel.' : undefined,
        )}
        {field('name', 'Name', text('name', 'e.g. Walmart US main store'))}
        {field(
          'environment',
          'Environment',
          <select
            id="account-environment"
            value={values.environment}
            onChange={set('environment')}
            data-testid="field-environment"
          >
            {ENVIRONMENTS.map((environment) => (
              <option key={environment} value={environment}>
                {environment}
              </option>
            ))}
          </select>,
        )}
        {field(
          'marketplace',
          'Marketplace',
          text('marketplace', channelProfile(values.channel).defaultMarketplace),
          mode === 'create' ? 'Optional.' : undefined,
        )}
        {field(
          'baseUrl',
          'Base URL',
          text('baseUrl', 'the channel’s host for the environment'),
          mode === 'create' ? 'Optional.' : undefined,
        )}
        {field(
          'timeZone',
          'Time zone',
          text('timeZone', 'America/Los_Angeles'),
          mode === 'create' ? 'Optional, IANA name.' : undefined,
        )}
      </fieldset>
      {mode === 'edit' && (
        <fieldset disabled={pending}>
          <legend>Carrier scans</legend>
          <FormField
            name="holdTrackingUntilScan"
            label="Hold tracking until it scans"
            error={errors.fields.holdTrackingUntilScan}
            hint={HOLD_TRACKING_HINT}
          >
            <input
              id="account-holdTrackingUntilScan"
              type="checkbox"
              checked={values.holdTrackingUntilScan}
              onChange={(event) => update('holdTrackingUntilScan', event.target.checked)}
              aria-describedby="account-holdTrackingUntilScan-hint"
              data-testid="field-holdTrackingUntilScan"
            />
          </FormField>
        </fieldset>
      )}
      <fieldset disabled={pending}>
        <legend>{`${channelLabel(values.channel)} credentials`}</legend>
        {mode === 'edit' && (
          <p className="hint" data-testid="credentials-hint">
            {hasCredentials
              ? 'Credentials are stored and never shown. Leave these empty to keep them; filling them replaces them all.'
              : 'No credentials are stored: fill them in to let the hub pull orders.'}
          </p>
        )}
        {channelProfile(values.channel).credentials.map(({ field: name, label, secret, optional }) =>
          field(
            name,
            label,
            <input
              id={`account-${name}`}
              type={secret ? 'password' : 'text'}
              autoComplete={secret ? 'new-password' : 'off'}
              value={values[name]}
              onChange={set(name)}
              placeholder={name === 'lwaEndpoint' ? 'https://api.amazon.com/auth/o2/token' : undefined}
              aria-invalid={errors.fields[name] ? true : undefined}
              aria-describedby={errors.fields[name] ? `account-${name}-error` : undefined}
              data-testid={`field-${name}`}
            />,
            optional ? 'Optional: only for a sandbox or another region.' : undefined,
          ),
        )}
      </fieldset>
      {errors.form && <ErrorState title="Not saved" error={errors.form} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending} data-testid="account-save">
          {pending ? 'Saving…' : mode === 'create' ? 'Add account' : 'Save changes'}
        </button>
        <button type="button" onClick={onCancel} disabled={pending} data-testid="account-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}

interface FormFieldProps {
  name: AccountFormField;
  label: string;
  error: string | undefined;
  hint: string | undefined;
  children: ReactNode;
}

function FormField({ name, label, error, hint, children }: FormFieldProps) {
  return (
    <div className={error ? 'form-field invalid' : 'form-field'}>
      <label htmlFor={`account-${name}`}>{label}</label>
      {children}
      {hint && (
        <span className="hint" id={`account-${name}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`account-${name}-error`} role="alert" data-testid={`field-error-${name}`}>
          {error}
        </span>
      )}
    </div>
  );
}
