import { channelLabel } from '@order-hub/rules/channels';
import { Link } from 'react-router';
import type { Channel } from '@order-hub/types';

export interface SellerResponseView {
  due: number;
  onTime: number;
  /** Percent answered in time, to one decimal; null when no buyer message came due in the window. */
  rate?: number | null;
  windowDays: number;
  /** Hours the channel gives to answer. */
  respondWithinHours: number;
  source: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "91.7%", "100%". */
export function responseRateWords(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

/**
 * Seller response rate: of the buyer messages that came due in the window, how many were answered by their deadline
 * (the channel's own clock, from the policy table, whose source the tile names).
 */
export function SellerResponseTile({
  channel,
  sellerResponse,
}: {
  channel: Channel;
  sellerResponse: SellerResponseView;
}) {
  const { due, onTime, rate, windowDays, respondWithinHours, source } = sellerResponse;
  const late = due - onTime;
  return (
    <section className="returns-panel" data-testid="seller-response" aria-labelledby="seller-response-title">
      <h2 id="seller-response-title">Seller response rate</h2>
      <p className="muted">
        Buyer messages on {channelLabel(channel)} that came due in the last {plural(windowDays, 'day', 'days')},
        answered within the {respondWithinHours} hours {channelLabel(channel)} gives.
      </p>
      {rate == null || due === 0 ? (
        <p data-testid="seller-response-none">No buyer message came due in these days.</p>
      ) : (
        <>
          <p>
            <strong data-testid="seller-response-rate">{responseRateWords(rate)}</strong>
          </p>
          <p data-testid="seller-response-ratio">
            {onTime} of {plural(due, 'message', 'messages')} answered in time
            {late > 0 ? `; ${late} answered late or not at all` : ''}.
          </p>
        </>
      )}
      <p className="hint" data-testid="seller-response-source">
        Source: {source}. <Link to="/messages">Open the buyer messages</Link>
      </p>
    </section>
  );
}
