import { CHANNELS, type Channel, type ComplianceMetricKey, type LabelSource } from '@order-hub/types';

/**
 * What a channel can do and how the hub talks to it: the facts that do not change with a policy version (those
 * that do, such as the acknowledgement deadline, auto-cancel grace and tracking edit window, are in
 * `policyFor`). Code outside a channel's adapter reads these instead of testing the channel's name, so a new
 * channel is a new entry here, not a search for `=== 'WALMART'`.
 */
export interface ChannelProfile {
  channel: Channel;
  /** How people call it. */
  label: string;
  /** Two letters that mark the channel in ids the hub builds from an order number (an MCF order id). */
  idPrefix: string;
  /** Who fulfils the channel's own-fulfilment orders (fulfilmentMethod CHANNEL), as people call it. */
  channelFulfilmentLabel: string;
  /**
   * Seconds between incremental order pulls unless `<CHANNEL>_SYNC_INTERVAL_SECONDS` says otherwise: as often as
   * the channel's order-list budget allows one page (Amazon's searchOrders refills one request per ~180 s).
   */
  syncIntervalSeconds: number;
  /** The default marketplace id of a new account, and how to write it. */
  defaultMarketplace: string;
  /**
   * New orders must be acknowledged before shipping (Walmart: within `acknowledgeWithinHours` of the policy);
   * shipping or routing an unacknowledged order acknowledges it first.
   */
  needsAcknowledgement: boolean;
  /** How a cancellation reaches the channel: its order API, or a feed processed later. */
  cancelsThrough: 'API' | 'FEED';
  /** Whether the hub sends refunds through the channel's API; when not, why (shown to the operator). */
  refunds: { throughApi: true } | { throughApi: false; reason: string };
  /**
   * How the hub learns of the channel's returns and refunds them: read from a returns API page by page (incrementally by
   * last change) or from a report re-run over the last `lookbackDays` (a report by return date shows no later change
   * otherwise), every `refreshEveryMinutes`; refunded through the return (quantities) or as an order refund (amounts).
   */
  returns: {
    importedFrom: 'RETURNS_API' | 'REPORT';
    refreshEveryMinutes: number;
    lookbackDays: number | null;
    refundThrough: 'RETURN' | 'ORDER_REFUND';
    /** A returned unit is refunded only once it is back with the seller (Walmart refuses a refund before receipt). */
    refundAfterReceipt: boolean;
    source: string;
  };
  /**
   * Lines the buyer asked to cancel stay on the order until the seller answers: shipping one needs the channel's
   * override (Walmart's intentToCancelOverride) and the buyer-request cancel reason is open for them.
   */
  buyerCancelRequestNeedsOverride: boolean;
  /** A ship confirmation must name the package the channel shipped it in (Amazon's packageReferenceId). */
  shipConfirmationNamesPackage: boolean;
  /**
   * The channel reports carrier scans of the seller's own packages (Amazon's package events), so the hub hears of a
   * first scan even with no tracking provider (late origin scan, valid tracking's `carrierScan.known`). Walmart
   * reports a shipped line only as Delivered.
   */
  reportsCarrierScans: boolean;
  /**
   * The hub warns (AUTO_CANCEL_RISK) before the order's auto-cancel instant (the policy's `autoCancel` after
   * ship-by): the channel's auto-cancel is published for the US and counts in the seller's cancellation rate.
   */
  warnsBeforeAutoCancel: boolean;
  /**
   * The compliance metrics the hub reports for the channel, in report order (the channel's published standards,
   * whose thresholds are in `policyFor`, and the rates the hub follows without one).
   */
  complianceMetrics: readonly ComplianceMetricKey[];
  /**
   * The channel publishes the seller's own account health (Amazon's Seller Performance report,
   * GET_V2_SELLER_PERFORMANCE_REPORT: Order Defect Rate, Account Health Rating), which the hub fetches daily and
   * shows beside its own metrics.
   */
  accountHealthReport: boolean;
  /** Multi-Channel Fulfilment: orders of this channel may be routed to a provider; this channel's accounts may fulfil orders of others. */
  mcf: { origin: boolean; provider: boolean };
  /**
   * Where the hub buys a label for the channel's orders: the channel's own shipping service (CHANNEL) or the tracking
   * provider's shipping API (PROVIDER); whether buying it confirms the shipment to the channel, so the hub records
   * the shipment and sends no confirmation of its own.
   */
  labels: { source: LabelSource; channelConfirmsShipment: boolean; reference: string };
  /**
   * The credentials the channel issues a seller, in the order an account form asks for them, as the api checks
   * them when an account is saved (optional ones may stay empty), with how people call each.
   */
  credentials: readonly ChannelCredential[];
  /**
   * The shapes of the channel's order numbers as they appear in e-mail (whole tokens), so a message can be linked to
   * its order; each with where the shape is known from.
   */
  orderNumberShapes: readonly OrderNumberShape[];
  source: string;
}

/** One kind of order number the channel prints: the pattern (no anchors, matched as a whole token) and its source. */
export interface OrderNumberShape {
  kind: 'CHANNEL_ORDER' | 'CUSTOMER_ORDER';
  label: string;
  pattern: string;
  source: string;
}

/** One credential an account of the channel holds. */
export interface ChannelCredential {
  field: 'clientId' | 'clientSecret' | 'refreshToken' | 'sellerId' | 'lwaEndpoint';
  label: string;
  /** Write-only: a password input that never shows what is stored. */
  secret: boolean;
  optional?: boolean;
}

export const CHANNEL_PROFILES: Readonly<Record<Channel, ChannelProfile>> = {
  WALMART: {
    channel: 'WALMART',
    label: 'Walmart',
    idPrefix: 'WM',
    channelFulfilmentLabel: 'Walmart (WFS)',
    syncIntervalSeconds: 60,
    defaultMarketplace: 'US',
    needsAcknowledgement: true,
    cancelsThrough: 'API',
    refunds: { throughApi: true },
    returns: {
      importedFrom: 'RETURNS_API',
      refreshEveryMinutes: 15,
      lookbackDays: null,
      refundThrough: 'RETURN',
      // "you will need to refund the order in Seller Center after the item is delivered to your return center":
      // Marketplace Learn, Issue a standard refund in Seller Center.
      refundAfterReceipt: true,
      source:
        'Walmart Returns API: GET /v3/returns (returnLastModifiedStartDate, cursor) and POST /v3/returns/{returnOrderId}/refund (quantities per return line, no amount or reason): shared/specs/walmart/returns.openapi.json',
    },
    buyerCancelRequestNeedsOverride: true,
    shipConfirmationNamesPackage: false,
    reportsCarrierScans: false,
    warnsBeforeAutoCancel: true,
    complianceMetrics: [
      'VALID_TRACKING_RATE',
      'CANCELLATION_RATE',
      'REFUND_RATE',
      'ON_TIME_SHIPMENT_RATE',
      'ACKNOWLEDGEMENT_RATE',
      'ON_TIME_DELIVERY_RATE',
      'ADDRESS_MISMATCH_RATE',
    ],
    accountHealthReport: false,
    mcf: { origin: true, provider: false },
    labels: {
      source: 'PROVIDER',
      channelConfirmsShipment: false,
      reference:
        'Walmart sells no labels through its Orders API (Ship with Walmart is a separate program): labels come from the tracking provider (EasyPost shipments: rates, buy, label, refund — docs.easypost.com/docs/shipments) and the hub confirms the shipment through POST /v3/orders/{purchaseOrderId}/shipping with the carrier enum and methodCode (walmartShipmentFor)',
    },
    credentials: [
      { field: 'clientId', label: 'Client ID', secret: false },
      { field: 'clientSecret', label: 'Client secret', secret: true },
    ],
    orderNumberShapes: [
      {
        kind: 'CHANNEL_ORDER',
        label: 'purchase order number',
        pattern: '[1-9]\\d{12}',
        source:
          'purchaseOrderId: 13 digits in every example of the Walmart Orders OpenAPI specs (shared/specs/walmart, e.g. 1796277083022) and in the sandbox generator (apps/sandbox/src/generator/walmart.ts)',
      },
      {
        kind: 'CUSTOMER_ORDER',
        label: 'customer order number',
        pattern: '[1-9]\\d{12}',
        source:
          'customerOrderId: 13 digits in every example of the Walmart Orders and Returns OpenAPI specs (e.g. 5281956426648) and in the sandbox generator',
      },
    ],
    source:
      'Walmart Orders API (acknowledge, cancel, refund, shipping with intentToCancelOverride): developer.walmart.com/us-marketplace; shared/docs/reference/walmart.md; auto-cancel at ESD + 4 days: LEARN Performance-alarms; credentials: client ID and secret (OAuth client credentials), as the api checks them (channel-credentials.ts)',
  },
  AMAZON: {
    channel: 'AMAZON',
    label: 'Amazon',
    idPrefix: 'AZ',
    channelFulfilmentLabel: 'Amazon (FBA)',
    syncIntervalSeconds: 180,
    defaultMarketplace: 'ATVPDKIKX0DER',
    needsAcknowledgement: false,
    cancelsThrough: 'FEED',
    refunds: { throughApi: true },
    returns: {
      importedFrom: 'REPORT',
      // createReport allows one a minute per seller and the daily account health report shares it: every 4 hours is cheap.
      refreshEveryMinutes: 240,
      lookbackDays: 60,
      refundThrough: 'ORDER_REFUND',
      // An order adjustment may be sent at any time; sellers often refund on the return label's first scan.
      refundAfterReceipt: false,
      source:
        'Reports API 2021-06-30, GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (the report that carries the return delivery date and refunded amount: developer-docs.amazon.com/sp-api/docs/returns-reports-attributes); refunds as order adjustments, POST_PAYMENT_ADJUSTMENT_DATA (order-feed-type-values)',
    },
    buyerCancelRequestNeedsOverride: false,
    shipConfirmationNamesPackage: true,
    reportsCarrierScans: true,
    // Amazon's 7-business-day auto-cancel is known from an EU forum thread only (policy sources): no alarm.
    warnsBeforeAutoCancel: false,
    complianceMetrics: [
      'VALID_TRACKING_RATE',
      'LATE_SHIPMENT_RATE_10D',
      'LATE_SHIPMENT_RATE_30D',
      'PRE_FULFILLMENT_CANCEL_RATE',
      'ON_TIME_DELIVERY_RATE',
    ],
    // Reports API 2021-06-30, report type GET_V2_SELLER_PERFORMANCE_REPORT (shared/specs/amazon/reports/accountHealthReport-2020-11-18.json).
    accountHealthReport: true,
    mcf: { origin: false, provider: true },
    labels: {
      source: 'CHANNEL',
      channelConfirmsShipment: true,
      reference:
        'Amazon Buy Shipping, Shipping API v2 (getRates, purchaseShipment, getShipmentDocuments, cancelShipment: shared/specs/amazon/shippingV2.json); "purchase postage through Amazon\'s Buy Shipping service, which automatically confirms shipment and provides tracking" (Amazon Valid Tracking Rate guidance, seed 002)',
    },
    credentials: [
      { field: 'clientId', label: 'LWA client ID', secret: false },
      { field: 'clientSecret', label: 'LWA client secret', secret: true },
      { field: 'refreshToken', label: 'Refresh token', secret: true },
      // Amazon's feeds name the seller by it; without it the hub cannot cancel Amazon orders.
      { field: 'sellerId', label: 'Seller ID (merchant token)', secret: false, optional: true },
      // Login with Amazon's token URL, when not production (https://api.amazon.com/auth/o2/token).
      { field: 'lwaEndpoint', label: 'LWA token endpoint', secret: false, optional: true },
    ],
    orderNumberShapes: [
      {
        kind: 'CHANNEL_ORDER',
        label: 'order number',
        pattern: '\\d{3}-\\d{7}-\\d{7}',
        source:
          'Amazon order id "3-7-7" (e.g. 123-4567890-1234567): SP-API Orders 2026-01-01 orderId, shared/docs/reference/amazon.md and the sandbox generator (apps/sandbox/src/generator/amazon.ts)',
      },
    ],
    source:
      'SP-API Orders 2026-01-01 (confirmShipment names packageReferenceId; package events), Feeds POST_ORDER_ACKNOWLEDGEMENT_DATA for cancels, MCF 2020-07-01 (Amazon fulfils orders of other channels; Amazon orders use FBA): shared/docs/reference/amazon.md; credentials: LWA client ID, secret and refresh token, seller id for feeds, as the api checks them (channel-credentials.ts)',
  },
};

export function channelProfile(channel: Channel): ChannelProfile {
  return CHANNEL_PROFILES[channel];
}

/** How people call the channel ("Walmart"). */
export function channelLabel(channel: Channel): string {
  return CHANNEL_PROFILES[channel].label;
}

/** "Walmart order 1234": how an order is named in messages to people. */
export function orderName(channel: Channel, channelOrderId: string): string {
  return `${channelLabel(channel)} order ${channelOrderId}`;
}

/** Channels whose accounts may fulfil other channels' orders through MCF. */
export const MCF_PROVIDER_CHANNELS: readonly Channel[] = CHANNELS.filter((c) => CHANNEL_PROFILES[c].mcf.provider);
