import { useState, type FormEvent, type ReactNode } from 'react';
import { channelLabel } from '@order-hub/rules/channels';
import { CHANNELS, type Channel } from '@order-hub/types';
import { ErrorState } from '@/components/error-state';
import { formErrorsOf } from '@/lib/field-errors';
import { SEVERITIES, severityWords } from '../lib/notification-words';
import type { AlertKindChoice, Severity } from '../lib/notification-views';
import { checkRuleValues, RULE_INPUT_PATHS, type RuleFormField, type RuleFormValues } from '../lib/rule-form-values';

interface RuleFormProps {
  mode: 'create' | 'edit';
  initial: RuleFormValues;
  accounts: readonly { id: string; name: string; channel: Channel }[];
  /** The alert kinds a rule may pick, in words (notificationAlertKinds). */
  kinds: readonly AlertKindChoice[];
  /** People who may be told (absent when the caller may not list users). */
  people: readonly { id: string; name: string; email: string }[];
  pending: boolean;
  /** The last failed save: field errors (a refused webhook URL) beside their input, the rest above the buttons. */
  error: unknown;
  onSubmit: (values: RuleFormValues) => void;
  onCancel: () => void;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Add or edit a notification rule: which alerts, to whom (people, addresses, a webhook), when, and when not. */
export function RuleForm(props: RuleFormProps) {
  const { mode, initial, accounts, kinds, people, pending, error, onSubmit, onCancel } = props;
  const [values, setValues] = useState(initial);
  const [local, setLocal] = useState<Partial<Record<RuleFormField, string>>>({});
  const [changed, setChanged] = useState<{ since: unknown; fields: ReadonlySet<RuleFormField> }>({
    since: error,
    fields: new Set(),
  });
  if (changed.since !== error) setChanged({ since: error, fields: new Set() });
  const server = formErrorsOf(error, RULE_INPUT_PATHS);
  const fieldError = (name: RuleFormField) =>
    local[name] ?? (changed.fields.has(name) ? undefined : server.fields[name]);
  const update = <TField extends RuleFormField>(name: TField, value: RuleFormValues[TField]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setLocal((current) => ({ ...current, [name]: undefined }));
    setChanged((current) => ({ ...current, fields: new Set(current.fields).add(name) }));
  };
  const toggle = (name: 'kinds' | 'userIds', id: string, on: boolean) =>
    update(name, on ? [...values[name], id] : values[name].filter((value) => value !== id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkRuleValues(values);
    setLocal(found);
    if (Object.keys(found).length === 0) onSubmit(values);
  };

  const described = (name: RuleFormField) => ({
    'aria-invalid': fieldError(name) ? true : undefined,
    'aria-describedby': fieldError(name) ? `rule-${name}-error` : undefined,
  });
  const field = (name: RuleFormField, label: string, input: ReactNode, hint?: string) => (
    <div className={fieldError(name) ? 'form-field invalid' : 'form-field'}>
      <label htmlFor={`rule-${name}`}>{label}</label>
      {input}
      {hint && <span className="hint">{hint}</span>}
      <FieldError name={name} message={fieldError(name)} />
    </div>
  );
  const shownAccounts = accounts.filter((account) => !values.channel || account.channel === values.channel);

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-busy={pending} data-testid="rule-form">
      <fieldset disabled={pending}>
        <legend>Rule</legend>
        {field(
          'name',
          'Name',
          <input
            id="rule-name"
            value={values.name}
            onChange={(event) => update('name', event.target.value)}
            placeholder="e.g. Urgent alerts to the warehouse lead"
            data-testid="rule-name"
            {...described('name')}
          />,
        )}
        <div className="form-field">
          <label>
            <input
              type="checkbox"
              checked={values.enabled}
              onChange={(event) => update('enabled', event.target.checked)}
              data-testid="rule-enabled"
            />{' '}
            On
          </label>
        </div>
      </fieldset>
      <fieldset disabled={pending}>
        <legend>Which alerts</legend>
        {field(
          'minSeverity',
          'How serious',
          <select
            id="rule-minSeverity"
            value={values.minSeverity}
            onChange={(event) => update('minSeverity', event.target.value as Severity)}
            data-testid="rule-severity"
          >
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severityWords(severity)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'channel',
          'Channel',
          <select
            id="rule-channel"
            value={values.channel}
            onChange={(event) => {
              update('channel', event.target.value as Channel | '');
              update('accountId', '');
            }}
            data-testid="rule-channel"
          >
            <option value="">Every channel</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {channelLabel(channel)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'accountId',
          'Account',
          <select
            id="rule-accountId"
            value={values.accountId}
            onChange={(event) => update('accountId', event.target.value)}
            data-testid="rule-account"
          >
            <option value="">Every account</option>
            {shownAccounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>,
        )}
        <fieldset className="rule-kinds" data-testid="rule-kinds">
          <legend>Kinds (none ticked: every kind)</legend>
          <div className="checkbox-list">
            {kinds.map((choice) => (
              <label key={choice.kind}>
                <input
                  type="checkbox"
                  checked={values.kinds.includes(choice.kind)}
                  onChange={(event) => toggle('kinds', choice.kind, event.target.checked)}
                  data-testid="rule-kind"
                  data-kind={choice.kind}
                />
                {choice.label}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      <fieldset disabled={pending}>
        <legend>Who hears of it</legend>
        {people.length > 0 && (
          <div className="form-field">
            <span id="rule-people-label">People (by e-mail)</span>
            <div className="checkbox-list" role="group" aria-labelledby="rule-people-label" data-testid="rule-people">
              {people.map((person) => (
                <label key={person.id}>
                  <input
                    type="checkbox"
                    checked={values.userIds.includes(person.id)}
                    onChange={(event) => toggle('userIds', person.id, event.target.checked)}
                  />
                  {person.name || person.email}
                </label>
              ))}
            </div>
          </div>
        )}
        {field(
          'emails',
          'E-mail addresses',
          <textarea
            id="rule-emails"
            rows={2}
            value={values.emails}
            onChange={(event) => update('emails', event.target.value)}
            placeholder="ops@example.com, lead@example.com"
            data-testid="rule-emails"
            {...described('emails')}
          />,
          'Separated by commas or lines.',
        )}
        {field(
          'webhookUrl',
          'Webhook URL',
          <input
            id="rule-webhookUrl"
            type="url"
            value={values.webhookUrl}
            onChange={(event) => update('webhookUrl', event.target.value)}
            placeholder="https://hooks.example.com/order-hub"
            data-testid="rule-webhook-url"
            {...described('webhookUrl')}
          />,
          mode === 'create'
            ? 'The hub posts each alert as signed JSON; the signing secret is shown once, after saving.'
            : 'Its signing secret stays as it was.',
        )}
      </fieldset>
      <fieldset disabled={pending}>
        <legend>When</legend>
        <div className="form-field" role="radiogroup" aria-label="When to send">
          <label>
            <input
              type="radio"
              name="rule-mode"
              checked={values.mode === 'IMMEDIATE'}
              onChange={() => update('mode', 'IMMEDIATE')}
              data-testid="rule-mode-immediate"
            />{' '}
            Each alert as it opens
          </label>
          <label>
            <input
              type="radio"
              name="rule-mode"
              checked={values.mode === 'DAILY_DIGEST'}
              onChange={() => update('mode', 'DAILY_DIGEST')}
              data-testid="rule-mode-digest"
            />{' '}
            One e-mail a day listing them
          </label>
        </div>
        {values.mode === 'DAILY_DIGEST' &&
          field(
            'digestHour',
            'Digest at',
            <select
              id="rule-digestHour"
              value={values.digestHour}
              onChange={(event) => update('digestHour', event.target.value)}
              data-testid="rule-digest-hour"
            >
              {HOURS.map((hour) => (
                <option key={hour} value={String(hour)}>
                  {`${String(hour).padStart(2, '0')}:00`}
                </option>
              ))}
            </select>,
          )}
        {field(
          'quietFrom',
          'Quiet from',
          <input
            id="rule-quietFrom"
            type="time"
            value={values.quietFrom}
            onChange={(event) => update('quietFrom', event.target.value)}
            data-testid="rule-quiet-from"
            {...described('quietFrom')}
          />,
          'Optional: nothing but critical alerts goes out in the quiet hours; the rest waits until they end.',
        )}
        {field(
          'quietTo',
          'Quiet until',
          <input
            id="rule-quietTo"
            type="time"
            value={values.quietTo}
            onChange={(event) => update('quietTo', event.target.value)}
            data-testid="rule-quiet-to"
            {...described('quietTo')}
          />,
        )}
        {field(
          'timeZone',
          'Time zone',
          <input
            id="rule-timeZone"
            value={values.timeZone}
            onChange={(event) => update('timeZone', event.target.value)}
            placeholder="America/New_York"
            data-testid="rule-time-zone"
            {...described('timeZone')}
          />,
          'The hours above are in this zone.',
        )}
      </fieldset>
      {server.form && <ErrorState title="Not saved" error={server.form} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending} data-testid="rule-save">
          {pending ? 'Saving…' : mode === 'create' ? 'Add rule' : 'Save changes'}
        </button>
        <button type="button" onClick={onCancel} disabled={pending} data-testid="rule-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}

function FieldError({ name, message }: { name: RuleFormField; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="field-error" id={`rule-${name}-error`} role="alert" data-testid={`rule-error-${name}`}>
      {message}
    </span>
  );
}
