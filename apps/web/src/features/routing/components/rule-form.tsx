import { type FormEvent, type ReactNode, useState } from 'react';
import { channelProfile } from '@order-hub/rules/channels';
import { ErrorState } from '@/components/error-state';
import { formErrorsOf } from '@/lib/field-errors';
import type { ChannelAccountRow } from '@/features/accounts/api/accounts.graphql';
import { usePreviewRoutingRule } from '../api/routing.hooks';
import {
  localRuleErrors,
  RULE_INPUT_PATHS,
  type RuleFormField,
  type RuleFormValues,
  toRoutingRuleInput,
  withListFields,
} from '../lib/rule-form';
import { RulePreview } from './rule-preview';

interface RuleFormProps {
  mode: 'create' | 'edit';
  initial: RuleFormValues;
  accounts: readonly ChannelAccountRow[];
  pending: boolean;
  /** The last failed save: BAD_USER_INPUT messages go next to their inputs, the rest above the buttons. */
  error: unknown;
  onSubmit: (values: RuleFormValues) => void;
  onCancel: () => void;
}

/** Create or edit a routing rule, with a Preview of the open orders it would route before it is saved. */
export function RuleForm({ mode, initial, accounts, pending, error, onSubmit, onCancel }: RuleFormProps) {
  const [values, setValues] = useState(initial);
  const [shownLocal, setShownLocal] = useState(false);
  const preview = usePreviewRoutingRule();
  const server = formErrorsOf(withListFields(error ?? preview.error), RULE_INPUT_PATHS);
  const local = shownLocal ? localRuleErrors(values) : {};
  const fieldErrors: Partial<Record<RuleFormField, string>> = { ...server.fields, ...local };
  const origins = accounts.filter((account) => channelProfile(account.channel).mcf.origin);
  const providers = accounts.filter((account) => channelProfile(account.channel).mcf.provider);

  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (preview.data || preview.error) preview.reset();
  };
  const valid = () => {
    setShownLocal(true);
    return Object.keys(localRuleErrors(values)).length === 0;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid()) onSubmit(values);
  };
  const runPreview = () => {
    if (valid()) preview.mutate(toRoutingRuleInput(values));
  };

  const field = (name: RuleFormField, label: string, input: ReactNode, hint?: string) => (
    <div className={fieldErrors[name] ? 'form-field invalid' : 'form-field'}>
      <label htmlFor={`rule-${name}`}>{label}</label>
      {input}
      {hint && <span className="hint">{hint}</span>}
      {fieldErrors[name] && (
        <span className="field-error" id={`rule-${name}-error`} role="alert" data-testid={`error-${name}`}>
          {fieldErrors[name]}
        </span>
      )}
    </div>
  );
  const invalid = (name: RuleFormField) => ({
    'aria-invalid': fieldErrors[name] ? true : undefined,
    'aria-describedby': fieldErrors[name] ? `rule-${name}-error` : undefined,
  });
  const accountSelect = (name: 'accountId' | 'mcfAccountId', options: readonly ChannelAccountRow[], empty: string) => (
    <select
      id={`rule-${name}`}
      value={values[name]}
      onChange={(event) => set(name, event.target.value)}
      {...invalid(name)}
      data-testid={`rule-field-${name}`}
    >
      <option value="">{empty}</option>
      {options.map((account) => (
        <option key={account.id} value={account.id}>
          {account.name}
          {account.disabledAt ? ' (disabled)' : ''}
        </option>
      ))}
    </select>
  );
  const check = (name: 'requireStock' | 'applyOnImport' | 'enabled', label: string) => (
    <label className="field checkbox">
      <input
        type="checkbox"
        checked={values[name]}
        onChange={(event) => set(name, event.target.checked)}
        data-testid={`rule-field-${name}`}
      />
      <span>{label}</span>
    </label>
  );

  return (
    <form className="account-form rule-form" onSubmit={submit} noValidate data-testid="rule-form" aria-busy={pending}>
      <fieldset disabled={pending}>
        <legend>{mode === 'create' ? 'New routing rule' : 'Edit routing rule'}</legend>
        {field(
          'name',
          'Name',
          <input
            id="rule-name"
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
            {...invalid('name')}
            data-testid="rule-field-name"
          />,
        )}
        {field(
          'accountId',
          'Walmart account',
          accountSelect('accountId', origins, 'Choose the account whose orders it routes…'),
        )}
        {field(
          'mcfAccountId',
          'Amazon MCF account',
          accountSelect('mcfAccountId', providers, 'Choose the account whose stock fulfils them…'),
        )}
        {field(
          'priority',
          'Priority',
          <input
            id="rule-priority"
            type="number"
            step={1}
            value={values.priority}
            onChange={(event) => set('priority', event.target.value)}
            {...invalid('priority')}
            data-testid="rule-field-priority"
          />,
          'Lower runs first; the first matching rule routes the order.',
        )}
        {field(
          'skus',
          'SKUs',
          <textarea
            id="rule-skus"
            rows={3}
            value={values.skus}
            onChange={(event) => set('skus', event.target.value)}
            {...invalid('skus')}
            data-testid="rule-field-skus"
          />,
          'Comma or new-line separated; every line of the order must be one of them. Empty: any SKU.',
        )}
        {field(
          'skuPattern',
          'SKU pattern',
          <input
            id="rule-skuPattern"
            value={values.skuPattern}
            placeholder="MUG-*"
            onChange={(event) => set('skuPattern', event.target.value)}
            {...invalid('skuPattern')}
            data-testid="rule-field-skuPattern"
          />,
          'A glob every line’s SKU must match. Empty: no pattern.',
        )}
        {field(
          'countries',
          'Ship-to countries',
          <input
            id="rule-countries"
            value={values.countries}
            placeholder="US, PR"
            onChange={(event) => set('countries', event.target.value)}
            {...invalid('countries')}
            data-testid="rule-field-countries"
          />,
          'Two-letter codes. Empty: any country.',
        )}
        {check('requireStock', 'Require Amazon stock (ask Amazon before routing)')}
        {check('applyOnImport', 'Apply to orders as they are imported')}
        {check('enabled', 'Enabled')}
      </fieldset>
      {server.form && <ErrorState title={error ? 'Not saved' : 'No preview'} error={server.form} />}
      <div className="form-actions">
        <button
          type="button"
          onClick={runPreview}
          disabled={pending || preview.isPending}
          data-testid="rule-preview-button"
        >
          Preview
        </button>
        <button type="button" onClick={onCancel} disabled={pending} data-testid="rule-cancel">
          Cancel
        </button>
        <button type="submit" className="primary" disabled={pending} data-testid="rule-save">
          {pending ? 'Saving…' : mode === 'create' ? 'Create rule' : 'Save rule'}
        </button>
      </div>
      <RulePreview orders={preview.data?.previewRoutingRule} pending={preview.isPending} error={null} />
    </form>
  );
}
