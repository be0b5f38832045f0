import { Injectable } from '@nestjs/common';
import {
  channelProfile,
  labelRatesFor,
  markLabelRates,
  sellerCannotActReason,
  type MarkedLabelRate,
} from '@order-hub/rules';
import type { AddressVerification, LabelParcel, LabelSource, PostalAddress } from '@order-hub/types';
import { BadUserInputError, ConflictError, NotFoundError } from 'src/common/errors/app-error';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { OrderEntity, OrderLineEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { labelCall } from './label-errors';
import { LabelParcels } from './label-parcels';
import type { LabelRateRequest } from './label-seller';
import { LabelSellers } from './label-sellers';
import { checkShipFrom, type ShipFrom } from './ship-from.service';
import type { PackageLine } from './shipping-label.entity';
import { ShippingLabelRepository } from './shipping-label.repository';
import { UUID } from 'src/common/validation/uuid';

export interface LabelQuote {
  requestToken: string;
  expiresAt: string | null;
  source: LabelSource;
  parcel: LabelParcel;
  /** Whether the rates are for the correction the operator accepted, not the order's own address. */
  shipToCorrected: boolean;
  rates: MarkedLabelRate[];
  removed: { carrierName: string; serviceName: string; reason: string }[];
}

/** An order as a label is bought for it: its open lines, its account and where the account ships from. */
export interface LabelOrder {
  order: OrderEntity;
  open: { line: OrderLineEntity; quantity: number }[];
  account: ChannelAccountEntity;
}

/** Rates for one package of an order from the seller its channel uses, with the channel's refusals taken out. */
@Injectable()
export class LabelRatesService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly labels: ShippingLabelRepository,
    private readonly sellers: LabelSellers,
    private readonly parcels: LabelParcels,
  ) {}

  async rates(
    orderId: string,
    given: LabelParcel | null,
    presetId: string | null,
    shipTo: ShipFrom | null = null,
    lines: readonly PackageLine[] | null = null,
    now = new Date(),
  ): Promise<LabelQuote> {
    const target = packageOf(await this.load(orderId), lines, 'lines');
    const parcel = given ?? (await this.parcelOf(orderId, presetId));
    checkParcel(parcel, given ? 'parcel' : 'presetId');
    const { seller, source } = await labelCall(() => this.sellers.forAccount(target.account));
    const request = await this.request(target, parcel, shipTo, 'shipTo');
    const quoted = await labelCall(() => seller.rates(request));
    const { offered, removed } = labelRatesFor(target.order.channel, quoted.rates);
    return {
      requestToken: quoted.requestToken,
      expiresAt: quoted.expiresAt,
      source,
      parcel,
      shipToCorrected: shipTo !== null,
      rates: markLabelRates(offered, {
        shipBy: target.order.shipBy,
        deliverBy: target.order.deliverBy,
        now,
        timeZone: target.account.timeZone,
      }),
      removed: [
        ...removed.map((r) => ({ carrierName: r.rate.carrierName, serviceName: r.rate.serviceName, reason: r.reason })),
        ...quoted.ineligible,
      ],
    };
  }

  /**
   * The seller's check of the order's ship-to. A seller without one (Amazon Buy Shipping has no address operation; it
   * refuses an address its carriers cannot serve in getRates) says so instead of calling the address verified.
   */
  async verifyShipTo(orderId: string): Promise<AddressVerification> {
    const target = await this.load(orderId);
    const shipTo = shipToOf(target.order);
    const { seller } = await labelCall(() => this.sellers.forAccount(target.account));
    if (!seller.verifyAddress)
      return {
        verified: false,
        suggested: null,
        problems: [
          `${channelProfile(target.order.channel).label}'s label service has no address check of its own: an address its carriers cannot serve is refused, in words, when the rates are asked for.`,
        ],
      };
    return labelCall(() => seller.verifyAddress!(shipTo));
  }

  /** The order with its open units; refused when nothing is left to ship. */
  async load(orderId: string, field = 'orderId'): Promise<LabelOrder> {
    if (!UUID.test(orderId)) throw new BadUserInputError(field, 'must be an id returned by the API (a UUID).');
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundError('Order', orderId);
    const lines = await this.orders.linesOf(orderId);
    const open = lines
      .map((line) => ({ line, quantity: line.quantityOrdered - line.quantityShipped - line.quantityCancelled }))
      .filter((l) => l.quantity > 0);
    if (open.length === 0)
      throw new ConflictError(`Order ${order.channelOrderId} has nothing left to ship, so it needs no label.`);
    const account = await this.accounts.getById(order.accountId);
    if (account.disabledAt)
      throw new ConflictError(
        `Channel account ${account.name} is disabled: enable it before buying labels for its orders.`,
      );
    if (sellerCannotActReason(order))
      throw new ConflictError(
        `Order ${order.channelOrderId} is fulfilled by ${channelProfile(order.channel).channelFulfilmentLabel}; the seller buys no label for it.`,
      );
    return { order, open, account };
  }

  /**
   * The seller's request for one package: to the order's ship-to, or to `shipTo` (the correction the operator
   * accepted from the address check), which must stay in the order's country.
   */
  async request(
    target: LabelOrder,
    parcel: LabelParcel,
    shipTo: ShipFrom | null = null,
    shipToField = 'shipTo',
  ): Promise<LabelRateRequest> {
    const original = shipToOf(target.order);
    const to = shipTo ? checkShipFrom(shipTo, shipToField) : original;
    if (to.countryCode !== original.countryCode)
      throw new BadUserInputError(
        `${shipToField}.countryCode`,
        `must be the order's country (${original.countryCode}): a corrected address cannot send the parcel abroad.`,
      );
    const from = await this.labels.shipFrom(target.account.id);
    if (!from)
      throw new ConflictError(
        `Set the ship-from address of account ${target.account.name} (Accounts page) before buying labels.`,
      );
    return {
      channelOrderId: target.order.channelOrderId,
      shipFrom: {
        name: from.name,
        line1: from.line1,
        line2: from.line2,
        city: from.city,
        stateOrRegion: from.stateOrRegion,
        postalCode: from.postalCode,
        countryCode: from.countryCode,
        phone: from.phone,
      },
      shipTo: to,
      parcel,
      items: target.open.map(({ line, quantity }) => ({
        channelLineId: line.lineNumber,
        sku: line.sku,
        title: line.title,
        quantity,
        unitValueCents: line.unitPriceCents,
        currency: line.currency,
      })),
      shipBy: target.order.shipBy,
      deliverBy: target.order.deliverBy,
    };
  }

  private async parcelOf(orderId: string, presetId: string | null): Promise<LabelParcel> {
    const source = this.parcels.of();
    if (presetId) {
      if (!UUID.test(presetId)) throw new BadUserInputError('presetId', 'must be an id returned by the API (a UUID).');
      if (!source) throw new BadUserInputError('presetId', 'package presets are not available; give the parcel.');
      return source.parcelOfPreset(presetId, orderId);
    }
    const parcel = source ? await source.parcelForOrder(orderId) : null;
    if (!parcel)
      throw new BadUserInputError(
        'parcel',
        "give the package's size and weight, or set a default package preset in Settings.",
      );
    return parcel;
  }
}

/**
 * The order as one package of it: `lines` (units of its open lines), or all its open units when none are given.
 * Each line once, each quantity a whole number within the line's open units.
 */
export function packageOf(target: LabelOrder, lines: readonly PackageLine[] | null, field: string): LabelOrder {
  if (lines === null) return target;
  if (lines.length === 0)
    throw new BadUserInputError(field, "give at least one line, or leave it out for all the order's open units.");
  const seen = new Set<string>();
  const open = lines.map(({ lineNumber, quantity }, i) => {
    const found = target.open.find((o) => o.line.lineNumber === lineNumber);
    if (!found)
      throw new BadUserInputError(
        `${field}[${i}].lineNumber`,
        `line ${lineNumber} of order ${target.order.channelOrderId} has no units left to ship (open lines: ${target.open.map((o) => o.line.lineNumber).join(', ')}).`,
      );
    if (seen.has(lineNumber))
      throw new BadUserInputError(`${field}[${i}].lineNumber`, `line ${lineNumber} is given twice; give it once.`);
    seen.add(lineNumber);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > found.quantity)
      throw new BadUserInputError(
        `${field}[${i}].quantity`,
        `must be a whole number from 1 to ${found.quantity} (the units of line ${lineNumber} left to ship).`,
      );
    return { line: found.line, quantity };
  });
  return { ...target, open };
}

function shipToOf(order: OrderEntity): PostalAddress {
  if (!order.shipTo || order.buyerDataRedactedAt)
    throw new ConflictError(`Order ${order.channelOrderId} has no ship-to address (the buyer's data was redacted).`);
  return order.shipTo;
}

/** Each measure positive and within what a parcel carrier takes (150 lb, 108 in). */
export function checkParcel(parcel: LabelParcel, field: string): void {
  const measures: [keyof LabelParcel, number][] = [
    ['lengthIn', 108],
    ['widthIn', 108],
    ['heightIn', 108],
    ['weightOz', 2400],
  ];
  for (const [key, max] of measures) {
    const value = parcel[key];
    if (!Number.isFinite(value) || value <= 0)
      throw new BadUserInputError(`${field}.${key}`, 'must be a number greater than 0.');
    if (value > max)
      throw new BadUserInputError(
        `${field}.${key}`,
        `must be at most ${max} (${key === 'weightOz' ? 'ounces, 150 lb' : 'inches'}), the most a parcel carrier takes.`,
      );
  }
}
