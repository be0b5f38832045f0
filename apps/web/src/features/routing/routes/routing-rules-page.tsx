import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useChannelAccounts } from '@/features/accounts/api/accounts.hooks';
import { accountPermissions } from '@/features/accounts/lib/account-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { RoutingRuleView } from '../api/routing.graphql';
import { useRoutingRules, useSaveRoutingRule } from '../api/routing.hooks';
import { RuleForm } from '../components/rule-form';
import { RulesTable } from '../components/rules-table';
import { EMPTY_RULE_FORM, type RuleFormValues, ruleFormValuesOf, toRoutingRuleInput } from '../lib/rule-form';

type Editing = { mode: 'create' } | { mode: 'edit'; rule: RoutingRuleView } | null;

/** Which Walmart orders go to Amazon MCF, and from which Amazon account. ADMIN edits; others read. */
export function RoutingRulesPage() {
  const me = useMe();
  const { canManage } = accountPermissions(me.data?.me.role);
  const rules = useRoutingRules();
  const accounts = useChannelAccounts();
  const save = useSaveRoutingRule();
  const [editing, setEditing] = useState<Editing>(null);
  const accountList = accounts.data?.channelAccounts ?? [];
  const accountName = (id: string) => accountList.find((account) => account.id === id)?.name ?? id;

  const open = (next: Editing) => {
    save.reset();
    setEditing(next);
  };
  const submit = (values: RuleFormValues) =>
    save.mutate(
      { id: editing?.mode === 'edit' ? editing.rule.id : null, input: toRoutingRuleInput(values) },
      { onSuccess: () => setEditing(null) },
    );

  return (
    <section className="page" data-testid="routing-page">
      <div className="page-head">
        <h1>MCF routing rules</h1>
        <Link to="/settings/mcf-skus" data-testid="routing-sku-map-link">
          SKU map
        </Link>
        {canManage && !editing && (
          <button type="button" className="primary" onClick={() => open({ mode: 'create' })} data-testid="rule-new">
            New rule
          </button>
        )}
      </div>
      {!canManage && me.data && (
        <p className="hint" data-testid="routing-read-only">
          Routing rules are managed by admins; your role is {me.data.me.role}.
        </p>
      )}
      {editing &&
        (accounts.isPending ? (
          <Loading label="Loading accounts…" />
        ) : (
          <RuleForm
            key={editing.mode === 'edit' ? editing.rule.id : 'new'}
            mode={editing.mode}
            initial={editing.mode === 'edit' ? ruleFormValuesOf(editing.rule) : EMPTY_RULE_FORM}
            accounts={accountList}
            pending={save.isPending}
            error={save.error}
            onSubmit={submit}
            onCancel={() => setEditing(null)}
          />
        ))}
      {accounts.isError && (
        <ErrorState title="Accounts unavailable" error={accounts.error} onRetry={() => void accounts.refetch()} />
      )}
      {rules.isPending ? (
        <Loading label="Loading rules…" />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.routingRules.length === 0 ? (
        <p className="empty" data-testid="rules-empty">
          No routing rules: Walmart orders go to Amazon MCF only when an operator sends one.
        </p>
      ) : (
        <RulesTable
          rules={rules.data.routingRules}
          accountName={accountName}
          canManage={canManage}
          onEdit={(rule) => open({ mode: 'edit', rule })}
        />
      )}
    </section>
  );
}
