import { channelLabel } from '@order-hub/rules/channels';
import { CHANNELS } from '@order-hub/types';
import type { AlertAccount } from '../api/alerts.graphql';
import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES, toggled, type AlertsPageFilter } from '../lib/alerts-filter';
import { alertKindLabel } from '../lib/alerts-format';

interface AlertFiltersProps {
  filter: AlertsPageFilter;
  accounts: readonly AlertAccount[];
  onChange: (filter: AlertsPageFilter) => void;
}

/** Status and severity checkboxes (none ticked: any), kind, channel and account. */
export function AlertFilters({ filter, accounts, onChange }: AlertFiltersProps) {
  const set = (patch: Partial<AlertsPageFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="alert-filters" data-testid="alert-filters">
      <fieldset className="status-filter">
        <legend>Status</legend>
        {ALERT_STATUSES.map((status) => (
          <label key={status}>
            <input
              type="checkbox"
              checked={filter.statuses.includes(status)}
              onChange={(event) =>
                set({ statuses: toggled(filter.statuses, status, event.target.checked, ALERT_STATUSES) })
              }
              data-testid={`alerts-status-${status}`}
            />
            {status.toLowerCase()}
          </label>
        ))}
      </fieldset>
      <fieldset className="status-filter">
        <legend>Severity</legend>
        {ALERT_SEVERITIES.map((severity) => (
          <label key={severity}>
            <input
              type="checkbox"
              checked={filter.severities.includes(severity)}
              onChange={(event) =>
                set({ severities: toggled(filter.severities, severity, event.target.checked, ALERT_SEVERITIES) })
              }
              data-testid={`alerts-severity-${severity}`}
            />
            {severity.toLowerCase()}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Kind</span>
        <select
          value={filter.kind ?? ''}
          onChange={(event) => set({ kind: event.target.value || null })}
          data-testid="alerts-kind"
        >
          <option value="">Any kind</option>
          {ALERT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {alertKindLabel(kind)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Channel</span>
        <select
          value={filter.channel ?? ''}
          onChange={(event) =>
            set({ channel: (event.target.value || null) as AlertsPageFilter['channel'], accountId: null })
          }
          data-testid="alerts-channel"
        >
          <option value="">Both channels</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Account</span>
        <select
          value={filter.accountId ?? ''}
          onChange={(event) => set({ accountId: event.target.value || null })}
          data-testid="alerts-account"
        >
          <option value="">Every account</option>
          {accounts
            .filter((account) => !filter.channel || account.channel === filter.channel)
            .map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
