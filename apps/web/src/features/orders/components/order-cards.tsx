import { channelLabel } from '@order-hub/rules';
import { useEffect, useRef, type MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatMoney } from '@/lib/format';
import type { OrderEdgeRow } from '@/features/shared/api/orders.graphql';
import { ChannelRefusedBadge } from '@/features/outbox/components/channel-refused-badge';
import { orderPath } from '../lib/order-path';
import { matchLabel } from '../lib/order-words';
import { Deadline } from './deadline';
import { BuyerCancelBadge, isAwaitingShipment, StatusBadge } from './order-status';
import type { RowSelection } from './row-selection';

interface OrderCardsProps {
  edges: readonly OrderEdgeRow[];
  stale: boolean;
  selection: RowSelection;
  focused: number;
  showMatches: boolean;
}

/** The inbox on a phone: one card per order with the key facts; tap opens it, the box selects it. */
export function OrderCards({ edges, stale, selection, focused, showMatches }: OrderCardsProps) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const linkState = { inboxSearch: search };
  const ids = edges.map((edge) => edge.node.id);
  const focusedCard = useRef<HTMLLIElement>(null);
  // Braces: newer browsers' scrollIntoView returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    void focusedCard.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  const open = (event: MouseEvent, edge: OrderEdgeRow) => {
    if ((event.target as HTMLElement).closest('a, input, label')) return;
    void navigate(orderPath(edge.node), { state: linkState });
  };

  return (
    <ul className={stale ? 'order-cards stale' : 'order-cards'} aria-busy={stale} data-testid="orders-table">
      {edges.map((edge, index) => {
        const { node } = edge;
        return (
          <li
            key={node.id}
            ref={index === focused ? focusedCard : undefined}
            className={index === focused ? 'order-card focused' : 'order-card'}
            aria-current={index === focused ? 'true' : undefined}
            onClick={(event) => open(event, edge)}
            data-testid="order-row"
            data-order-id={node.id}
          >
            <div className="order-card-head">
              <input
                type="checkbox"
                aria-label={`Select ${node.channelOrderId}`}
                checked={selection.selected.has(node.id)}
                onClick={(event) => selection.click(ids, index, event.shiftKey, event.currentTarget.checked)}
                onChange={() => undefined}
                data-testid="select-order"
              />
              <Link to={orderPath(node)} state={linkState} className="mono" data-testid="order-number">
                {node.channelOrderId}
              </Link>
              <strong className="order-card-total">{formatMoney(node.total.amountCents, node.total.currency)}</strong>
            </div>
            <div className="order-card-facts">
              <span data-testid="order-channel" data-channel={node.channel}>
                {channelLabel(node.channel)}
              </span>
              <span>{node.shipTo?.name ?? '—'}</span>
              <span data-testid="order-status">
                <StatusBadge status={node.status} />
              </span>
            </div>
            <div className="order-card-facts">
              <span>
                Ship by <Deadline at={node.shipBy} open={isAwaitingShipment(node)} timeZone={node.account.timeZone} />
              </span>
              {node.cancellationRequested && <BuyerCancelBadge />}
              {node.channelRefusals[0] && <ChannelRefusedBadge refusal={node.channelRefusals[0]} />}
            </div>
            {showMatches && edge.matches.length > 0 && (
              <div className="order-card-matches" data-testid="order-matches">
                Matched: {edge.matches.map((match) => matchLabel(match)).join(' · ')}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
