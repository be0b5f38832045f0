/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

export type AcknowledgeOutcome =
  /** Nothing to do. */
  | 'ALREADY_ACKNOWLEDGED'
  /** Amazon orders need no acknowledgement. */
  | 'NOT_NEEDED'
  /** Acknowledged in the hub; the call to Walmart is in the outbox. */
  | 'QUEUED'
  /** See message. */
  | 'REFUSED';

/** VIEWER reads; OPERATOR also acts on orders; ADMIN also manages tokens and accounts. */
export type ApiRole =
  | 'ADMIN'
  | 'OPERATOR'
  | 'VIEWER';

export type CancelLineInput = {
  lineNumber: Scalars['String']['input'];
  quantity: Scalars['Int']['input'];
};

/** Cancels unshipped units with one of the channel's current reasons. */
export type CancelOrderLinesInput = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  lines: Array<CancelLineInput>;
  orderId: Scalars['ID']['input'];
  /** Walmart: SELLER_CANCEL_OUT_OF_STOCK, SELLER_CANCEL_PRICING_ERROR, …; Amazon: NoInventory, … */
  reason: Scalars['String']['input'];
};

/** Carriers the hub validates by format; anything else is OTHER with a carrier name. */
export type CarrierCode =
  | 'AMAZON_LOGISTICS'
  | 'DHL'
  | 'DHL_ECOMMERCE'
  | 'FEDEX'
  | 'FEDEX_SMARTPOST'
  | 'LASERSHIP'
  | 'ONTRAC'
  | 'OTHER'
  | 'UPS'
  | 'UPS_MAIL_INNOVATIONS'
  | 'USPS';

export type Channel =
  | 'AMAZON'
  | 'WALMART';

/** Write-only. Walmart: clientId, clientSecret. Amazon: clientId, clientSecret, refreshToken (and lwaEndpoint for a sandbox). */
export type ChannelCredentialsInput = {
  clientId?: InputMaybe<Scalars['String']['input']>;
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  /** Amazon: Login with Amazon token URL, when not production (https://api.amazon.com/auth/o2/token). */
  lwaEndpoint?: InputMaybe<Scalars['String']['input']>;
  /** Amazon: the LWA refresh token of the seller authorisation. */
  refreshToken?: InputMaybe<Scalars['String']['input']>;
};

export type ChannelEnvironment =
  | 'PRODUCTION'
  | 'SANDBOX';

export type ComplianceMetricKey =
  | 'ACKNOWLEDGEMENT_RATE'
  | 'CANCELLATION_RATE'
  | 'LATE_SHIPMENT_RATE_10D'
  | 'LATE_SHIPMENT_RATE_30D'
  | 'ON_TIME_SHIPMENT_RATE'
  | 'PRE_FULFILLMENT_CANCEL_RATE'
  | 'REFUND_RATE'
  | 'VALID_TRACKING_RATE';

export type CreateApiTokenInput = {
  /** What the token is for, e.g. "warehouse scanner" (1 to 120 characters). */
  name: Scalars['String']['input'];
  role: ApiRole;
};

export type CreateChannelAccountInput = {
  /** Acknowledge new Walmart orders as they are imported (Walmart requires it within 4 hours). */
  autoAcknowledge?: InputMaybe<Scalars['Boolean']['input']>;
  /** API base URL; defaults to the channel's production or sandbox host. */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  channel: Channel;
  credentials: ChannelCredentialsInput;
  environment?: ChannelEnvironment;
  /** Walmart market (default US) or Amazon marketplace id (default ATVPDKIKX0DER). */
  marketplace?: InputMaybe<Scalars['String']['input']>;
  /** MCF: pass tracking on this many minutes after Amazon shipped even without a carrier event; unset waits for the carrier event. */
  mcfTrackingDelayMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 120 characters. */
  name: Scalars['String']['input'];
  /** IANA time zone of the seller day (default America/Los_Angeles). */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** MERCHANT: the seller ships; MCF: Amazon Multi-Channel Fulfillment ships; CHANNEL: WFS / FBA (read-only). */
export type FulfillmentMethod =
  | 'CHANNEL'
  | 'MCF'
  | 'MERCHANT';

/** How the value is held against the threshold: ≥, >, ≤, <. */
export type MetricComparator =
  | 'ABOVE'
  | 'AT_LEAST'
  | 'AT_MOST'
  | 'BELOW';

/** AT_RISK: passing, but within the margin (1 percentage point) of the threshold. NOT_APPLICABLE: nothing to measure, or no published standard. */
export type MetricStatus =
  | 'AT_RISK'
  | 'FAILING'
  | 'NOT_APPLICABLE'
  | 'OK';

export type OrderFilter = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Channel>;
  /** Order numbers, customer name, SKU or tracking number (contains, any case). */
  search?: InputMaybe<Scalars['String']['input']>;
  statuses?: InputMaybe<Array<OrderStatus>>;
  view?: InputMaybe<OrderView>;
};

export type OrderLineStatus =
  | 'ACKNOWLEDGED'
  | 'CANCELLED'
  | 'CREATED'
  | 'DELIVERED'
  | 'REFUNDED'
  | 'SHIPPED';

export type OrderStatus =
  | 'ACKNOWLEDGED'
  | 'CANCELLED'
  | 'CREATED'
  | 'DELIVERED'
  | 'PARTIALLY_SHIPPED'
  | 'PENDING'
  | 'SHIPPED';

export type OrderView =
  /** Every order. */
  | 'ALL'
  /** Not shipped and past ship-by (inside the auto-cancel grace), or not acknowledged by its deadline. */
  | 'AT_RISK'
  /** Not shipped; ship-by before the end of today in the account's time zone (overdue included). */
  | 'DUE_TODAY'
  /** Not yet acknowledged. */
  | 'NEW'
  /** Not shipped; ship-by has passed. */
  | 'PAST_DUE';

export type OutboxOperation =
  | 'ACKNOWLEDGE'
  | 'CANCEL'
  | 'MCF_CANCEL'
  | 'MCF_CREATE'
  | 'REFUND'
  | 'SHIP'
  | 'UPDATE_TRACKING';

export type OutboxStatus =
  /** Given up after every retry, or discarded by an operator. */
  | 'DEAD'
  /** The channel took it, and reading the order back showed the change. */
  | 'DELIVERED'
  /** The channel refused it: fix and retry, or discard. */
  | 'FAILED'
  /** Waiting for its (next) attempt. */
  | 'PENDING'
  /** An attempt is in flight. */
  | 'SENDING';

export type PackageInput = {
  heightIn?: InputMaybe<Scalars['Float']['input']>;
  lengthIn?: InputMaybe<Scalars['Float']['input']>;
  type: PackageType;
  weightOz?: InputMaybe<Scalars['Float']['input']>;
  widthIn?: InputMaybe<Scalars['Float']['input']>;
};

export type PackageType =
  | 'FLAT'
  | 'LETTER'
  | 'PARCEL';

export type RefundLineInput = {
  /** Product amount to refund, in cents (positive; sent to Walmart as a negative amount). */
  amountCents: Scalars['Int']['input'];
  /** Refund item, tax and shipping in full. */
  isFullRefund?: InputMaybe<Scalars['Boolean']['input']>;
  lineNumber: Scalars['String']['input'];
  /** One of Walmart's refund reasons (DamagedItem, CustomerChangedMind, …). */
  reason: Scalars['String']['input'];
};

export type RefundOrderLinesInput = {
  comments?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  lines: Array<RefundLineInput>;
  orderId: Scalars['ID']['input'];
};

export type RouteOutcome =
  | 'NOT_ROUTED'
  | 'REFUSED'
  | 'ROUTED';

export type RoutingRuleInput = {
  accountId: Scalars['ID']['input'];
  applyOnImport?: InputMaybe<Scalars['Boolean']['input']>;
  /** ISO alpha-2 ship-to countries. Empty: any. */
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  mcfAccountId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  /** Lower runs first; the first matching rule routes the order. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  requireStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** A glob every line's SKU must match, e.g. MUG-*. */
  skuPattern?: InputMaybe<Scalars['String']['input']>;
  /** Exact SKUs; every line must be one of them. Empty: any. */
  skus?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Corrections to a refused shipment before it is sent again. */
export type ShipmentFixInput = {
  carrier?: InputMaybe<CarrierCode>;
  carrierName?: InputMaybe<Scalars['String']['input']>;
  service?: InputMaybe<Scalars['String']['input']>;
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
  trackingUrl?: InputMaybe<Scalars['String']['input']>;
};

/** A shipment confirmation as confirmShipment will take it. */
export type ShipmentInput = {
  carrier: CarrierCode;
  /** The carrier name when carrier is OTHER. */
  carrierName?: InputMaybe<Scalars['String']['input']>;
  /** The order version the operator saw; a newer one answers CONFLICT instead of shipping. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Walmart: ship lines the buyer asked to cancel anyway. */
  intentToCancelOverride?: InputMaybe<Scalars['Boolean']['input']>;
  lines: Array<ShipmentLineInput>;
  orderId: Scalars['ID']['input'];
  package?: InputMaybe<PackageInput>;
  service?: InputMaybe<Scalars['String']['input']>;
  /** Set when correcting the tracking of a shipment already confirmed. */
  shipmentId?: InputMaybe<Scalars['ID']['input']>;
  shippedAt: Scalars['DateTime']['input'];
  trackingNumber: Scalars['String']['input'];
  trackingUrl?: InputMaybe<Scalars['String']['input']>;
};

export type ShipmentLineInput = {
  lineNumber: Scalars['String']['input'];
  quantity: Scalars['Int']['input'];
};

export type SyncPhase =
  | 'BACKFILL'
  | 'INCREMENTAL';

/** A corrected carrier and tracking number for a shipment already confirmed. */
export type TrackingUpdateInput = {
  carrier: CarrierCode;
  /** The carrier name when carrier is OTHER. */
  carrierName?: InputMaybe<Scalars['String']['input']>;
  service?: InputMaybe<Scalars['String']['input']>;
  trackingNumber: Scalars['String']['input'];
  trackingUrl?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateChannelAccountInput = {
  autoAcknowledge?: InputMaybe<Scalars['Boolean']['input']>;
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the stored credentials as a whole. */
  credentials?: InputMaybe<ChannelCredentialsInput>;
  environment?: InputMaybe<ChannelEnvironment>;
  marketplace?: InputMaybe<Scalars['String']['input']>;
  mcfTrackingDelayMinutes?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type ViolationSeverity =
  /** The action is refused until this is fixed. */
  | 'BLOCK'
  /** Shown to the operator; the action may go ahead. */
  | 'WARN';

export type ChannelAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type ChannelAccountsQuery = { __typename?: 'Query', channelAccounts: Array<{ __typename?: 'ChannelAccount', id: string, channel: Channel, name: string, marketplace: string, environment: ChannelEnvironment, baseUrl: string, timeZone: string, hasCredentials: boolean, disabledAt?: string | null, createdAt: string, syncState: { __typename?: 'SyncState', phase: SyncPhase, running: boolean, watermark?: string | null, lastStartedAt?: string | null, lastSuccessAt?: string | null, lastError?: string | null, lastErrorAt?: string | null, nextRunAt?: string | null, ordersImported: number, ordersUpdated: number, pagesDone: number, pagesEstimated?: number | null, backfillProgress?: number | null } }> };

export type ChannelAccountFieldsFragment = { __typename?: 'ChannelAccount', id: string, channel: Channel, name: string, marketplace: string, environment: ChannelEnvironment, baseUrl: string, timeZone: string, hasCredentials: boolean, disabledAt?: string | null, createdAt: string, syncState: { __typename?: 'SyncState', phase: SyncPhase, running: boolean, watermark?: string | null, lastStartedAt?: string | null, lastSuccessAt?: string | null, lastError?: string | null, lastErrorAt?: string | null, nextRunAt?: string | null, ordersImported: number, ordersUpdated: number, pagesDone: number, pagesEstimated?: number | null, backfillProgress?: number | null } };

export type SyncStateFieldsFragment = { __typename?: 'SyncState', phase: SyncPhase, running: boolean, watermark?: string | null, lastStartedAt?: string | null, lastSuccessAt?: string | null, lastError?: string | null, lastErrorAt?: string | null, nextRunAt?: string | null, ordersImported: number, ordersUpdated: number, pagesDone: number, pagesEstimated?: number | null, backfillProgress?: number | null };

export type CreateChannelAccountMutationVariables = Exact<{
  input: CreateChannelAccountInput;
}>;


export type CreateChannelAccountMutation = { __typename?: 'Mutation', createChannelAccount: { __typename?: 'ChannelAccount', id: string, channel: Channel, name: string, marketplace: string, environment: ChannelEnvironment, baseUrl: string, timeZone: string, hasCredentials: boolean, disabledAt?: string | null, createdAt: string, syncState: { __typename?: 'SyncState', phase: SyncPhase, running: boolean, watermark?: string | null, lastStartedAt?: string | null, lastSuccessAt?: string | null, lastError?: string | null, lastErrorAt?: string | null, nextRunAt?: string | null, ordersImported: number, ordersUpdated: number, pagesDone: number, pagesEstimated?: number | null, backfillProgress?: number | null } } };

export type UpdateChannelAccountMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateChannelAccountInput;
}>;


export type UpdateChannelAccountMutation = { __typename?: 'Mutation', updateChannelAccount: { __typename?: 'ChannelAccount', id: string, channel: Channel, name: string, marketplace: string, environment: ChannelEnvironment, baseUrl: string, timeZone: string, hasCredentials: boolean, disabledAt?: string | null, createdAt: string, syncState: { __typename?: 'SyncState', phase: SyncPhase, running: boolean, watermark?: string | null, lastStartedAt?: string | null, lastSuccessAt?: string | null, lastError?: string | null, lastErrorAt?: string | null, nextRunAt?: string | null, ordersImported: number, ordersUpdated: number, pagesDone: number, pagesEstimated?: number | null, backfillProgress?: number | null } } };

export type DisableChannelAccountMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DisableChannelAccountMutation = { __typename?: 'Mutation', disableChannelAccount: { __typename?: 'ChannelAccount', id: string, channel: Channel, name: string, marketplace: string, environment: ChannelEnvironment, baseUrl: string, timeZone: string, hasCredentials: boolean, disabledAt?: string | null, createdAt: string, syncState: { __typename?: 'SyncState', phase: SyncPhase, running: boolean, watermark?: string | null, lastStartedAt?: string | null, lastSuccessAt?: string | null, lastError?: string | null, lastErrorAt?: string | null, nextRunAt?: string | null, ordersImported: number, ordersUpdated: number, pagesDone: number, pagesEstimated?: number | null, backfillProgress?: number | null } } };

export type SyncAccountMutationVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type SyncAccountMutation = { __typename?: 'Mutation', syncAccount: { __typename?: 'SyncState', phase: SyncPhase, running: boolean, watermark?: string | null, lastStartedAt?: string | null, lastSuccessAt?: string | null, lastError?: string | null, lastErrorAt?: string | null, nextRunAt?: string | null, ordersImported: number, ordersUpdated: number, pagesDone: number, pagesEstimated?: number | null, backfillProgress?: number | null } };

export type ViolationFieldsFragment = { __typename?: 'Violation', code: string, severity: ViolationSeverity, field: string, message: string };

export type AcknowledgeOrdersMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type AcknowledgeOrdersMutation = { __typename?: 'Mutation', acknowledgeOrders: Array<{ __typename?: 'AcknowledgeResult', orderId: string, outcome: AcknowledgeOutcome, message?: string | null }> };

export type ValidateShipmentQueryVariables = Exact<{
  input: ShipmentInput;
}>;


export type ValidateShipmentQuery = { __typename?: 'Query', validateShipment: { __typename?: 'ValidationResult', ok: boolean, violations: Array<{ __typename?: 'Violation', code: string, severity: ViolationSeverity, field: string, message: string }> } };

export type ConfirmShipmentMutationVariables = Exact<{
  input: ShipmentInput;
}>;


export type ConfirmShipmentMutation = { __typename?: 'Mutation', confirmShipment: { __typename?: 'ShipmentResult', shipment: { __typename?: 'Shipment', id: string }, warnings: Array<{ __typename?: 'Violation', code: string, severity: ViolationSeverity, field: string, message: string }>, outbox: Array<{ __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> }> } };

export type UpdateTrackingMutationVariables = Exact<{
  shipmentId: Scalars['ID']['input'];
  input: TrackingUpdateInput;
}>;


export type UpdateTrackingMutation = { __typename?: 'Mutation', updateTracking: { __typename?: 'ShipmentResult', shipment: { __typename?: 'Shipment', id: string }, warnings: Array<{ __typename?: 'Violation', code: string, severity: ViolationSeverity, field: string, message: string }>, outbox: Array<{ __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> }> } };

export type CancelOrderLinesMutationVariables = Exact<{
  input: CancelOrderLinesInput;
}>;


export type CancelOrderLinesMutation = { __typename?: 'Mutation', cancelOrderLines: { __typename?: 'OrderActionResult', orderId: string, warnings: Array<{ __typename?: 'Violation', code: string, severity: ViolationSeverity, field: string, message: string }>, outbox: Array<{ __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> }> } };

export type RefundOrderLinesMutationVariables = Exact<{
  input: RefundOrderLinesInput;
}>;


export type RefundOrderLinesMutation = { __typename?: 'Mutation', refundOrderLines: { __typename?: 'OrderActionResult', orderId: string, warnings: Array<{ __typename?: 'Violation', code: string, severity: ViolationSeverity, field: string, message: string }>, outbox: Array<{ __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> }> } };

export type ConfirmShipmentsCsvMutationVariables = Exact<{
  csv: Scalars['String']['input'];
}>;


export type ConfirmShipmentsCsvMutation = { __typename?: 'Mutation', confirmShipmentsCsv: { __typename?: 'CsvShipmentReport', applied: number, refused: number, rows: Array<{ __typename?: 'CsvShipmentRow', row: number, orderNumber: string, ok: boolean, shipmentId?: string | null, error?: string | null, violations: Array<{ __typename?: 'Violation', code: string, severity: ViolationSeverity, field: string, message: string }> }> } };

export type AlertFieldsFragment = { __typename?: 'Alert', id: string, kind: string, severity: string, orderId?: string | null, accountId?: string | null, message: string, action?: string | null, openedAt: string, resolvedAt?: string | null, acknowledgedBy?: string | null, acknowledgedAt?: string | null };

export type AlertsQueryVariables = Exact<{
  open?: InputMaybe<Scalars['Boolean']['input']>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type AlertsQuery = { __typename?: 'Query', alerts: Array<{ __typename?: 'Alert', id: string, kind: string, severity: string, orderId?: string | null, accountId?: string | null, message: string, action?: string | null, openedAt: string, resolvedAt?: string | null, acknowledgedBy?: string | null, acknowledgedAt?: string | null }> };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AcknowledgeAlertMutation = { __typename?: 'Mutation', acknowledgeAlert: { __typename?: 'Alert', id: string, kind: string, severity: string, orderId?: string | null, accountId?: string | null, message: string, action?: string | null, openedAt: string, resolvedAt?: string | null, acknowledgedBy?: string | null, acknowledgedAt?: string | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'ApiToken', id: string, name: string, prefix: string, role: ApiRole } };

export type McfOrderFieldsFragment = { __typename?: 'McfOrder', id: string, orderId: string, mcfAccountId: string, sellerFulfillmentOrderId: string, status: string, amazonStatus?: string | null, shippingSpeed: string, reason?: string | null, held: boolean, createdAt: string, updatedAt: string, packages: Array<{ __typename?: 'McfPackage', packageNumber: number, carrierCode: string, trackingNumber?: string | null, shipmentId?: string | null, holdReason?: string | null, movingAt?: string | null, events: unknown }> };

export type McfOrdersQueryVariables = Exact<{
  statuses?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  held?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type McfOrdersQuery = { __typename?: 'Query', mcfOrders: Array<{ __typename?: 'McfOrder', id: string, orderId: string, mcfAccountId: string, sellerFulfillmentOrderId: string, status: string, amazonStatus?: string | null, shippingSpeed: string, reason?: string | null, held: boolean, createdAt: string, updatedAt: string, packages: Array<{ __typename?: 'McfPackage', packageNumber: number, carrierCode: string, trackingNumber?: string | null, shipmentId?: string | null, holdReason?: string | null, movingAt?: string | null, events: unknown }> }> };

export type RouteOrdersToMcfMutationVariables = Exact<{
  orderIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  mcfAccountId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type RouteOrdersToMcfMutation = { __typename?: 'Mutation', routeOrdersToMcf: Array<{ __typename?: 'RouteResult', orderId: string, outcome: RouteOutcome, reason?: string | null }> };

export type OrdersQueryVariables = Exact<{
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OrdersQuery = { __typename?: 'Query', orders: { __typename?: 'OrderConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'OrderEdge', node: { __typename?: 'Order', id: string, channel: Channel, channelOrderId: string, orderedAt: string, shipBy?: string | null, status: OrderStatus, fulfillmentMethod: FulfillmentMethod, cancellationRequested: boolean, account: { __typename?: 'ChannelAccount', id: string, name: string }, shipTo?: { __typename?: 'Address', name: string } | null, total: { __typename?: 'Money', amountCents: number, currency: string }, lines: Array<{ __typename?: 'OrderLine', id: string, quantityOrdered: number }> } }> } };

export type OrderViewCountsQueryVariables = Exact<{
  filter?: InputMaybe<OrderFilter>;
}>;


export type OrderViewCountsQuery = { __typename?: 'Query', orderViewCounts: Array<{ __typename?: 'OrderViewCount', view: OrderView, count: number }> };

export type OrderQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderQuery = { __typename?: 'Query', order?: { __typename?: 'Order', id: string, channel: Channel, channelOrderId: string, customerOrderId?: string | null, status: OrderStatus, fulfillmentMethod: FulfillmentMethod, cancellationRequested: boolean, shipMethod?: string | null, orderedAt: string, acknowledgedAt?: string | null, shipBy?: string | null, deliverBy?: string | null, acknowledgeBy?: string | null, autoCancelAt?: string | null, updatedAt: string, version: number, rawPayload: unknown, total: { __typename?: 'Money', amountCents: number, currency: string }, account: { __typename?: 'ChannelAccount', id: string, name: string, marketplace: string, environment: ChannelEnvironment }, shipTo?: { __typename?: 'Address', name: string, line1: string, line2?: string | null, line3?: string | null, city: string, stateOrRegion: string, postalCode: string, countryCode: string, phone?: string | null } | null, lines: Array<{ __typename?: 'OrderLine', id: string, lineNumber: string, sku: string, title: string, quantityOrdered: number, quantityShipped: number, quantityCancelled: number, quantityRefunded: number, status: OrderLineStatus, cancellationRequested: boolean, unitPrice: { __typename?: 'Money', amountCents: number, currency: string } }>, mcfOrder?: { __typename?: 'McfOrder', id: string, orderId: string, mcfAccountId: string, sellerFulfillmentOrderId: string, status: string, amazonStatus?: string | null, shippingSpeed: string, reason?: string | null, held: boolean, createdAt: string, updatedAt: string, packages: Array<{ __typename?: 'McfPackage', packageNumber: number, carrierCode: string, trackingNumber?: string | null, shipmentId?: string | null, holdReason?: string | null, movingAt?: string | null, events: unknown }> } | null, shipments: Array<{ __typename?: 'Shipment', id: string, source: string, carrier: string, carrierCode?: string | null, service?: string | null, trackingNumber?: string | null, trackingUrl?: string | null, shippedAt: string, packageType: PackageType, weightOz?: number | null, lengthIn?: number | null, widthIn?: number | null, heightIn?: number | null, lines: Array<{ __typename?: 'ShipmentLine', orderLineId: string, lineNumber: string, sku: string, quantity: number }> }>, auditEvents: Array<{ __typename?: 'AuditEvent', id: string, occurredAt: string, actor: string, action: string, before?: unknown | null, after?: unknown | null }>, outbox: Array<{ __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> }> } | null };

export type OutboxEntryFieldsFragment = { __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> };

export type OutboxEntriesQueryVariables = Exact<{
  statuses?: InputMaybe<Array<OutboxStatus> | OutboxStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OutboxEntriesQuery = { __typename?: 'Query', outboxEntries: { __typename?: 'OutboxEntryConnection', pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'OutboxEntryEdge', node: { __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> } }> } };

export type RetryOutboxEntryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  fix?: InputMaybe<ShipmentFixInput>;
}>;


export type RetryOutboxEntryMutation = { __typename?: 'Mutation', retryOutboxEntry: { __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> } };

export type DiscardOutboxEntryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type DiscardOutboxEntryMutation = { __typename?: 'Mutation', discardOutboxEntry: { __typename?: 'OutboxEntry', id: string, orderId: string, shipmentId?: string | null, operation: OutboxOperation, status: OutboxStatus, payload: unknown, attempts: number, nextAttemptAt: string, lastError?: string | null, lastErrorCode?: string | null, createdBy: string, createdAt: string, deliveredAt?: string | null, discardReason?: string | null, attemptLog: Array<{ __typename?: 'OutboxAttempt', attempt: number, startedAt: string, durationMs: number, responseStatus?: number | null, outcome: string, error?: string | null }> } };

export type RoutingRuleFieldsFragment = { __typename?: 'RoutingRule', id: string, name: string, accountId: string, mcfAccountId: string, enabled: boolean, priority: number, skus: Array<string>, skuPattern?: string | null, countries: Array<string>, requireStock: boolean, applyOnImport: boolean };

export type RoutingRulesQueryVariables = Exact<{
  accountId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type RoutingRulesQuery = { __typename?: 'Query', routingRules: Array<{ __typename?: 'RoutingRule', id: string, name: string, accountId: string, mcfAccountId: string, enabled: boolean, priority: number, skus: Array<string>, skuPattern?: string | null, countries: Array<string>, requireStock: boolean, applyOnImport: boolean }> };

export type SaveRoutingRuleMutationVariables = Exact<{
  input: RoutingRuleInput;
  id?: InputMaybe<Scalars['ID']['input']>;
}>;


export type SaveRoutingRuleMutation = { __typename?: 'Mutation', saveRoutingRule: { __typename?: 'RoutingRule', id: string, name: string, accountId: string, mcfAccountId: string, enabled: boolean, priority: number, skus: Array<string>, skuPattern?: string | null, countries: Array<string>, requireStock: boolean, applyOnImport: boolean } };

export type DeleteRoutingRuleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteRoutingRuleMutation = { __typename?: 'Mutation', deleteRoutingRule: boolean };

export type PreviewRoutingRuleQueryVariables = Exact<{
  input: RoutingRuleInput;
}>;


export type PreviewRoutingRuleQuery = { __typename?: 'Query', previewRoutingRule: Array<{ __typename?: 'Order', id: string, channelOrderId: string, orderedAt: string, shipBy?: string | null, status: OrderStatus, shipTo?: { __typename?: 'Address', name: string, countryCode: string } | null, lines: Array<{ __typename?: 'OrderLine', id: string, sku: string, quantityOrdered: number }> }> };

export const SyncStateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"watermark"}},{"kind":"Field","name":{"kind":"Name","value":"lastStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"ordersImported"}},{"kind":"Field","name":{"kind":"Name","value":"ordersUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"pagesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pagesEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"backfillProgress"}}]}}]} as unknown as DocumentNode<SyncStateFieldsFragment, unknown>;
export const ChannelAccountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChannelAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"marketplace"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncStateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"watermark"}},{"kind":"Field","name":{"kind":"Name","value":"lastStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"ordersImported"}},{"kind":"Field","name":{"kind":"Name","value":"ordersUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"pagesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pagesEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"backfillProgress"}}]}}]} as unknown as DocumentNode<ChannelAccountFieldsFragment, unknown>;
export const ViolationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ViolationFieldsFragment, unknown>;
export const AlertFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AlertFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Alert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}}]}}]} as unknown as DocumentNode<AlertFieldsFragment, unknown>;
export const McfOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"McfOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"McfOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"mcfAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amazonStatus"}},{"kind":"Field","name":{"kind":"Name","value":"shippingSpeed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"holdReason"}},{"kind":"Field","name":{"kind":"Name","value":"movingAt"}},{"kind":"Field","name":{"kind":"Name","value":"events"}}]}}]}}]} as unknown as DocumentNode<McfOrderFieldsFragment, unknown>;
export const OutboxEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<OutboxEntryFieldsFragment, unknown>;
export const RoutingRuleFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoutingRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoutingRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"mcfAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"skus"}},{"kind":"Field","name":{"kind":"Name","value":"skuPattern"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"requireStock"}},{"kind":"Field","name":{"kind":"Name","value":"applyOnImport"}}]}}]} as unknown as DocumentNode<RoutingRuleFieldsFragment, unknown>;
export const ChannelAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChannelAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channelAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"watermark"}},{"kind":"Field","name":{"kind":"Name","value":"lastStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"ordersImported"}},{"kind":"Field","name":{"kind":"Name","value":"ordersUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"pagesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pagesEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"backfillProgress"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChannelAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"marketplace"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncStateFields"}}]}}]}}]} as unknown as DocumentNode<ChannelAccountsQuery, ChannelAccountsQueryVariables>;
export const CreateChannelAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateChannelAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateChannelAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createChannelAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"watermark"}},{"kind":"Field","name":{"kind":"Name","value":"lastStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"ordersImported"}},{"kind":"Field","name":{"kind":"Name","value":"ordersUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"pagesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pagesEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"backfillProgress"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChannelAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"marketplace"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncStateFields"}}]}}]}}]} as unknown as DocumentNode<CreateChannelAccountMutation, CreateChannelAccountMutationVariables>;
export const UpdateChannelAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateChannelAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateChannelAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateChannelAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"watermark"}},{"kind":"Field","name":{"kind":"Name","value":"lastStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"ordersImported"}},{"kind":"Field","name":{"kind":"Name","value":"ordersUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"pagesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pagesEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"backfillProgress"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChannelAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"marketplace"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncStateFields"}}]}}]}}]} as unknown as DocumentNode<UpdateChannelAccountMutation, UpdateChannelAccountMutationVariables>;
export const DisableChannelAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableChannelAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableChannelAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"watermark"}},{"kind":"Field","name":{"kind":"Name","value":"lastStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"ordersImported"}},{"kind":"Field","name":{"kind":"Name","value":"ordersUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"pagesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pagesEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"backfillProgress"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChannelAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"marketplace"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncStateFields"}}]}}]}}]} as unknown as DocumentNode<DisableChannelAccountMutation, DisableChannelAccountMutationVariables>;
export const SyncAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncStateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncStateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncState"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"watermark"}},{"kind":"Field","name":{"kind":"Name","value":"lastStartedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"ordersImported"}},{"kind":"Field","name":{"kind":"Name","value":"ordersUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"pagesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pagesEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"backfillProgress"}}]}}]} as unknown as DocumentNode<SyncAccountMutation, SyncAccountMutationVariables>;
export const AcknowledgeOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<AcknowledgeOrdersMutation, AcknowledgeOrdersMutationVariables>;
export const ValidateShipmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ValidateShipment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShipmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateShipment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"violations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViolationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ValidateShipmentQuery, ValidateShipmentQueryVariables>;
export const ConfirmShipmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmShipment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShipmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmShipment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shipment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViolationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboxEntryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<ConfirmShipmentMutation, ConfirmShipmentMutationVariables>;
export const UpdateTrackingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTracking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shipmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrackingUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTracking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shipmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shipmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shipment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViolationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboxEntryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<UpdateTrackingMutation, UpdateTrackingMutationVariables>;
export const CancelOrderLinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOrderLines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOrderLinesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrderLines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViolationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboxEntryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<CancelOrderLinesMutation, CancelOrderLinesMutationVariables>;
export const RefundOrderLinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefundOrderLines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefundOrderLinesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundOrderLines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViolationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboxEntryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RefundOrderLinesMutation, RefundOrderLinesMutationVariables>;
export const ConfirmShipmentsCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmShipmentsCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"csv"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmShipmentsCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"csv"},"value":{"kind":"Variable","name":{"kind":"Name","value":"csv"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"orderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"violations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViolationFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViolationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Violation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ConfirmShipmentsCsvMutation, ConfirmShipmentsCsvMutationVariables>;
export const AlertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Alerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"open"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"open"},"value":{"kind":"Variable","name":{"kind":"Name","value":"open"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AlertFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AlertFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Alert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}}]}}]} as unknown as DocumentNode<AlertsQuery, AlertsQueryVariables>;
export const AcknowledgeAlertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AlertFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AlertFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Alert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}}]}}]} as unknown as DocumentNode<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const McfOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"McfOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"held"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mcfOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}},{"kind":"Argument","name":{"kind":"Name","value":"held"},"value":{"kind":"Variable","name":{"kind":"Name","value":"held"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"McfOrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"McfOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"McfOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"mcfAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amazonStatus"}},{"kind":"Field","name":{"kind":"Name","value":"shippingSpeed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"holdReason"}},{"kind":"Field","name":{"kind":"Name","value":"movingAt"}},{"kind":"Field","name":{"kind":"Name","value":"events"}}]}}]}}]} as unknown as DocumentNode<McfOrdersQuery, McfOrdersQueryVariables>;
export const RouteOrdersToMcfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RouteOrdersToMcf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mcfAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routeOrdersToMcf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"mcfAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mcfAccountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<RouteOrdersToMcfMutation, RouteOrdersToMcfMutationVariables>;
export const OrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Orders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"channelOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orderedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shipBy"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationRequested"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantityOrdered"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrdersQuery, OrdersQueryVariables>;
export const OrderViewCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderViewCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderViewCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"view"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<OrderViewCountsQuery, OrderViewCountsQueryVariables>;
export const OrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Order"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"channelOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"customerOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationRequested"}},{"kind":"Field","name":{"kind":"Name","value":"shipMethod"}},{"kind":"Field","name":{"kind":"Name","value":"orderedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shipBy"}},{"kind":"Field","name":{"kind":"Name","value":"deliverBy"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgeBy"}},{"kind":"Field","name":{"kind":"Name","value":"autoCancelAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"marketplace"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"line3"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"stateOrRegion"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"quantityOrdered"}},{"kind":"Field","name":{"kind":"Name","value":"quantityShipped"}},{"kind":"Field","name":{"kind":"Name","value":"quantityCancelled"}},{"kind":"Field","name":{"kind":"Name","value":"quantityRefunded"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationRequested"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mcfOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"McfOrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"trackingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"shippedAt"}},{"kind":"Field","name":{"kind":"Name","value":"packageType"}},{"kind":"Field","name":{"kind":"Name","value":"weightOz"}},{"kind":"Field","name":{"kind":"Name","value":"lengthIn"}},{"kind":"Field","name":{"kind":"Name","value":"widthIn"}},{"kind":"Field","name":{"kind":"Name","value":"heightIn"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderLineId"}},{"kind":"Field","name":{"kind":"Name","value":"lineNumber"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboxEntryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rawPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"McfOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"McfOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"mcfAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amazonStatus"}},{"kind":"Field","name":{"kind":"Name","value":"shippingSpeed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"holdReason"}},{"kind":"Field","name":{"kind":"Name","value":"movingAt"}},{"kind":"Field","name":{"kind":"Name","value":"events"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<OrderQuery, OrderQueryVariables>;
export const OutboxEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutboxEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboxEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboxEntryFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<OutboxEntriesQuery, OutboxEntriesQueryVariables>;
export const RetryOutboxEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryOutboxEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fix"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ShipmentFixInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryOutboxEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"fix"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fix"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboxEntryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<RetryOutboxEntryMutation, RetryOutboxEntryMutationVariables>;
export const DiscardOutboxEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DiscardOutboxEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discardOutboxEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboxEntryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboxEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboxEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"shipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"discardReason"}},{"kind":"Field","name":{"kind":"Name","value":"attemptLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<DiscardOutboxEntryMutation, DiscardOutboxEntryMutationVariables>;
export const RoutingRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoutingRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routingRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoutingRuleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoutingRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoutingRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"mcfAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"skus"}},{"kind":"Field","name":{"kind":"Name","value":"skuPattern"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"requireStock"}},{"kind":"Field","name":{"kind":"Name","value":"applyOnImport"}}]}}]} as unknown as DocumentNode<RoutingRulesQuery, RoutingRulesQueryVariables>;
export const SaveRoutingRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveRoutingRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoutingRuleInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveRoutingRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RoutingRuleFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RoutingRuleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RoutingRule"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"mcfAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"skus"}},{"kind":"Field","name":{"kind":"Name","value":"skuPattern"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"requireStock"}},{"kind":"Field","name":{"kind":"Name","value":"applyOnImport"}}]}}]} as unknown as DocumentNode<SaveRoutingRuleMutation, SaveRoutingRuleMutationVariables>;
export const DeleteRoutingRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteRoutingRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteRoutingRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteRoutingRuleMutation, DeleteRoutingRuleMutationVariables>;
export const PreviewRoutingRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewRoutingRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoutingRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewRoutingRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channelOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"orderedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shipBy"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shipTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"quantityOrdered"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewRoutingRuleQuery, PreviewRoutingRuleQueryVariables>;