/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ChannelAccounts {\n    channelAccounts {\n      ...ChannelAccountFields\n    }\n  }\n": typeof types.ChannelAccountsDocument,
    "\n  fragment ChannelAccountFields on ChannelAccount {\n    id\n    channel\n    name\n    marketplace\n    environment\n    baseUrl\n    timeZone\n    hasCredentials\n    disabledAt\n    createdAt\n    syncState {\n      ...SyncStateFields\n    }\n  }\n": typeof types.ChannelAccountFieldsFragmentDoc,
    "\n  fragment SyncStateFields on SyncState {\n    phase\n    running\n    watermark\n    lastStartedAt\n    lastSuccessAt\n    lastError\n    lastErrorAt\n    nextRunAt\n    ordersImported\n    ordersUpdated\n    pagesDone\n    pagesEstimated\n    backfillProgress\n  }\n": typeof types.SyncStateFieldsFragmentDoc,
    "\n  mutation CreateChannelAccount($input: CreateChannelAccountInput!) {\n    createChannelAccount(input: $input) {\n      ...ChannelAccountFields\n    }\n  }\n": typeof types.CreateChannelAccountDocument,
    "\n  mutation UpdateChannelAccount($id: ID!, $input: UpdateChannelAccountInput!) {\n    updateChannelAccount(id: $id, input: $input) {\n      ...ChannelAccountFields\n    }\n  }\n": typeof types.UpdateChannelAccountDocument,
    "\n  mutation DisableChannelAccount($id: ID!) {\n    disableChannelAccount(id: $id) {\n      ...ChannelAccountFields\n    }\n  }\n": typeof types.DisableChannelAccountDocument,
    "\n  mutation SyncAccount($accountId: ID!) {\n    syncAccount(accountId: $accountId) {\n      ...SyncStateFields\n    }\n  }\n": typeof types.SyncAccountDocument,
    "\n  fragment ViolationFields on Violation {\n    code\n    severity\n    field\n    message\n  }\n": typeof types.ViolationFieldsFragmentDoc,
    "\n  mutation AcknowledgeOrders($ids: [ID!]!) {\n    acknowledgeOrders(ids: $ids) {\n      orderId\n      outcome\n      message\n    }\n  }\n": typeof types.AcknowledgeOrdersDocument,
    "\n  query ValidateShipment($input: ShipmentInput!) {\n    validateShipment(input: $input) {\n      ok\n      violations {\n        ...ViolationFields\n      }\n    }\n  }\n": typeof types.ValidateShipmentDocument,
    "\n  mutation ConfirmShipment($input: ShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment {\n        id\n      }\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n": typeof types.ConfirmShipmentDocument,
    "\n  mutation UpdateTracking($shipmentId: ID!, $input: TrackingUpdateInput!) {\n    updateTracking(shipmentId: $shipmentId, input: $input) {\n      shipment {\n        id\n      }\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n": typeof types.UpdateTrackingDocument,
    "\n  mutation CancelOrderLines($input: CancelOrderLinesInput!) {\n    cancelOrderLines(input: $input) {\n      orderId\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n": typeof types.CancelOrderLinesDocument,
    "\n  mutation RefundOrderLines($input: RefundOrderLinesInput!) {\n    refundOrderLines(input: $input) {\n      orderId\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n": typeof types.RefundOrderLinesDocument,
    "\n  mutation ConfirmShipmentsCsv($csv: String!) {\n    confirmShipmentsCsv(csv: $csv) {\n      applied\n      refused\n      rows {\n        row\n        orderNumber\n        ok\n        shipmentId\n        error\n        violations {\n          ...ViolationFields\n        }\n      }\n    }\n  }\n": typeof types.ConfirmShipmentsCsvDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    kind\n    severity\n    orderId\n    accountId\n    message\n    action\n    openedAt\n    resolvedAt\n    acknowledgedBy\n    acknowledgedAt\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query Alerts($open: Boolean, $orderId: ID) {\n    alerts(open: $open, orderId: $orderId) {\n      ...AlertFields\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      ...AlertFields\n    }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      prefix\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment ComplianceMetricFields on ComplianceMetric {\n    key\n    label\n    value\n    numerator\n    denominator\n    threshold\n    comparator\n    status\n    windowDays\n    windowStart\n    windowEnd\n    policyVersion\n    exclusions {\n      reason\n      count\n    }\n    projection {\n      openOrders\n      valueIfAllMiss\n      statusIfAllMiss\n      mustShipOnTime\n      latestShipBy\n    }\n  }\n": typeof types.ComplianceMetricFieldsFragmentDoc,
    "\n  query ComplianceReport($channel: Channel!, $accountId: ID, $asOf: DateTime) {\n    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {\n      channel\n      accountId\n      asOf\n      policyVersion\n      metrics {\n        ...ComplianceMetricFields\n      }\n    }\n  }\n": typeof types.ComplianceReportDocument,
    "\n  query ComplianceMetricOrders($channel: Channel!, $accountId: ID, $asOf: DateTime, $first: Int, $after: String) {\n    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {\n      metrics {\n        key\n        orders(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            endCursor\n            hasNextPage\n          }\n          edges {\n            node {\n              id\n              channelOrderId\n              status\n              orderedAt\n              shipBy\n              account {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ComplianceMetricOrdersDocument,
    "\n  query ComplianceAccounts {\n    channelAccounts {\n      id\n      channel\n      name\n      disabledAt\n    }\n  }\n": typeof types.ComplianceAccountsDocument,
    "\n  fragment McfOrderFields on McfOrder {\n    id\n    orderId\n    mcfAccountId\n    sellerFulfillmentOrderId\n    status\n    amazonStatus\n    shippingSpeed\n    reason\n    held\n    createdAt\n    updatedAt\n    packages {\n      packageNumber\n      carrierCode\n      trackingNumber\n      shipmentId\n      holdReason\n      movingAt\n      events\n    }\n  }\n": typeof types.McfOrderFieldsFragmentDoc,
    "\n  query McfOrders($statuses: [String!], $held: Boolean, $first: Int, $before: DateTime) {\n    mcfOrders(statuses: $statuses, held: $held, first: $first, before: $before) {\n      ...McfOrderFields\n    }\n  }\n": typeof types.McfOrdersDocument,
    "\n  mutation RouteOrdersToMcf($orderIds: [ID!]!, $mcfAccountId: ID) {\n    routeOrdersToMcf(orderIds: $orderIds, mcfAccountId: $mcfAccountId) {\n      orderId\n      outcome\n      reason\n    }\n  }\n": typeof types.RouteOrdersToMcfDocument,
    "\n  query Orders($filter: OrderFilter, $first: Int, $after: String) {\n    orders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          channel\n          channelOrderId\n          account {\n            id\n            name\n          }\n          shipTo {\n            name\n          }\n          orderedAt\n          shipBy\n          status\n          fulfillmentMethod\n          cancellationRequested\n          total {\n            amountCents\n            currency\n          }\n          lines {\n            id\n            quantityOrdered\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrdersDocument,
    "\n  query OrderViewCounts($filter: OrderFilter) {\n    orderViewCounts(filter: $filter) {\n      view\n      count\n    }\n  }\n": typeof types.OrderViewCountsDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      channel\n      channelOrderId\n      customerOrderId\n      status\n      fulfillmentMethod\n      cancellationRequested\n      shipMethod\n      orderedAt\n      acknowledgedAt\n      shipBy\n      deliverBy\n      acknowledgeBy\n      autoCancelAt\n      updatedAt\n      version\n      total {\n        amountCents\n        currency\n      }\n      account {\n        id\n        name\n        marketplace\n        environment\n      }\n      shipTo {\n        name\n        line1\n        line2\n        line3\n        city\n        stateOrRegion\n        postalCode\n        countryCode\n        phone\n      }\n      lines {\n        id\n        lineNumber\n        sku\n        title\n        quantityOrdered\n        quantityShipped\n        quantityCancelled\n        quantityRefunded\n        unitPrice {\n          amountCents\n          currency\n        }\n        status\n        cancellationRequested\n      }\n      mcfOrder {\n        ...McfOrderFields\n      }\n      shipments {\n        id\n        source\n        carrier\n        carrierCode\n        service\n        trackingNumber\n        trackingUrl\n        shippedAt\n        packageType\n        weightOz\n        lengthIn\n        widthIn\n        heightIn\n        lines {\n          orderLineId\n          lineNumber\n          sku\n          quantity\n        }\n      }\n      auditEvents {\n        id\n        occurredAt\n        actor\n        action\n        before\n        after\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n      rawPayload\n    }\n  }\n": typeof types.OrderDocument,
    "\n  fragment OutboxEntryFields on OutboxEntry {\n    id\n    orderId\n    shipmentId\n    operation\n    status\n    payload\n    attempts\n    nextAttemptAt\n    lastError\n    lastErrorCode\n    createdBy\n    createdAt\n    deliveredAt\n    discardReason\n    attemptLog {\n      attempt\n      startedAt\n      durationMs\n      responseStatus\n      outcome\n      error\n    }\n  }\n": typeof types.OutboxEntryFieldsFragmentDoc,
    "\n  query OutboxEntries($statuses: [OutboxStatus!], $first: Int, $after: String) {\n    outboxEntries(statuses: $statuses, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...OutboxEntryFields\n        }\n      }\n    }\n  }\n": typeof types.OutboxEntriesDocument,
    "\n  mutation RetryOutboxEntry($id: ID!, $fix: ShipmentFixInput) {\n    retryOutboxEntry(id: $id, fix: $fix) {\n      ...OutboxEntryFields\n    }\n  }\n": typeof types.RetryOutboxEntryDocument,
    "\n  mutation DiscardOutboxEntry($id: ID!, $reason: String!) {\n    discardOutboxEntry(id: $id, reason: $reason) {\n      ...OutboxEntryFields\n    }\n  }\n": typeof types.DiscardOutboxEntryDocument,
    "\n  fragment RoutingRuleFields on RoutingRule {\n    id\n    name\n    accountId\n    mcfAccountId\n    enabled\n    priority\n    skus\n    skuPattern\n    countries\n    requireStock\n    applyOnImport\n  }\n": typeof types.RoutingRuleFieldsFragmentDoc,
    "\n  query RoutingRules($accountId: ID) {\n    routingRules(accountId: $accountId) {\n      ...RoutingRuleFields\n    }\n  }\n": typeof types.RoutingRulesDocument,
    "\n  mutation SaveRoutingRule($input: RoutingRuleInput!, $id: ID) {\n    saveRoutingRule(input: $input, id: $id) {\n      ...RoutingRuleFields\n    }\n  }\n": typeof types.SaveRoutingRuleDocument,
    "\n  mutation DeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n": typeof types.DeleteRoutingRuleDocument,
    "\n  query PreviewRoutingRule($input: RoutingRuleInput!) {\n    previewRoutingRule(input: $input) {\n      id\n      channelOrderId\n      orderedAt\n      shipBy\n      status\n      shipTo {\n        name\n        countryCode\n      }\n      lines {\n        id\n        sku\n        quantityOrdered\n      }\n    }\n  }\n": typeof types.PreviewRoutingRuleDocument,
};
const documents: Documents = {
    "\n  query ChannelAccounts {\n    channelAccounts {\n      ...ChannelAccountFields\n    }\n  }\n": types.ChannelAccountsDocument,
    "\n  fragment ChannelAccountFields on ChannelAccount {\n    id\n    channel\n    name\n    marketplace\n    environment\n    baseUrl\n    timeZone\n    hasCredentials\n    disabledAt\n    createdAt\n    syncState {\n      ...SyncStateFields\n    }\n  }\n": types.ChannelAccountFieldsFragmentDoc,
    "\n  fragment SyncStateFields on SyncState {\n    phase\n    running\n    watermark\n    lastStartedAt\n    lastSuccessAt\n    lastError\n    lastErrorAt\n    nextRunAt\n    ordersImported\n    ordersUpdated\n    pagesDone\n    pagesEstimated\n    backfillProgress\n  }\n": types.SyncStateFieldsFragmentDoc,
    "\n  mutation CreateChannelAccount($input: CreateChannelAccountInput!) {\n    createChannelAccount(input: $input) {\n      ...ChannelAccountFields\n    }\n  }\n": types.CreateChannelAccountDocument,
    "\n  mutation UpdateChannelAccount($id: ID!, $input: UpdateChannelAccountInput!) {\n    updateChannelAccount(id: $id, input: $input) {\n      ...ChannelAccountFields\n    }\n  }\n": types.UpdateChannelAccountDocument,
    "\n  mutation DisableChannelAccount($id: ID!) {\n    disableChannelAccount(id: $id) {\n      ...ChannelAccountFields\n    }\n  }\n": types.DisableChannelAccountDocument,
    "\n  mutation SyncAccount($accountId: ID!) {\n    syncAccount(accountId: $accountId) {\n      ...SyncStateFields\n    }\n  }\n": types.SyncAccountDocument,
    "\n  fragment ViolationFields on Violation {\n    code\n    severity\n    field\n    message\n  }\n": types.ViolationFieldsFragmentDoc,
    "\n  mutation AcknowledgeOrders($ids: [ID!]!) {\n    acknowledgeOrders(ids: $ids) {\n      orderId\n      outcome\n      message\n    }\n  }\n": types.AcknowledgeOrdersDocument,
    "\n  query ValidateShipment($input: ShipmentInput!) {\n    validateShipment(input: $input) {\n      ok\n      violations {\n        ...ViolationFields\n      }\n    }\n  }\n": types.ValidateShipmentDocument,
    "\n  mutation ConfirmShipment($input: ShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment {\n        id\n      }\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n": types.ConfirmShipmentDocument,
    "\n  mutation UpdateTracking($shipmentId: ID!, $input: TrackingUpdateInput!) {\n    updateTracking(shipmentId: $shipmentId, input: $input) {\n      shipment {\n        id\n      }\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n": types.UpdateTrackingDocument,
    "\n  mutation CancelOrderLines($input: CancelOrderLinesInput!) {\n    cancelOrderLines(input: $input) {\n      orderId\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n": types.CancelOrderLinesDocument,
    "\n  mutation RefundOrderLines($input: RefundOrderLinesInput!) {\n    refundOrderLines(input: $input) {\n      orderId\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n": types.RefundOrderLinesDocument,
    "\n  mutation ConfirmShipmentsCsv($csv: String!) {\n    confirmShipmentsCsv(csv: $csv) {\n      applied\n      refused\n      rows {\n        row\n        orderNumber\n        ok\n        shipmentId\n        error\n        violations {\n          ...ViolationFields\n        }\n      }\n    }\n  }\n": types.ConfirmShipmentsCsvDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    kind\n    severity\n    orderId\n    accountId\n    message\n    action\n    openedAt\n    resolvedAt\n    acknowledgedBy\n    acknowledgedAt\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query Alerts($open: Boolean, $orderId: ID) {\n    alerts(open: $open, orderId: $orderId) {\n      ...AlertFields\n    }\n  }\n": types.AlertsDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      ...AlertFields\n    }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      prefix\n      role\n    }\n  }\n": types.MeDocument,
    "\n  fragment ComplianceMetricFields on ComplianceMetric {\n    key\n    label\n    value\n    numerator\n    denominator\n    threshold\n    comparator\n    status\n    windowDays\n    windowStart\n    windowEnd\n    policyVersion\n    exclusions {\n      reason\n      count\n    }\n    projection {\n      openOrders\n      valueIfAllMiss\n      statusIfAllMiss\n      mustShipOnTime\n      latestShipBy\n    }\n  }\n": types.ComplianceMetricFieldsFragmentDoc,
    "\n  query ComplianceReport($channel: Channel!, $accountId: ID, $asOf: DateTime) {\n    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {\n      channel\n      accountId\n      asOf\n      policyVersion\n      metrics {\n        ...ComplianceMetricFields\n      }\n    }\n  }\n": types.ComplianceReportDocument,
    "\n  query ComplianceMetricOrders($channel: Channel!, $accountId: ID, $asOf: DateTime, $first: Int, $after: String) {\n    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {\n      metrics {\n        key\n        orders(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            endCursor\n            hasNextPage\n          }\n          edges {\n            node {\n              id\n              channelOrderId\n              status\n              orderedAt\n              shipBy\n              account {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ComplianceMetricOrdersDocument,
    "\n  query ComplianceAccounts {\n    channelAccounts {\n      id\n      channel\n      name\n      disabledAt\n    }\n  }\n": types.ComplianceAccountsDocument,
    "\n  fragment McfOrderFields on McfOrder {\n    id\n    orderId\n    mcfAccountId\n    sellerFulfillmentOrderId\n    status\n    amazonStatus\n    shippingSpeed\n    reason\n    held\n    createdAt\n    updatedAt\n    packages {\n      packageNumber\n      carrierCode\n      trackingNumber\n      shipmentId\n      holdReason\n      movingAt\n      events\n    }\n  }\n": types.McfOrderFieldsFragmentDoc,
    "\n  query McfOrders($statuses: [String!], $held: Boolean, $first: Int, $before: DateTime) {\n    mcfOrders(statuses: $statuses, held: $held, first: $first, before: $before) {\n      ...McfOrderFields\n    }\n  }\n": types.McfOrdersDocument,
    "\n  mutation RouteOrdersToMcf($orderIds: [ID!]!, $mcfAccountId: ID) {\n    routeOrdersToMcf(orderIds: $orderIds, mcfAccountId: $mcfAccountId) {\n      orderId\n      outcome\n      reason\n    }\n  }\n": types.RouteOrdersToMcfDocument,
    "\n  query Orders($filter: OrderFilter, $first: Int, $after: String) {\n    orders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          channel\n          channelOrderId\n          account {\n            id\n            name\n          }\n          shipTo {\n            name\n          }\n          orderedAt\n          shipBy\n          status\n          fulfillmentMethod\n          cancellationRequested\n          total {\n            amountCents\n            currency\n          }\n          lines {\n            id\n            quantityOrdered\n          }\n        }\n      }\n    }\n  }\n": types.OrdersDocument,
    "\n  query OrderViewCounts($filter: OrderFilter) {\n    orderViewCounts(filter: $filter) {\n      view\n      count\n    }\n  }\n": types.OrderViewCountsDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      channel\n      channelOrderId\n      customerOrderId\n      status\n      fulfillmentMethod\n      cancellationRequested\n      shipMethod\n      orderedAt\n      acknowledgedAt\n      shipBy\n      deliverBy\n      acknowledgeBy\n      autoCancelAt\n      updatedAt\n      version\n      total {\n        amountCents\n        currency\n      }\n      account {\n        id\n        name\n        marketplace\n        environment\n      }\n      shipTo {\n        name\n        line1\n        line2\n        line3\n        city\n        stateOrRegion\n        postalCode\n        countryCode\n        phone\n      }\n      lines {\n        id\n        lineNumber\n        sku\n        title\n        quantityOrdered\n        quantityShipped\n        quantityCancelled\n        quantityRefunded\n        unitPrice {\n          amountCents\n          currency\n        }\n        status\n        cancellationRequested\n      }\n      mcfOrder {\n        ...McfOrderFields\n      }\n      shipments {\n        id\n        source\n        carrier\n        carrierCode\n        service\n        trackingNumber\n        trackingUrl\n        shippedAt\n        packageType\n        weightOz\n        lengthIn\n        widthIn\n        heightIn\n        lines {\n          orderLineId\n          lineNumber\n          sku\n          quantity\n        }\n      }\n      auditEvents {\n        id\n        occurredAt\n        actor\n        action\n        before\n        after\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n      rawPayload\n    }\n  }\n": types.OrderDocument,
    "\n  fragment OutboxEntryFields on OutboxEntry {\n    id\n    orderId\n    shipmentId\n    operation\n    status\n    payload\n    attempts\n    nextAttemptAt\n    lastError\n    lastErrorCode\n    createdBy\n    createdAt\n    deliveredAt\n    discardReason\n    attemptLog {\n      attempt\n      startedAt\n      durationMs\n      responseStatus\n      outcome\n      error\n    }\n  }\n": types.OutboxEntryFieldsFragmentDoc,
    "\n  query OutboxEntries($statuses: [OutboxStatus!], $first: Int, $after: String) {\n    outboxEntries(statuses: $statuses, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...OutboxEntryFields\n        }\n      }\n    }\n  }\n": types.OutboxEntriesDocument,
    "\n  mutation RetryOutboxEntry($id: ID!, $fix: ShipmentFixInput) {\n    retryOutboxEntry(id: $id, fix: $fix) {\n      ...OutboxEntryFields\n    }\n  }\n": types.RetryOutboxEntryDocument,
    "\n  mutation DiscardOutboxEntry($id: ID!, $reason: String!) {\n    discardOutboxEntry(id: $id, reason: $reason) {\n      ...OutboxEntryFields\n    }\n  }\n": types.DiscardOutboxEntryDocument,
    "\n  fragment RoutingRuleFields on RoutingRule {\n    id\n    name\n    accountId\n    mcfAccountId\n    enabled\n    priority\n    skus\n    skuPattern\n    countries\n    requireStock\n    applyOnImport\n  }\n": types.RoutingRuleFieldsFragmentDoc,
    "\n  query RoutingRules($accountId: ID) {\n    routingRules(accountId: $accountId) {\n      ...RoutingRuleFields\n    }\n  }\n": types.RoutingRulesDocument,
    "\n  mutation SaveRoutingRule($input: RoutingRuleInput!, $id: ID) {\n    saveRoutingRule(input: $input, id: $id) {\n      ...RoutingRuleFields\n    }\n  }\n": types.SaveRoutingRuleDocument,
    "\n  mutation DeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n": types.DeleteRoutingRuleDocument,
    "\n  query PreviewRoutingRule($input: RoutingRuleInput!) {\n    previewRoutingRule(input: $input) {\n      id\n      channelOrderId\n      orderedAt\n      shipBy\n      status\n      shipTo {\n        name\n        countryCode\n      }\n      lines {\n        id\n        sku\n        quantityOrdered\n      }\n    }\n  }\n": types.PreviewRoutingRuleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelAccounts {\n    channelAccounts {\n      ...ChannelAccountFields\n    }\n  }\n"): (typeof documents)["\n  query ChannelAccounts {\n    channelAccounts {\n      ...ChannelAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChannelAccountFields on ChannelAccount {\n    id\n    channel\n    name\n    marketplace\n    environment\n    baseUrl\n    timeZone\n    hasCredentials\n    disabledAt\n    createdAt\n    syncState {\n      ...SyncStateFields\n    }\n  }\n"): (typeof documents)["\n  fragment ChannelAccountFields on ChannelAccount {\n    id\n    channel\n    name\n    marketplace\n    environment\n    baseUrl\n    timeZone\n    hasCredentials\n    disabledAt\n    createdAt\n    syncState {\n      ...SyncStateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncStateFields on SyncState {\n    phase\n    running\n    watermark\n    lastStartedAt\n    lastSuccessAt\n    lastError\n    lastErrorAt\n    nextRunAt\n    ordersImported\n    ordersUpdated\n    pagesDone\n    pagesEstimated\n    backfillProgress\n  }\n"): (typeof documents)["\n  fragment SyncStateFields on SyncState {\n    phase\n    running\n    watermark\n    lastStartedAt\n    lastSuccessAt\n    lastError\n    lastErrorAt\n    nextRunAt\n    ordersImported\n    ordersUpdated\n    pagesDone\n    pagesEstimated\n    backfillProgress\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChannelAccount($input: CreateChannelAccountInput!) {\n    createChannelAccount(input: $input) {\n      ...ChannelAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateChannelAccount($input: CreateChannelAccountInput!) {\n    createChannelAccount(input: $input) {\n      ...ChannelAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateChannelAccount($id: ID!, $input: UpdateChannelAccountInput!) {\n    updateChannelAccount(id: $id, input: $input) {\n      ...ChannelAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateChannelAccount($id: ID!, $input: UpdateChannelAccountInput!) {\n    updateChannelAccount(id: $id, input: $input) {\n      ...ChannelAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableChannelAccount($id: ID!) {\n    disableChannelAccount(id: $id) {\n      ...ChannelAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisableChannelAccount($id: ID!) {\n    disableChannelAccount(id: $id) {\n      ...ChannelAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncAccount($accountId: ID!) {\n    syncAccount(accountId: $accountId) {\n      ...SyncStateFields\n    }\n  }\n"): (typeof documents)["\n  mutation SyncAccount($accountId: ID!) {\n    syncAccount(accountId: $accountId) {\n      ...SyncStateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViolationFields on Violation {\n    code\n    severity\n    field\n    message\n  }\n"): (typeof documents)["\n  fragment ViolationFields on Violation {\n    code\n    severity\n    field\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeOrders($ids: [ID!]!) {\n    acknowledgeOrders(ids: $ids) {\n      orderId\n      outcome\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeOrders($ids: [ID!]!) {\n    acknowledgeOrders(ids: $ids) {\n      orderId\n      outcome\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ValidateShipment($input: ShipmentInput!) {\n    validateShipment(input: $input) {\n      ok\n      violations {\n        ...ViolationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ValidateShipment($input: ShipmentInput!) {\n    validateShipment(input: $input) {\n      ok\n      violations {\n        ...ViolationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmShipment($input: ShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment {\n        id\n      }\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmShipment($input: ShipmentInput!) {\n    confirmShipment(input: $input) {\n      shipment {\n        id\n      }\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTracking($shipmentId: ID!, $input: TrackingUpdateInput!) {\n    updateTracking(shipmentId: $shipmentId, input: $input) {\n      shipment {\n        id\n      }\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTracking($shipmentId: ID!, $input: TrackingUpdateInput!) {\n    updateTracking(shipmentId: $shipmentId, input: $input) {\n      shipment {\n        id\n      }\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrderLines($input: CancelOrderLinesInput!) {\n    cancelOrderLines(input: $input) {\n      orderId\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelOrderLines($input: CancelOrderLinesInput!) {\n    cancelOrderLines(input: $input) {\n      orderId\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundOrderLines($input: RefundOrderLinesInput!) {\n    refundOrderLines(input: $input) {\n      orderId\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefundOrderLines($input: RefundOrderLinesInput!) {\n    refundOrderLines(input: $input) {\n      orderId\n      warnings {\n        ...ViolationFields\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmShipmentsCsv($csv: String!) {\n    confirmShipmentsCsv(csv: $csv) {\n      applied\n      refused\n      rows {\n        row\n        orderNumber\n        ok\n        shipmentId\n        error\n        violations {\n          ...ViolationFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmShipmentsCsv($csv: String!) {\n    confirmShipmentsCsv(csv: $csv) {\n      applied\n      refused\n      rows {\n        row\n        orderNumber\n        ok\n        shipmentId\n        error\n        violations {\n          ...ViolationFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id\n    kind\n    severity\n    orderId\n    accountId\n    message\n    action\n    openedAt\n    resolvedAt\n    acknowledgedBy\n    acknowledgedAt\n  }\n"): (typeof documents)["\n  fragment AlertFields on Alert {\n    id\n    kind\n    severity\n    orderId\n    accountId\n    message\n    action\n    openedAt\n    resolvedAt\n    acknowledgedBy\n    acknowledgedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($open: Boolean, $orderId: ID) {\n    alerts(open: $open, orderId: $orderId) {\n      ...AlertFields\n    }\n  }\n"): (typeof documents)["\n  query Alerts($open: Boolean, $orderId: ID) {\n    alerts(open: $open, orderId: $orderId) {\n      ...AlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      ...AlertFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      ...AlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      prefix\n      role\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      prefix\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ComplianceMetricFields on ComplianceMetric {\n    key\n    label\n    value\n    numerator\n    denominator\n    threshold\n    comparator\n    status\n    windowDays\n    windowStart\n    windowEnd\n    policyVersion\n    exclusions {\n      reason\n      count\n    }\n    projection {\n      openOrders\n      valueIfAllMiss\n      statusIfAllMiss\n      mustShipOnTime\n      latestShipBy\n    }\n  }\n"): (typeof documents)["\n  fragment ComplianceMetricFields on ComplianceMetric {\n    key\n    label\n    value\n    numerator\n    denominator\n    threshold\n    comparator\n    status\n    windowDays\n    windowStart\n    windowEnd\n    policyVersion\n    exclusions {\n      reason\n      count\n    }\n    projection {\n      openOrders\n      valueIfAllMiss\n      statusIfAllMiss\n      mustShipOnTime\n      latestShipBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplianceReport($channel: Channel!, $accountId: ID, $asOf: DateTime) {\n    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {\n      channel\n      accountId\n      asOf\n      policyVersion\n      metrics {\n        ...ComplianceMetricFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComplianceReport($channel: Channel!, $accountId: ID, $asOf: DateTime) {\n    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {\n      channel\n      accountId\n      asOf\n      policyVersion\n      metrics {\n        ...ComplianceMetricFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplianceMetricOrders($channel: Channel!, $accountId: ID, $asOf: DateTime, $first: Int, $after: String) {\n    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {\n      metrics {\n        key\n        orders(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            endCursor\n            hasNextPage\n          }\n          edges {\n            node {\n              id\n              channelOrderId\n              status\n              orderedAt\n              shipBy\n              account {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComplianceMetricOrders($channel: Channel!, $accountId: ID, $asOf: DateTime, $first: Int, $after: String) {\n    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {\n      metrics {\n        key\n        orders(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            endCursor\n            hasNextPage\n          }\n          edges {\n            node {\n              id\n              channelOrderId\n              status\n              orderedAt\n              shipBy\n              account {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplianceAccounts {\n    channelAccounts {\n      id\n      channel\n      name\n      disabledAt\n    }\n  }\n"): (typeof documents)["\n  query ComplianceAccounts {\n    channelAccounts {\n      id\n      channel\n      name\n      disabledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment McfOrderFields on McfOrder {\n    id\n    orderId\n    mcfAccountId\n    sellerFulfillmentOrderId\n    status\n    amazonStatus\n    shippingSpeed\n    reason\n    held\n    createdAt\n    updatedAt\n    packages {\n      packageNumber\n      carrierCode\n      trackingNumber\n      shipmentId\n      holdReason\n      movingAt\n      events\n    }\n  }\n"): (typeof documents)["\n  fragment McfOrderFields on McfOrder {\n    id\n    orderId\n    mcfAccountId\n    sellerFulfillmentOrderId\n    status\n    amazonStatus\n    shippingSpeed\n    reason\n    held\n    createdAt\n    updatedAt\n    packages {\n      packageNumber\n      carrierCode\n      trackingNumber\n      shipmentId\n      holdReason\n      movingAt\n      events\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query McfOrders($statuses: [String!], $held: Boolean, $first: Int, $before: DateTime) {\n    mcfOrders(statuses: $statuses, held: $held, first: $first, before: $before) {\n      ...McfOrderFields\n    }\n  }\n"): (typeof documents)["\n  query McfOrders($statuses: [String!], $held: Boolean, $first: Int, $before: DateTime) {\n    mcfOrders(statuses: $statuses, held: $held, first: $first, before: $before) {\n      ...McfOrderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RouteOrdersToMcf($orderIds: [ID!]!, $mcfAccountId: ID) {\n    routeOrdersToMcf(orderIds: $orderIds, mcfAccountId: $mcfAccountId) {\n      orderId\n      outcome\n      reason\n    }\n  }\n"): (typeof documents)["\n  mutation RouteOrdersToMcf($orderIds: [ID!]!, $mcfAccountId: ID) {\n    routeOrdersToMcf(orderIds: $orderIds, mcfAccountId: $mcfAccountId) {\n      orderId\n      outcome\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Orders($filter: OrderFilter, $first: Int, $after: String) {\n    orders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          channel\n          channelOrderId\n          account {\n            id\n            name\n          }\n          shipTo {\n            name\n          }\n          orderedAt\n          shipBy\n          status\n          fulfillmentMethod\n          cancellationRequested\n          total {\n            amountCents\n            currency\n          }\n          lines {\n            id\n            quantityOrdered\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Orders($filter: OrderFilter, $first: Int, $after: String) {\n    orders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          channel\n          channelOrderId\n          account {\n            id\n            name\n          }\n          shipTo {\n            name\n          }\n          orderedAt\n          shipBy\n          status\n          fulfillmentMethod\n          cancellationRequested\n          total {\n            amountCents\n            currency\n          }\n          lines {\n            id\n            quantityOrdered\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderViewCounts($filter: OrderFilter) {\n    orderViewCounts(filter: $filter) {\n      view\n      count\n    }\n  }\n"): (typeof documents)["\n  query OrderViewCounts($filter: OrderFilter) {\n    orderViewCounts(filter: $filter) {\n      view\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      channel\n      channelOrderId\n      customerOrderId\n      status\n      fulfillmentMethod\n      cancellationRequested\n      shipMethod\n      orderedAt\n      acknowledgedAt\n      shipBy\n      deliverBy\n      acknowledgeBy\n      autoCancelAt\n      updatedAt\n      version\n      total {\n        amountCents\n        currency\n      }\n      account {\n        id\n        name\n        marketplace\n        environment\n      }\n      shipTo {\n        name\n        line1\n        line2\n        line3\n        city\n        stateOrRegion\n        postalCode\n        countryCode\n        phone\n      }\n      lines {\n        id\n        lineNumber\n        sku\n        title\n        quantityOrdered\n        quantityShipped\n        quantityCancelled\n        quantityRefunded\n        unitPrice {\n          amountCents\n          currency\n        }\n        status\n        cancellationRequested\n      }\n      mcfOrder {\n        ...McfOrderFields\n      }\n      shipments {\n        id\n        source\n        carrier\n        carrierCode\n        service\n        trackingNumber\n        trackingUrl\n        shippedAt\n        packageType\n        weightOz\n        lengthIn\n        widthIn\n        heightIn\n        lines {\n          orderLineId\n          lineNumber\n          sku\n          quantity\n        }\n      }\n      auditEvents {\n        id\n        occurredAt\n        actor\n        action\n        before\n        after\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n      rawPayload\n    }\n  }\n"): (typeof documents)["\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      channel\n      channelOrderId\n      customerOrderId\n      status\n      fulfillmentMethod\n      cancellationRequested\n      shipMethod\n      orderedAt\n      acknowledgedAt\n      shipBy\n      deliverBy\n      acknowledgeBy\n      autoCancelAt\n      updatedAt\n      version\n      total {\n        amountCents\n        currency\n      }\n      account {\n        id\n        name\n        marketplace\n        environment\n      }\n      shipTo {\n        name\n        line1\n        line2\n        line3\n        city\n        stateOrRegion\n        postalCode\n        countryCode\n        phone\n      }\n      lines {\n        id\n        lineNumber\n        sku\n        title\n        quantityOrdered\n        quantityShipped\n        quantityCancelled\n        quantityRefunded\n        unitPrice {\n          amountCents\n          currency\n        }\n        status\n        cancellationRequested\n      }\n      mcfOrder {\n        ...McfOrderFields\n      }\n      shipments {\n        id\n        source\n        carrier\n        carrierCode\n        service\n        trackingNumber\n        trackingUrl\n        shippedAt\n        packageType\n        weightOz\n        lengthIn\n        widthIn\n        heightIn\n        lines {\n          orderLineId\n          lineNumber\n          sku\n          quantity\n        }\n      }\n      auditEvents {\n        id\n        occurredAt\n        actor\n        action\n        before\n        after\n      }\n      outbox {\n        ...OutboxEntryFields\n      }\n      rawPayload\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutboxEntryFields on OutboxEntry {\n    id\n    orderId\n    shipmentId\n    operation\n    status\n    payload\n    attempts\n    nextAttemptAt\n    lastError\n    lastErrorCode\n    createdBy\n    createdAt\n    deliveredAt\n    discardReason\n    attemptLog {\n      attempt\n      startedAt\n      durationMs\n      responseStatus\n      outcome\n      error\n    }\n  }\n"): (typeof documents)["\n  fragment OutboxEntryFields on OutboxEntry {\n    id\n    orderId\n    shipmentId\n    operation\n    status\n    payload\n    attempts\n    nextAttemptAt\n    lastError\n    lastErrorCode\n    createdBy\n    createdAt\n    deliveredAt\n    discardReason\n    attemptLog {\n      attempt\n      startedAt\n      durationMs\n      responseStatus\n      outcome\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutboxEntries($statuses: [OutboxStatus!], $first: Int, $after: String) {\n    outboxEntries(statuses: $statuses, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...OutboxEntryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OutboxEntries($statuses: [OutboxStatus!], $first: Int, $after: String) {\n    outboxEntries(statuses: $statuses, first: $first, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...OutboxEntryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryOutboxEntry($id: ID!, $fix: ShipmentFixInput) {\n    retryOutboxEntry(id: $id, fix: $fix) {\n      ...OutboxEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation RetryOutboxEntry($id: ID!, $fix: ShipmentFixInput) {\n    retryOutboxEntry(id: $id, fix: $fix) {\n      ...OutboxEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardOutboxEntry($id: ID!, $reason: String!) {\n    discardOutboxEntry(id: $id, reason: $reason) {\n      ...OutboxEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation DiscardOutboxEntry($id: ID!, $reason: String!) {\n    discardOutboxEntry(id: $id, reason: $reason) {\n      ...OutboxEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoutingRuleFields on RoutingRule {\n    id\n    name\n    accountId\n    mcfAccountId\n    enabled\n    priority\n    skus\n    skuPattern\n    countries\n    requireStock\n    applyOnImport\n  }\n"): (typeof documents)["\n  fragment RoutingRuleFields on RoutingRule {\n    id\n    name\n    accountId\n    mcfAccountId\n    enabled\n    priority\n    skus\n    skuPattern\n    countries\n    requireStock\n    applyOnImport\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingRules($accountId: ID) {\n    routingRules(accountId: $accountId) {\n      ...RoutingRuleFields\n    }\n  }\n"): (typeof documents)["\n  query RoutingRules($accountId: ID) {\n    routingRules(accountId: $accountId) {\n      ...RoutingRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveRoutingRule($input: RoutingRuleInput!, $id: ID) {\n    saveRoutingRule(input: $input, id: $id) {\n      ...RoutingRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveRoutingRule($input: RoutingRuleInput!, $id: ID) {\n    saveRoutingRule(input: $input, id: $id) {\n      ...RoutingRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteRoutingRule($id: ID!) {\n    deleteRoutingRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewRoutingRule($input: RoutingRuleInput!) {\n    previewRoutingRule(input: $input) {\n      id\n      channelOrderId\n      orderedAt\n      shipBy\n      status\n      shipTo {\n        name\n        countryCode\n      }\n      lines {\n        id\n        sku\n        quantityOrdered\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewRoutingRule($input: RoutingRuleInput!) {\n    previewRoutingRule(input: $input) {\n      id\n      channelOrderId\n      orderedAt\n      shipBy\n      status\n      shipTo {\n        name\n        countryCode\n      }\n      lines {\n        id\n        sku\n        quantityOrdered\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;