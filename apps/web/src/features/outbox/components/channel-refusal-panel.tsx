import { lazy, Suspense, useState } from 'react';
import { Loading } from '@/components/loading';
import { formatZonedDateTime } from '@/lib/format';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { operationLabel } from '../lib/outbox-format';
import { ChannelRefusedBadge } from './channel-refused-badge';

// The dialog brings @order-hub/rules (carrier formats, policy tables): loaded when it first opens.
const FixAndResendDialog = lazy(() =>
  import('./fix-and-resend-dialog').then((m) => ({ default: m.FixAndResendDialog })),
);

type Refusal = OrderDetail['channelRefusals'][number];

/**
 * The order's calls the channel refused for good, above everything else on the page: what was refused, the
 * channel's words, and Fix and resend with the fields as they were sent.
 */
export function ChannelRefusalPanel({ order }: { order: OrderDetail }) {
  const [fixing, setFixing] = useState<Refusal | null>(null);
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  if (order.channelRefusals.length === 0) return null;
  return (
    <section className="panel refusal-panel" aria-label="Channel refusals" data-testid="channel-refusal-panel">
      {order.channelRefusals.map((refusal) => (
        <div key={refusal.entry.id} className="refusal" data-testid="channel-refusal" data-entry-id={refusal.entry.id}>
          <ChannelRefusedBadge refusal={refusal} />
          <p className="muted">
            {operationLabel(refusal.operation)} refused {formatZonedDateTime(refusal.refusedAt, order.account.timeZone)}
            .{' '}
            {refusal.state === 'REJECTED'
              ? 'The order shows what the channel holds: its deadlines and alarms apply again.'
              : 'Sent again; this clears once the channel takes it.'}
          </p>
          {refusal.state === 'REJECTED' && (
            <button
              type="button"
              className="primary"
              disabled={denied !== null}
              title={denied ?? undefined}
              onClick={() => setFixing(refusal)}
              data-testid="refusal-fix"
            >
              Fix and resend
            </button>
          )}
        </div>
      ))}
      {fixing && (
        <Suspense fallback={<Loading label="Opening…" />}>
          <FixAndResendDialog entry={fixing.entry} onClose={() => setFixing(null)} />
        </Suspense>
      )}
    </section>
  );
}
