import type { Channel } from '@order-hub/types';
import { channelProfile } from '../channels/channel-profile';
import { policyFor, type ChannelPolicy, type PerformanceThreshold } from '../policy/policy-table';

/** What a cancel reason means for the seller, in words, with the text it comes from. */
interface ReasonWords {
  label: string;
  /** The buyer's own request: the channel does not hold it against the seller, and it is offered only when they asked. */
  buyerRequest: boolean;
  /** What else the channel does when this reason is used (Walmart's out-of-stock flag). */
  note?: string;
  source: string;
  effectiveFrom: string;
}

const WALMART_ENUM =
  'Walmart Orders OpenAPI 2023 and 2026 (cancellationReason enum), DEV cancel-one-or-more-order-lines';
const WALMART_COUNTS =
  'Seller-initiated cancels (out of stock, pricing error, auto-cancel) count in the cancellation rate; a cancel the customer asked for does not: LEARN Seller-performance-standards (2026), sitnsell help page (third-party). The seller-accountable list was not in the corpus, so every SELLER_CANCEL_* reason is taken as counting';
const AMAZON_COUNTS =
  'Pre-fulfillment cancel rate = cancels initiated by the seller; a cancel the buyer asked for does not count: Seller Central Account Health help; reasons of POST_ORDER_ACKNOWLEDGEMENT_DATA (Amazon feeds documentation [verify])';

/** Every current cancel reason of every channel, in words (the codes stay in the API and a tooltip). */
const REASON_WORDS: Readonly<Record<string, ReasonWords>> = {
  CUSTOMER_REQUESTED_SELLER_TO_CANCEL: {
    label: 'Customer asked to cancel',
    buyerRequest: true,
    source: `${WALMART_ENUM}; ${WALMART_COUNTS}`,
    effectiveFrom: '2023-01-01',
  },
  SELLER_CANCEL_OUT_OF_STOCK: {
    label: 'Out of stock',
    buyerRequest: false,
    note: 'Walmart also marks the item out of stock at that ship node until you restock it.',
    source: `${WALMART_ENUM} (out-of-stock flag: DEV cancel-one-or-more-order-lines); ${WALMART_COUNTS}`,
    effectiveFrom: '2023-01-01',
  },
  SELLER_CANCEL_PRICING_ERROR: {
    label: 'Pricing error',
    buyerRequest: false,
    source: `${WALMART_ENUM}; ${WALMART_COUNTS}`,
    effectiveFrom: '2023-01-01',
  },
  SELLER_CANCEL_FRAUD_STOP_SHIPMENT: {
    label: 'Confirmed fraud',
    buyerRequest: false,
    note: 'Only for confirmed fraud; if you merely suspect it, ask Walmart (MPFraudReq@customercare.walmart.com) first.',
    source: `${WALMART_ENUM}; ${WALMART_COUNTS}`,
    effectiveFrom: '2023-01-01',
  },
  SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE: {
    label: 'Cannot deliver to the address',
    buyerRequest: false,
    source: `${WALMART_ENUM}; ${WALMART_COUNTS}`,
    effectiveFrom: '2023-01-01',
  },
  NoInventory: { label: 'Out of stock', buyerRequest: false, source: AMAZON_COUNTS, effectiveFrom: '2021-06-30' },
  ShippingAddressUndeliverable: {
    label: 'Cannot deliver to the address',
    buyerRequest: false,
    source: AMAZON_COUNTS,
    effectiveFrom: '2021-06-30',
  },
  CustomerExchange: {
    label: 'Customer exchange',
    buyerRequest: false,
    source: AMAZON_COUNTS,
    effectiveFrom: '2021-06-30',
  },
  BuyerCanceled: {
    label: 'Customer asked to cancel',
    buyerRequest: true,
    source: AMAZON_COUNTS,
    effectiveFrom: '2021-06-30',
  },
  GeneralAdjustment: {
    label: 'General adjustment',
    buyerRequest: false,
    source: AMAZON_COUNTS,
    effectiveFrom: '2021-06-30',
  },
  CarrierCreditDecision: {
    label: 'Carrier credit decision',
    buyerRequest: false,
    source: AMAZON_COUNTS,
    effectiveFrom: '2021-06-30',
  },
  RiskAssessmentInformationNotValid: {
    label: 'Failed the risk check (suspected fraud)',
    buyerRequest: false,
    source: AMAZON_COUNTS,
    effectiveFrom: '2021-06-30',
  },
  CarrierCoverageFailure: {
    label: 'No carrier covers the address',
    buyerRequest: false,
    source: AMAZON_COUNTS,
    effectiveFrom: '2021-06-30',
  },
  CustomerReturn: { label: 'Customer return', buyerRequest: false, source: AMAZON_COUNTS, effectiveFrom: '2021-06-30' },
  MerchandiseNotReceived: {
    label: 'Merchandise not received',
    buyerRequest: false,
    source: AMAZON_COUNTS,
    effectiveFrom: '2021-06-30',
  },
};

export interface CancelReasonChoice {
  /** The channel's code, sent as is. */
  code: string;
  label: string;
  /** What it does to the seller's metrics, e.g. "Counts against your cancellation rate (at most 2% over 30 days)." */
  effect: string;
  /** The effect in a few words, for a list: "counts against your cancellation rate". */
  summary: string;
  counts: boolean;
  source: string;
  effectiveFrom: string;
}

const CANCEL_METRICS = ['CANCELLATION_RATE', 'PRE_FULFILLMENT_CANCEL_RATE'] as const;
const METRIC_WORDS: Record<(typeof CANCEL_METRICS)[number], string> = {
  CANCELLATION_RATE: 'cancellation rate',
  PRE_FULFILLMENT_CANCEL_RATE: 'pre-fulfilment cancel rate',
};
const COMPARISON_WORDS: Record<PerformanceThreshold['comparison'], string> = {
  AT_LEAST: 'at least',
  ABOVE: 'above',
  AT_MOST: 'at most',
  BELOW: 'below',
};

/** The rate a cancel counts in on this policy, in words, and its standard: "(must stay at most 2% over 30 days)". */
function cancelMetric(policy: ChannelPolicy): { name: string; standard: string } {
  const threshold = policy.thresholds.find((t) => (CANCEL_METRICS as readonly string[]).includes(t.metric));
  if (!threshold) return { name: 'cancellation rate', standard: '' };
  return {
    name: METRIC_WORDS[threshold.metric as (typeof CANCEL_METRICS)[number]],
    standard: ` (must stay ${COMPARISON_WORDS[threshold.comparison]} ${threshold.percent}% over ${threshold.windowDays} days)`,
  };
}

const humanize = (code: string) =>
  code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

/**
 * The cancel reasons to offer on an order, as words with what each does to the seller's metrics. A reason meaning
 * "the customer asked" is offered only when the buyer did ask (Walmart refuses it otherwise; on Amazon it would
 * misstate who cancelled).
 */
export function cancelReasonChoices(
  channel: Channel,
  options: { buyerAskedToCancel: boolean; at?: Date; marketplace?: string },
): CancelReasonChoice[] {
  const at = options.at ?? new Date();
  const policy = policyFor(channel, options.marketplace ?? channelProfile(channel).defaultMarketplace, at);
  const metric = cancelMetric(policy);
  return policy.cancellationReasons.current
    .map((code): CancelReasonChoice & { buyerRequest: boolean } => {
      const words = REASON_WORDS[code];
      const buyerRequest = words?.buyerRequest || policy.cancellationReasons.buyerRequestOnly.includes(code);
      const counts = !buyerRequest;
      const summary = `${counts ? 'counts' : 'does not count'} against your ${metric.name}`;
      const effect = `${summary.replace(/^./, (c) => c.toUpperCase())}${metric.standard}.`;
      return {
        code,
        label: words?.label ?? humanize(code),
        effect: words?.note ? `${effect} ${words.note}` : effect,
        summary,
        counts,
        buyerRequest,
        source: words?.source ?? policy.cancellationReasons.source,
        effectiveFrom: words?.effectiveFrom ?? policy.effectiveFrom.toISOString().slice(0, 10),
      };
    })
    .filter((choice) => options.buyerAskedToCancel || !choice.buyerRequest)
    .map(({ buyerRequest: _buyerRequest, ...choice }) => choice);
}

/** A refund reason in words: "DamagedItem" → "Damaged item", "Shipping & Delivery -> Damaged" → "Shipping & Delivery: Damaged". */
export function refundReasonLabel(code: string): string {
  if (/\s/.test(code)) return code.replace(/\s*->\s*/g, ': ');
  return humanize(code);
}

/** A reason code in words for places that show a cancel already made ("Out of stock"); the code itself if unknown. */
export function cancelReasonLabel(code: string): string {
  return REASON_WORDS[code]?.label ?? humanize(code);
}
