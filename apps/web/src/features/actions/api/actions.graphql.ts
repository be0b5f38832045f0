import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const ViolationFieldsFragment = graphql(`
  fragment ViolationFields on Violation {
    code
    severity
    field
    message
  }
`);

export const AcknowledgeOrdersMutation = graphql(`
  mutation AcknowledgeOrders($ids: [ID!]!) {
    acknowledgeOrders(ids: $ids) {
      orderId
      outcome
      message
    }
  }
`);

export const ValidateShipmentQuery = graphql(`
  query ValidateShipment($input: ShipmentInput!) {
    validateShipment(input: $input) {
      ok
      violations {
        ...ViolationFields
      }
    }
  }
`);

export const ConfirmShipmentMutation = graphql(`
  mutation ConfirmShipment($input: ShipmentInput!) {
    confirmShipment(input: $input) {
      shipment {
        id
      }
      warnings {
        ...ViolationFields
      }
      outbox {
        ...OutboxEntryFields
      }
    }
  }
`);

export const UpdateTrackingMutation = graphql(`
  mutation UpdateTracking($shipmentId: ID!, $input: TrackingUpdateInput!) {
    updateTracking(shipmentId: $shipmentId, input: $input) {
      shipment {
        id
      }
      warnings {
        ...ViolationFields
      }
      outbox {
        ...OutboxEntryFields
      }
    }
  }
`);

export const CancelOrderLinesMutation = graphql(`
  mutation CancelOrderLines($input: CancelOrderLinesInput!) {
    cancelOrderLines(input: $input) {
      orderId
      warnings {
        ...ViolationFields
      }
      outbox {
        ...OutboxEntryFields
      }
    }
  }
`);

export const RefundOrderLinesMutation = graphql(`
  mutation RefundOrderLines($input: RefundOrderLinesInput!) {
    refundOrderLines(input: $input) {
      orderId
      warnings {
        ...ViolationFields
      }
      outbox {
        ...OutboxEntryFields
      }
    }
  }
`);

export const ConfirmShipmentsCsvMutation = graphql(`
  mutation ConfirmShipmentsCsv($csv: String!, $fileName: String, $supplier: String, $supplierId: ID) {
    confirmShipmentsCsv(csv: $csv, fileName: $fileName, supplier: $supplier, supplierId: $supplierId) {
      applied
      refused
      rows {
        row
        orderNumber
        ok
        shipmentId
        error
        violations {
          ...ViolationFields
        }
      }
    }
  }
`);

export type CsvShipmentRowView = ResultOf<typeof ConfirmShipmentsCsvMutation>['confirmShipmentsCsv']['rows'][number];
