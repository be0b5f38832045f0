import { useState, type FormEvent } from 'react';
import { channelLabel } from '@order-hub/rules/channels';
import { ErrorState } from '@/components/error-state';
import { formErrorsOf } from '@/lib/field-errors';
import type { AlertAccount, AlertView } from '../api/alerts.graphql';
import { useLogChannelWarning } from '../api/alerts.hooks';
import {
  datetimeLocalOf,
  WARNING_FORM_FIELDS,
  WARNING_METRICS,
  warningFormToInput,
  type WarningFormField,
  type WarningFormValues,
} from '../lib/warning-format';

interface LogWarningFormProps {
  accounts: readonly AlertAccount[];
  /** The hub alert the warning answers to, when logged from one. */
  linkedAlert: AlertView | null;
  onDone: () => void;
}

/** Log a warning the seller received from Walmart or Amazon; its 24-hour response clock starts at "received". */
export function LogWarningForm({ accounts, linkedAlert, onDone }: LogWarningFormProps) {
  const log = useLogChannelWarning();
  const [values, setValues] = useState<WarningFormValues>(() => ({
    accountId: linkedAlert?.accountId ?? (accounts.length === 1 ? accounts[0].id : ''),
    metric: '',
    subject: '',
    receivedAt: datetimeLocalOf(new Date()),
    message: '',
  }));
  const [localErrors, setLocalErrors] = useState<Partial<Record<WarningFormField, string>>>({});
  const server = formErrorsOf(log.error, WARNING_FORM_FIELDS);
  const errors = { ...server.fields, ...localErrors };
  const set = (field: WarningFormField) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = warningFormToInput(values, accounts);
    setLocalErrors(result.errors ?? {});
    if (!result.input) return;
    log.mutate({ ...result.input, alertId: linkedAlert?.id ?? null }, { onSuccess: onDone });
  };

  const field = (name: WarningFormField, label: string, input: React.ReactNode) => (
    <label className="field">
      <span>{label}</span>
      {input}
      {errors[name] && (
        <span className="field-error" data-testid={`warning-error-${name}`}>
          {errors[name]}
        </span>
      )}
    </label>
  );

  return (
    <form className="panel form-grid warning-form" onSubmit={submit} noValidate data-testid="warning-form">
      <h3>Log a channel warning</h3>
      {linkedAlert && (
        <p className="muted" data-testid="warning-linked-alert">
          For the alert: {linkedAlert.message}
        </p>
      )}
      {field(
        'accountId',
        'Account',
        <select
          value={values.accountId}
          onChange={set('accountId')}
          aria-invalid={Boolean(errors.accountId)}
          data-testid="warning-account"
        >
          <option value="">Choose…</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name} ({channelLabel(account.channel)})
            </option>
          ))}
        </select>,
      )}
      {field(
        'metric',
        'Metric',
        <select
          value={values.metric}
          onChange={set('metric')}
          aria-invalid={Boolean(errors.metric)}
          data-testid="warning-metric"
        >
          <option value="">Not about a metric</option>
          {WARNING_METRICS.map((metric) => (
            <option key={metric} value={metric}>
              {metric}
            </option>
          ))}
        </select>,
      )}
      {field(
        'subject',
        'About',
        <input
          value={values.subject}
          onChange={set('subject')}
          maxLength={200}
          placeholder="e.g. Late origin scan alarm, category Home"
          aria-invalid={Boolean(errors.subject)}
          data-testid="warning-subject"
        />,
      )}
      {field(
        'receivedAt',
        'Received',
        <input
          type="datetime-local"
          value={values.receivedAt}
          onChange={set('receivedAt')}
          aria-invalid={Boolean(errors.receivedAt)}
          data-testid="warning-received-at"
        />,
      )}
      {field(
        'message',
        'Message as received',
        <textarea
          value={values.message}
          onChange={set('message')}
          rows={4}
          aria-invalid={Boolean(errors.message)}
          data-testid="warning-message"
        />,
      )}
      {server.form && <ErrorState title="Not logged" error={server.form} />}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={log.isPending} data-testid="warning-save">
          {log.isPending ? 'Logging…' : 'Log the warning'}
        </button>
      </div>
    </form>
  );
}
