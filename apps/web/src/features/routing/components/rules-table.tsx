import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import type { RoutingRuleView } from '../api/routing.graphql';
import { useDeleteRoutingRule } from '../api/routing.hooks';

interface RulesTableProps {
  rules: readonly RoutingRuleView[];
  accountName: (id: string) => string;
  canManage: boolean;
  onEdit: (rule: RoutingRuleView) => void;
}

/** The rules by priority (the first matching one routes an order), each with Edit and Delete for ADMIN. */
export function RulesTable({ rules, accountName, canManage, onEdit }: RulesTableProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useDeleteRoutingRule();
  const sorted = [...rules].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  return (
    <>
      {remove.isError && <ErrorState title="Not deleted" error={remove.error} />}
      <table className="grid" data-testid="rules-table">
        <thead>
          <tr>
            <th className="num">Priority</th>
            <th>Name</th>
            <th>State</th>
            <th className="num">Orders routed</th>
            <th>Walmart account</th>
            <th>Amazon MCF account</th>
            <th>Matches</th>
            <th>Options</th>
            {canManage && <th />}
          </tr>
        </thead>
        <tbody>
          {sorted.map((rule) => (
            <tr key={rule.id} data-testid="rule-row" className={rule.enabled ? undefined : 'disabled'}>
              <td className="num">{rule.priority}</td>
              <td data-testid="rule-name">{rule.name}</td>
              <td data-testid="rule-state">
                <span className={rule.enabled ? 'badge ok' : 'badge badge-disabled'}>
                  {rule.enabled ? 'Enabled' : 'Disabled'}
                </span>
              </td>
              <td className="num" data-testid="rule-routed" title="Orders this rule sent to Amazon MCF">
                {rule.routedOrders}
              </td>
              <td>{accountName(rule.accountId)}</td>
              <td>{accountName(rule.mcfAccountId)}</td>
              <td className="wrap">
                <div>SKUs: {rule.skus.length > 0 ? rule.skus.join(', ') : 'any'}</div>
                {rule.skuPattern && (
                  <div>
                    Pattern: <code>{rule.skuPattern}</code>
                  </div>
                )}
                <div>Countries: {rule.countries.length > 0 ? rule.countries.join(', ') : 'any'}</div>
              </td>
              <td>
                {rule.requireStock ? 'Only when Amazon has the stock' : 'Without a stock check'}
                {rule.applyOnImport ? '; applied to new orders as they arrive' : '; applied when you route'}
              </td>
              {canManage && (
                <td className="actions">
                  {confirming === rule.id ? (
                    <span className="confirm" data-testid="rule-delete-confirm">
                      Delete “{rule.name}”?{' '}
                      <button
                        type="button"
                        className="danger"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(rule.id, { onSuccess: () => setConfirming(null) })}
                        data-testid="rule-delete-yes"
                      >
                        {remove.isPending ? 'Deleting…' : 'Delete'}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)} data-testid="rule-delete-no">
                        Keep
                      </button>
                    </span>
                  ) : (
                    <>
                      <button type="button" onClick={() => onEdit(rule)} data-testid="rule-edit">
                        Edit
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(rule.id)} data-testid="rule-delete">
                        Delete
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
