import { isExpeditedShipMethod, shipMethodLabel } from '@order-hub/rules';
import type { InboxColumn } from '@order-hub/types';
import { Link } from 'react-router';
import { formatMoney, formatZonedDateTime } from '@/lib/format';
import type { OrderEdgeRow } from '@/features/shared/api/orders.graphql';
import type { OrderSortField } from '@/gql/graphql';
import { ChannelRefusedBadge } from '@/features/outbox/components/channel-refused-badge';
import { channelLabel } from '@order-hub/rules';
import { orderPath } from '../lib/order-path';
import { firstAndMore, formatAge, fulfilmentLabel } from '../lib/order-words';
import { Deadline } from './deadline';
import { BuyerCancelBadge, isAwaitingShipment, StatusBadge } from './order-status';

export interface CellContext {
  edge: OrderEdgeRow;
  now: number;
  /** Router state the order page uses to link back to the inbox as it was. */
  linkState: { inboxSearch: string };
}

interface InboxColumnSpec {
  /** The server sort field the header sorts by; none: not sortable. `invert`: the column grows as the field falls. */
  sort?: { field: OrderSortField; invert?: boolean };
  numeric?: boolean;
  cell: (context: CellContext) => React.ReactNode;
}

/** How each inbox column shows an order; the header words are the column chooser's (column-labels.ts). */
export const INBOX_COLUMN_SPECS: Record<InboxColumn, InboxColumnSpec> = {
  ORDER_NUMBER: {
    sort: { field: 'ORDER_NUMBER' },
    cell: ({ edge: { node }, linkState }) => (
      <>
        <Link to={orderPath(node)} state={linkState} data-testid="order-number">
          {node.channelOrderId}
        </Link>
        {node.cancellationRequested && <BuyerCancelBadge />}
        {node.channelRefusals[0] && <ChannelRefusedBadge refusal={node.channelRefusals[0]} />}
      </>
    ),
  },
  CHANNEL: {
    cell: ({ edge: { node } }) => (
      <span data-testid="order-channel" data-channel={node.channel} title={node.account.name}>
        {channelLabel(node.channel)}
      </span>
    ),
  },
  CUSTOMER: { sort: { field: 'CUSTOMER' }, cell: ({ edge: { node } }) => node.shipTo?.name ?? '—' },
  STATUS: {
    sort: { field: 'STATUS' },
    cell: ({ edge: { node } }) => (
      <span data-testid="order-status">
        <StatusBadge status={node.status} />
      </span>
    ),
  },
  ORDERED_AT: {
    sort: { field: 'ORDERED_AT' },
    cell: ({ edge: { node } }) => formatZonedDateTime(node.orderedAt, node.account.timeZone),
  },
  SHIP_BY: {
    sort: { field: 'SHIP_BY' },
    cell: ({ edge: { node } }) => (
      <Deadline at={node.shipBy} open={isAwaitingShipment(node)} timeZone={node.account.timeZone} />
    ),
  },
  TOTAL: {
    sort: { field: 'TOTAL' },
    numeric: true,
    cell: ({ edge: { node } }) => formatMoney(node.total.amountCents, node.total.currency),
  },
  SKU: {
    cell: ({ edge: { node } }) => (
      <span className="mono" data-testid="order-skus">
        {firstAndMore(node.lines.map((line) => line.sku))}
      </span>
    ),
  },
  QUANTITY: {
    numeric: true,
    cell: ({ edge: { node } }) => node.lines.reduce((sum, line) => sum + line.quantityOrdered, 0),
  },
  SHIP_METHOD: {
    cell: ({ edge: { node } }) => (
      <span title={node.shipMethod ?? undefined}>{shipMethodLabel(node.channel, node.shipMethod) ?? '—'}</span>
    ),
  },
  EXPEDITED: {
    cell: ({ edge: { node } }) =>
      isExpeditedShipMethod(node.channel, node.shipMethod) ? (
        <span className="badge expedited" data-testid="expedited-badge">
          Expedited
        </span>
      ) : (
        ''
      ),
  },
  TRACKING: {
    cell: ({ edge: { node } }) => (
      <span className="mono" data-testid="order-tracking">
        {firstAndMore(node.shipments.map((shipment) => shipment.trackingNumber))}
      </span>
    ),
  },
  SHIP_TO_STATE: {
    sort: { field: 'SHIP_TO_STATE' },
    cell: ({ edge: { node } }) => node.shipTo?.stateOrRegion ?? '—',
  },
  AGE: {
    sort: { field: 'ORDERED_AT', invert: true },
    cell: ({ edge: { node }, now }) => formatAge(node.orderedAt, now),
  },
  FULFILLMENT: { cell: ({ edge: { node } }) => fulfilmentLabel(node.fulfillmentMethod) },
  LABEL_COST: {
    numeric: true,
    cell: ({ edge: { node } }) => (
      <span data-testid="order-label-cost">
        {node.labelCostCents != null ? formatMoney(node.labelCostCents, node.total.currency) : '—'}
      </span>
    ),
  },
};
