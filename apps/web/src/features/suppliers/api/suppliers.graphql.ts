import { graphql } from '@/gql';

export const SupplierFieldsFragment = graphql(`
  fragment SupplierFields on Supplier {
    id
    name
    contactName
    email
    senderAddresses
    phone
    leadTimeBusinessDays
    trackingDeadlineHours
    poMethod
    poFormat
    active
  }
`);

export const PurchaseOrderFieldsFragment = graphql(`
  fragment PurchaseOrderFields on PurchaseOrder {
    id
    number
    status
    method
    format
    sentAt
    sentTo
    trackingDueAt
    trackingReceivedAt
    linkExpiresAt
    trackingState
    supplier {
      id
      name
    }
    order {
      id
      channel
      channelOrderId
      account {
        timeZone
      }
    }
  }
`);

export const TrackingIntakeFieldsFragment = graphql(`
  fragment TrackingIntakeFields on TrackingIntake {
    id
    via
    status
    carrier
    carrierName
    trackingNumber
    reasons {
      code
      field
      message
      severity
    }
    createdAt
    decidedBy
    decidedAt
    note
    mailId
    orderId
    supplierId
  }
`);

export const SuppliersQuery = graphql(`
  query Suppliers {
    suppliers {
      ...SupplierFields
    }
  }
`);

export const SupplierQuery = graphql(`
  query Supplier($id: ID!, $after: String) {
    supplier(id: $id) {
      ...SupplierFields
      skus {
        sku
        accountId
      }
      scorecard(days: 30) {
        days
        purchaseOrders
        trackingReceived
        onTime
        late
        missed
        waiting
        onTimeRate
        rejectedNumbers
        shipments
        lateFirstScans
        neverScanned
        sentence
      }
      purchaseOrders(first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...PurchaseOrderFields
          }
        }
      }
    }
  }
`);

export const SupplierAccountsQuery = graphql(`
  query SupplierAccounts {
    channelAccounts {
      id
      channel
      name
    }
  }
`);

export const WaitingPurchaseOrdersQuery = graphql(`
  query WaitingPurchaseOrders($first: Int, $after: String) {
    purchaseOrders(filter: { waiting: true }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PurchaseOrderFields
        }
      }
    }
  }
`);

export const WaitingCountQuery = graphql(`
  query WaitingPurchaseOrderCount {
    purchaseOrders(filter: { waiting: true }, first: 1) {
      totalCount
    }
  }
`);

export const HeldIntakeQuery = graphql(`
  query HeldTrackingIntake($first: Int, $after: String) {
    trackingIntake(filter: { status: HELD }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...TrackingIntakeFields
          order {
            id
            channel
            channelOrderId
            account {
              timeZone
            }
          }
        }
      }
    }
  }
`);

export const OrderSupplierQuery = graphql(`
  query OrderSupplier($id: ID!) {
    order(id: $id) {
      id
      supplier {
        id
        name
        poMethod
      }
      purchaseOrder {
        ...PurchaseOrderFields
      }
      trackingIntake {
        ...TrackingIntakeFields
      }
    }
  }
`);

/** A mutation: the api signs a fresh link (or the purchase order's own) each time. */
export const SupplierLinkMutation = graphql(`
  mutation SupplierLink($orderId: ID!) {
    supplierLink(orderId: $orderId) {
      url
      expiresAt
    }
  }
`);

export const CreateSupplierMutation = graphql(`
  mutation CreateSupplier($input: SupplierInput!) {
    createSupplier(input: $input) {
      ...SupplierFields
    }
  }
`);

export const UpdateSupplierMutation = graphql(`
  mutation UpdateSupplier($id: ID!, $input: SupplierUpdateInput!) {
    updateSupplier(id: $id, input: $input) {
      ...SupplierFields
    }
  }
`);

export const SetSupplierSkusMutation = graphql(`
  mutation SetSupplierSkus($supplierId: ID!, $skus: [SupplierSkuInput!]!) {
    setSupplierSkus(supplierId: $supplierId, skus: $skus) {
      sku
      accountId
    }
  }
`);

export const SendPurchaseOrdersMutation = graphql(`
  mutation SendPurchaseOrders($orderIds: [ID!]!) {
    sendPurchaseOrders(orderIds: $orderIds) {
      orderId
      error
      linkUrl
      linkExpiresAt
      purchaseOrder {
        ...PurchaseOrderFields
      }
    }
  }
`);

export const ApproveTrackingIntakeMutation = graphql(`
  mutation ApproveTrackingIntake($id: ID!, $carrier: CarrierCode, $carrierName: String, $trackingNumber: String) {
    approveTrackingIntake(id: $id, carrier: $carrier, carrierName: $carrierName, trackingNumber: $trackingNumber) {
      ...TrackingIntakeFields
    }
  }
`);

export const DismissTrackingIntakeMutation = graphql(`
  mutation DismissTrackingIntake($id: ID!, $note: String!) {
    dismissTrackingIntake(id: $id, note: $note) {
      ...TrackingIntakeFields
    }
  }
`);
