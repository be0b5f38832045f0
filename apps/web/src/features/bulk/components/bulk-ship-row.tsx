import { openUnits } from '@order-hub/rules';
import type { CarrierCode } from '@order-hub/types';
import { Link } from 'react-router';
import type { BulkResultFieldsFragment } from '@/gql/graphql';
import { ViolationList } from '@/features/actions/components/violation-list';
import { carrierOptions, trackingFormatHint } from '@/features/actions/lib/shipment-form';
import type { ViolationLike } from '@/features/actions/lib/violation-fields';
import { orderPath } from '@/features/orders/lib/order-path';
import type { BulkOrder } from '../api/bulk.graphql';
import type { BulkShipRowValues } from '../lib/bulk-ship-checks';

interface BulkShipRowProps {
  order: BulkOrder;
  values: BulkShipRowValues;
  violations: readonly ViolationLike[];
  result: BulkResultFieldsFragment['results'][number] | null;
  onChange: (values: BulkShipRowValues) => void;
}

/** One order of the bulk ship grid: tick, carrier, tracking number, the rules it breaks as typed, and its result. */
export function BulkShipRow({ order, values, violations, result, onChange }: BulkShipRowProps) {
  const units = order.lines.reduce((sum, l) => sum + openUnits(l), 0);
  const hint = trackingFormatHint(values.trackingNumber, values.carrier);
  const label = `order ${order.channelOrderId}`;
  return (
    <tr data-testid="bulk-ship-row" data-order-id={order.id} data-channel-order-id={order.channelOrderId}>
      <td>
        <input
          type="checkbox"
          checked={values.include}
          onChange={(e) => onChange({ ...values, include: e.target.checked })}
          aria-label={`Ship ${label}`}
          data-testid="bulk-ship-include"
        />
      </td>
      <td>
        <Link className="mono" to={orderPath(order)}>
          {order.channelOrderId}
        </Link>
        <div className="muted">{order.shipTo?.name}</div>
        {order.cancellationRequested && <div className="warn">Buyer asked to cancel</div>}
      </td>
      <td>
        {units} {units === 1 ? 'unit' : 'units'}
        <div className="muted mono">{order.lines.map((l) => l.sku).join(', ')}</div>
      </td>
      <td>
        <select
          value={values.carrier}
          onChange={(e) => onChange({ ...values, carrier: e.target.value as CarrierCode })}
          aria-label={`Carrier for ${label}`}
          data-testid="bulk-ship-carrier"
        >
          {carrierOptions(order.channel)
            .filter((c) => c.code !== 'OTHER')
            .map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
        </select>
      </td>
      <td>
        <input
          type="text"
          value={values.trackingNumber}
          onChange={(e) => onChange({ ...values, trackingNumber: e.target.value })}
          aria-label={`Tracking number for ${label}`}
          autoComplete="off"
          spellCheck={false}
          data-testid="bulk-ship-tracking"
        />
        {hint && <div className="muted">{hint}</div>}
        <ViolationList violations={violations} testId="bulk-ship-violations" />
      </td>
      <td data-testid="bulk-ship-result" data-ok={result ? String(result.ok) : undefined}>
        {result && (result.ok ? 'Shipped' : <span className="bad">{result.message}</span>)}
      </td>
    </tr>
  );
}
