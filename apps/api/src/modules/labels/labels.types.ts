import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { MarkedLabelRate } from '@order-hub/rules';
import { CarrierCode, LabelFormat, LabelSource } from '@order-hub/types';
import { AddressType } from 'src/modules/orders/order.type';
import { ShipmentLineInput } from 'src/modules/rules/dto/shipment.input';
import 'src/modules/rules/violation.type';
import type { ShippingLabelEntity, ShippingLabelStatus } from './shipping-label.entity';

registerEnumType(LabelSource, {
  name: 'LabelSource',
  description: "CHANNEL: the channel's own shipping service (Amazon Buy Shipping); PROVIDER: the tracking provider's.",
});
registerEnumType(LabelFormat, { name: 'LabelFormat' });
const LabelStatus = {
  PENDING: 'PENDING',
  PURCHASED: 'PURCHASED',
  VOID_REQUESTED: 'VOID_REQUESTED',
  VOIDED: 'VOIDED',
  FAILED: 'FAILED',
} as const satisfies Record<ShippingLabelStatus, ShippingLabelStatus>;
registerEnumType(LabelStatus, {
  name: 'LabelStatus',
  description: 'PENDING: being bought; FAILED: nothing was bought; VOID_REQUESTED: the refund is pending.',
});

@InputType('LabelParcelInput', { description: 'A package: inches and ounces.' })
export class LabelParcelInput {
  @Field(() => Float)
  lengthIn: number;

  @Field(() => Float)
  widthIn: number;

  @Field(() => Float)
  heightIn: number;

  @Field(() => Float)
  weightOz: number;
}

@ObjectType('LabelPackageLine', { description: 'Units of one order line in a package.' })
export class LabelPackageLineType {
  @Field()
  lineNumber: string;

  @Field(() => Int)
  quantity: number;
}

@ObjectType('LabelParcel')
export class LabelParcelType {
  @Field(() => Float)
  lengthIn: number;

  @Field(() => Float)
  widthIn: number;

  @Field(() => Float)
  heightIn: number;

  @Field(() => Float)
  weightOz: number;
}

@ObjectType('LabelRate', { description: "A carrier's quote for the package, judged against the order's promise." })
export class LabelRateType {
  @Field()
  rateId: string;

  @Field(() => CarrierCode)
  carrier: CarrierCode;

  @Field()
  carrierName: string;

  @Field()
  service: string;

  @Field()
  serviceName: string;

  @Field(() => Int)
  amountCents: number;

  @Field()
  currency: string;

  @Field(() => Date, { nullable: true, description: 'The latest day the carrier says the parcel arrives.' })
  deliverBy: Date | null;

  @Field(() => Date, { nullable: true, description: 'The last moment the carrier must have the parcel for that.' })
  pickUpBy: Date | null;

  @Field(() => Int, { nullable: true })
  deliveryDays: number | null;

  @Field({ description: 'The lowest price among the rates that keep the promise (of all, when none does).' })
  cheapest: boolean;

  @Field({ description: 'The earliest delivery among the rates that keep the promise.' })
  fastest: boolean;

  @Field()
  meetsShipBy: boolean;

  @Field()
  meetsDeliverBy: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What the rate misses, in words; null when it keeps the promise.',
  })
  problem: string | null;
}

@ObjectType('RemovedLabelRate', { description: 'A service not offered for this order, and why.' })
export class RemovedLabelRateType {
  @Field()
  carrierName: string;

  @Field()
  serviceName: string;

  @Field()
  reason: string;
}

@ObjectType('LabelRateQuote')
export class LabelRateQuoteType {
  @Field({ description: 'Names these rates when one is bought (buyLabel.requestToken).' })
  requestToken: string;

  @Field(() => Date, { nullable: true, description: 'When the rates stop being valid, when the seller says.' })
  expiresAt: Date | null;

  @Field(() => LabelSource)
  source: LabelSource;

  @Field(() => LabelParcelType)
  parcel: LabelParcelType;

  @Field({ description: "Whether these rates are for the corrected address given (shipTo), not the order's own." })
  shipToCorrected: boolean;

  @Field(() => [LabelRateType])
  rates: LabelRateType[];

  @Field(() => [RemovedLabelRateType])
  removed: RemovedLabelRateType[];
}

@ObjectType('AddressCheck')
export class AddressCheckType {
  @Field()
  verified: boolean;

  @Field(() => AddressType, { nullable: true, description: "The provider's corrected address, when it has one." })
  suggested: AddressType | null;

  @Field(() => [String])
  problems: string[];
}

/** A postal address typed in: a ship-from, or a corrected ship-to (ISO 3166-1 alpha-2 country). */
@InputType({ isAbstract: true })
class PostalAddressInput {
  @Field()
  name: string;

  @Field()
  line1: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  city: string;

  @Field()
  stateOrRegion: string;

  @Field()
  postalCode: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  countryCode: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType('ShipFromInput', { description: 'Where the account ships from; the ship-from of its labels.' })
export class ShipFromInput extends PostalAddressInput {}

@InputType('LabelShipToInput', {
  description:
    "The carrier's correction of the ship-to the operator accepted (verifyShipTo.suggested), in the order's country.",
})
export class LabelShipToInput extends PostalAddressInput {}

@InputType('BuyLabelInput')
export class BuyLabelInputType {
  @Field(() => ID)
  orderId: string;

  @Field(() => Int, { nullable: true, description: 'The order version the operator saw.' })
  expectedVersion?: number | null;

  @Field()
  requestToken: string;

  @Field()
  rateId: string;

  @Field(() => LabelParcelInput)
  parcel: LabelParcelInput;

  @Field(() => LabelFormat, { nullable: true, defaultValue: 'PDF' })
  format?: LabelFormat | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Which package of the order (0: the first).' })
  packageIndex?: number | null;

  @Field(() => LabelShipToInput, {
    nullable: true,
    description: 'The corrected address the rates were asked for (labelRates shipTo); none: the order ship-to.',
  })
  shipTo?: LabelShipToInput | null;

  @Field(() => [ShipmentLineInput], {
    nullable: true,
    description: "The units in this package, as given to labelRates; none: all the order's open units.",
  })
  lines?: ShipmentLineInput[] | null;
}

@ObjectType('ShippingLabel', { description: 'A carrier label bought in the hub for one package of an order.' })
export class ShippingLabelType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderId: string;

  @Field(() => LabelSource)
  source: LabelSource;

  @Field(() => LabelStatus)
  status: ShippingLabelStatus;

  @Field(() => CarrierCode, { nullable: true })
  carrier: CarrierCode | null;

  @Field(() => String, { nullable: true })
  carrierName: string | null;

  @Field(() => String, { nullable: true })
  service: string | null;

  @Field(() => String, { nullable: true })
  serviceName: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber: string | null;

  @Field(() => Int, { nullable: true })
  amountCents: number | null;

  @Field(() => String, { nullable: true })
  currency: string | null;

  @Field(() => LabelFormat)
  format: LabelFormat;

  @Field(() => Int)
  packageIndex: number;

  @Field(() => [LabelPackageLineType], {
    nullable: true,
    description: 'The units in this package; null: all the units the order had open when it was bought.',
  })
  lines: LabelPackageLineType[] | null;

  @Field(() => Date, { nullable: true })
  purchasedAt: Date | null;

  @Field(() => Date, { nullable: true })
  voidedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'The last moment the label may be voided, when bounded.' })
  voidableUntil: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The label file (GET, same credentials as the other downloads).',
  })
  documentUrl: string | null;

  @Field({
    description: 'The channel recorded the shipment itself (Amazon Buy Shipping); the hub sent no confirmation.',
  })
  confirmedByChannel: boolean;

  @Field({ description: "Whether the label went to the carrier's corrected address the operator accepted." })
  shipToCorrected: boolean;

  @Field(() => ID, { nullable: true, description: 'The shipment recorded for the label; null once voided.' })
  shipmentId: string | null;

  @Field(() => String, { nullable: true, description: 'What went wrong, in words.' })
  failure: string | null;
}

export function toShippingLabelType(e: ShippingLabelEntity): ShippingLabelType {
  return {
    id: e.id,
    orderId: e.orderId,
    source: e.source,
    status: e.status,
    carrier: e.carrier,
    carrierName: e.carrierName,
    service: e.service,
    serviceName: e.serviceName,
    trackingNumber: e.trackingNumber,
    amountCents: e.amountCents,
    currency: e.currency,
    format: e.format,
    packageIndex: e.packageIndex,
    lines: e.lines,
    purchasedAt: e.purchasedAt,
    voidedAt: e.voidedAt,
    voidableUntil: e.voidableUntil,
    documentUrl: e.providerShipmentId ? `/api/labels/${e.id}/document` : null,
    confirmedByChannel: e.confirmedByChannel,
    shipToCorrected: e.shipToCorrected,
    shipmentId: e.shipmentId,
    failure: e.failure,
  };
}

export function toLabelRateType(r: MarkedLabelRate): LabelRateType {
  return {
    ...r,
    deliverBy: r.deliverBy ? new Date(r.deliverBy) : null,
    pickUpBy: r.pickUpBy ? new Date(r.pickUpBy) : null,
  };
}
