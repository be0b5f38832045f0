import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const ShippingLabelFieldsFragment = graphql(`
  fragment ShippingLabelFields on ShippingLabel {
    id
    orderId
    source
    status
    carrier
    carrierName
    service
    serviceName
    trackingNumber
    amountCents
    currency
    format
    purchasedAt
    voidedAt
    voidableUntil
    documentUrl
    confirmedByChannel
    failure
    packageIndex
    lines {
      lineNumber
      quantity
    }
  }
`);

export const OrderLabelsQuery = graphql(`
  query OrderLabels($id: ID!) {
    order(id: $id) {
      id
      labelCostCents
      labels {
        ...ShippingLabelFields
      }
    }
  }
`);

export const LabelRatesQuery = graphql(`
  query LabelRates(
    $orderId: ID!
    $parcel: LabelParcelInput
    $presetId: ID
    $shipTo: LabelShipToInput
    $lines: [ShipmentLineInput!]
  ) {
    labelRates(orderId: $orderId, parcel: $parcel, presetId: $presetId, shipTo: $shipTo, lines: $lines) {
      requestToken
      expiresAt
      source
      shipToCorrected
      parcel {
        lengthIn
        widthIn
        heightIn
        weightOz
      }
      rates {
        rateId
        carrier
        carrierName
        service
        serviceName
        amountCents
        currency
        deliverBy
        pickUpBy
        deliveryDays
        cheapest
        fastest
        meetsShipBy
        meetsDeliverBy
        problem
      }
      removed {
        carrierName
        serviceName
        reason
      }
    }
  }
`);

export const VerifyShipToQuery = graphql(`
  query VerifyShipTo($orderId: ID!) {
    verifyShipTo(orderId: $orderId) {
      verified
      problems
      suggested {
        name
        line1
        line2
        line3
        city
        stateOrRegion
        postalCode
        countryCode
        phone
      }
    }
  }
`);

export const BuyLabelMutation = graphql(`
  mutation BuyLabel($input: BuyLabelInput!) {
    buyLabel(input: $input) {
      ...ShippingLabelFields
    }
  }
`);

export const VoidLabelMutation = graphql(`
  mutation VoidLabel($labelId: ID!) {
    voidLabel(labelId: $labelId) {
      ...ShippingLabelFields
    }
  }
`);

export const BuyLabelsMutation = graphql(`
  mutation BuyLabels($input: BuyLabelsInput!) {
    buyLabels(input: $input) {
      bought {
        ...ShippingLabelFields
      }
      failed {
        orderId
        orderNumber
        message
      }
      documentUrl
    }
  }
`);

export const PackagePresetsQuery = graphql(`
  query PackagePresets {
    packagePresets {
      id
      name
      lengthIn
      widthIn
      heightIn
      boxWeightOz
      skus
      isDefault
    }
  }
`);

export const SavePackagePresetMutation = graphql(`
  mutation SavePackagePreset($input: PackagePresetInput!) {
    savePackagePreset(input: $input) {
      id
    }
  }
`);

export const DeletePackagePresetMutation = graphql(`
  mutation DeletePackagePreset($id: ID!) {
    deletePackagePreset(id: $id)
  }
`);

export const ShipFromQuery = graphql(`
  query ShipFrom {
    channelAccounts {
      id
      name
      channel
      shipFrom {
        name
        line1
        line2
        city
        stateOrRegion
        postalCode
        countryCode
        phone
      }
    }
  }
`);

export const SetShipFromMutation = graphql(`
  mutation SetShipFrom($accountId: ID!, $address: ShipFromInput!) {
    setShipFrom(accountId: $accountId, address: $address) {
      id
    }
  }
`);

export const LabelCostsQuery = graphql(`
  query LabelCosts($from: DateTime!, $to: DateTime!) {
    labelCosts(from: $from, to: $to) {
      channel
      month
      labelCount
      amountCents
      currency
    }
  }
`);

export type ShippingLabelView = ResultOf<typeof ShippingLabelFieldsFragment>;
export type LabelRateQuoteView = ResultOf<typeof LabelRatesQuery>['labelRates'];
export type LabelRateView = LabelRateQuoteView['rates'][number];
export type AddressCheckView = ResultOf<typeof VerifyShipToQuery>['verifyShipTo'];
export type PackagePresetView = ResultOf<typeof PackagePresetsQuery>['packagePresets'][number];
export type ShipFromAccountView = ResultOf<typeof ShipFromQuery>['channelAccounts'][number];
export type LabelCostView = ResultOf<typeof LabelCostsQuery>['labelCosts'][number];

export const SkuWeightsQuery = graphql(`
  query SkuWeights($accountId: ID!) {
    skuWeights(accountId: $accountId) {
      sku
      weightOz
    }
  }
`);

export const SetSkuWeightsMutation = graphql(`
  mutation SetSkuWeights($accountId: ID!, $rows: [SkuWeightInput!]!) {
    setSkuWeights(accountId: $accountId, rows: $rows) {
      removed
      set {
        sku
      }
    }
  }
`);

export const ProposedParcelQuery = graphql(`
  query ProposedParcel($orderId: ID!) {
    proposedParcel(orderId: $orderId) {
      matchedBy
      missingWeights
      parcel {
        lengthIn
        widthIn
        heightIn
        weightOz
      }
      preset {
        id
        name
        lengthIn
        widthIn
        heightIn
      }
    }
  }
`);
