import { ErrorState } from '@/components/error-state';
import type { AlertFilter } from '@/gql/graphql';
import { useAlertKindCounts, useMarkAlertsSeen } from '../api/alerts.hooks';
import { alertKindLabel } from '../lib/alerts-format';

interface AlertKindGroupsProps {
  /** The page's filter without its kind: the groups count across kinds. */
  filter: AlertFilter;
  kind: string | null;
  onKind: (kind: string | null) => void;
  deniedReason: string | null;
}

/** The alerts by kind with their counts: picking one filters the list; "Mark all seen" clears a kind at once. */
export function AlertKindGroups({ filter, kind, onKind, deniedReason }: AlertKindGroupsProps) {
  const groups = useAlertKindCounts(filter);
  const markSeen = useMarkAlertsSeen();
  if (groups.isError) return <ErrorState title="Alert groups unavailable" error={groups.error} />;
  const list = groups.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="alert-groups" aria-label="Alerts by kind" data-testid="alert-groups">
      {markSeen.isError && <ErrorState title="Not marked seen" error={markSeen.error} />}
      <ul>
        {list.map((group) => (
          <li
            key={group.kind}
            className={group.kind === kind ? 'alert-group active' : 'alert-group'}
            data-testid="alert-group"
            data-alert-kind={group.kind}
          >
            <button
              type="button"
              className="link"
              aria-pressed={group.kind === kind}
              onClick={() => onKind(group.kind === kind ? null : group.kind)}
              title={group.kind}
              data-testid="alert-group-filter"
            >
              {alertKindLabel(group.kind)} <span className="badge">{group.count}</span>
            </button>
            {group.unseen > 0 && (
              <button
                type="button"
                disabled={deniedReason !== null || markSeen.isPending}
                title={deniedReason ?? undefined}
                onClick={() => markSeen.mutate({ kinds: [group.kind] })}
                data-testid="alert-group-mark-seen"
              >
                Mark all {group.unseen} seen
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
