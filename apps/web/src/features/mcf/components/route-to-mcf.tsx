import { useState } from 'react';
import { MCF_PROVIDER_CHANNELS } from '@order-hub/rules/channels';
import { ErrorState } from '@/components/error-state';
import { useChannelAccounts } from '@/features/accounts/api/accounts.hooks';
import { useMe } from '@/features/auth/api/auth.hooks';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useRouteOrdersToMcf } from '../api/mcf.hooks';
import { MapSkuLinks } from './map-sku-links';

const ROUTE_OUTCOME_WORDS: Record<string, string> = {
  ROUTED: 'Sent to Amazon',
  NOT_ROUTED: 'Amazon cannot take it',
  REFUSED: 'Not sent',
};

/** "Fulfil with Amazon MCF": route this order to the chosen Amazon account's stock, and say what came of it. */
export function RouteToMcf({ orderId }: { orderId: string }) {
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const accounts = useChannelAccounts();
  const amazon = (accounts.data?.channelAccounts ?? []).filter(
    (account) => MCF_PROVIDER_CHANNELS.includes(account.channel) && !account.disabledAt,
  );
  const [chosen, setChosen] = useState('');
  const mcfAccountId = chosen || amazon[0]?.id || '';
  const route = useRouteOrdersToMcf();
  const result =
    route.data?.routeOrdersToMcf.find((entry) => entry.orderId === orderId) ?? route.data?.routeOrdersToMcf[0];

  return (
    <div className="route-mcf" data-testid="route-mcf">
      <label className="field">
        <span>Amazon account</span>
        <select
          value={mcfAccountId}
          onChange={(event) => setChosen(event.target.value)}
          disabled={amazon.length === 0}
          data-testid="route-mcf-account"
        >
          {amazon.length === 0 && <option value="">{accounts.isPending ? 'Loading…' : 'No Amazon account'}</option>}
          {amazon.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary"
        disabled={denied !== null || mcfAccountId === '' || route.isPending}
        title={denied ?? undefined}
        onClick={() => route.mutate({ orderIds: [orderId], mcfAccountId })}
        data-testid="route-mcf-submit"
      >
        {route.isPending ? 'Asking Amazon…' : 'Fulfil with Amazon MCF'}
      </button>
      {accounts.isError && <ErrorState title="Accounts unavailable" error={accounts.error} />}
      {route.isError && <ErrorState title="Not routed" error={route.error} />}
      {result && (
        <p
          className={`notice route-outcome outcome-${result.outcome.toLowerCase()}`}
          role="status"
          data-testid="route-mcf-outcome"
          data-outcome={result.outcome}
        >
          <strong>{ROUTE_OUTCOME_WORDS[result.outcome] ?? result.outcome}</strong>
          {result.reason && <span data-testid="route-mcf-reason">: {result.reason}</span>}
          {result.reason && <MapSkuLinks reason={result.reason} accountId={mcfAccountId} />}
        </p>
      )}
    </div>
  );
}
