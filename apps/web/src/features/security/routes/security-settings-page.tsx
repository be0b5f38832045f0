import { useState, type FormEvent } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { AdminOnly } from '@/features/auth/components/admin-only';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { AdminSettingsNav } from '@/layout/admin-settings-nav';
import type { SecuritySettingsQuery } from '../api/security.graphql';
import { useSecuritySettings, useUpdateSecuritySettings } from '../api/security.hooks';
import { usePageTitle } from '@/lib/use-page-title';

type Settings = ResultOf<typeof SecuritySettingsQuery>['securitySettings'];
type Choice = 'default' | 'on' | 'off';

const choiceOf = (requireMfa: boolean | null | undefined): Choice =>
  requireMfa == null ? 'default' : requireMfa ? 'on' : 'off';
const requireMfaOf = (choice: Choice): boolean | null => (choice === 'default' ? null : choice === 'on');

/** `/settings/security` (ADMIN): whether everyone, not only admins, needs two-factor sign-in. */
export function SecuritySettingsPage() {
  usePageTitle('Security');
  return (
    <section className="security-page" data-testid="security-page">
      <div className="page-head">
        <h1>Security</h1>
      </div>
      <AdminSettingsNav />
      <AdminOnly can="change the security settings">
        <SecurityPanel />
      </AdminOnly>
    </section>
  );
}

function SecurityPanel() {
  const settings = useSecuritySettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <RequireMfaForm settings={settings.data.securitySettings} />;
}

function RequireMfaForm({ settings }: { settings: Settings }) {
  const update = useUpdateSecuritySettings();
  const [choice, setChoice] = useState<Choice>(choiceOf(settings.requireMfa));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(requireMfaOf(choice));
  };
  const option = (value: Choice, label: string) => (
    <label className="field checkbox">
      <input
        type="radio"
        name="require-mfa"
        value={value}
        checked={choice === value}
        onChange={() => setChoice(value)}
        data-testid={`require-mfa-${value}`}
      />{' '}
      {label}
    </label>
  );
  return (
    <form className="panel" onSubmit={submit} data-testid="require-mfa-form">
      <fieldset className="plain-fieldset">
        <legend>Require two-factor sign-in for everyone</legend>
        <p className="hint">Admins always need it. This decides for operators and viewers.</p>
        {option('default', `Follow the default (now ${settings.requireMfaDefault ? 'required' : 'not required'})`)}
        {option('on', 'Required for everyone')}
        {option('off', 'Only for admins')}
      </fieldset>
      <p data-testid="require-mfa-effective">
        Now: <strong>{settings.effectiveRequireMfa ? 'required for everyone' : 'required for admins only'}</strong>.{' '}
        <span className="muted" data-testid="require-mfa-reason">
          {settings.reason}
        </span>
      </p>
      {update.isError && <ErrorState title="Not saved" error={update.error} />}
      {update.isSuccess && (
        <p className="notice" role="status" data-testid="security-saved">
          Saved. People who now need two-factor sign-in set it up at their next sign-in.
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="primary"
          disabled={update.isPending || choice === choiceOf(settings.requireMfa)}
          data-testid="security-save"
        >
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
