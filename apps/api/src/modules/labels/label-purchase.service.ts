import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { labelRateRefusal, labelVoidableUntil, orderName, walmartShipmentFor } from '@order-hub/rules';
import type { LabelFormat, LabelParcel, PurchasedLabel } from '@order-hub/types';
import { BadUserInputError, ConflictError } from 'src/common/errors/app-error';
import { ShipService } from 'src/modules/actions/ship.service';
import type { ShipmentInput } from 'src/modules/rules/dto/shipment.input';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { AuditService } from 'src/modules/audit/audit.service';
import { Transactions } from 'src/common/database/transactions';
import { LabelError, type LabelSeller } from './label-seller';
import { labelCall, labelNotRecordedKey, toAppError, wordsOf } from './label-errors';
import { checkParcel, LabelRatesService, packageOf, type LabelOrder } from './label-rates.service';
import { UUID } from 'src/common/validation/uuid';
import { LabelSellers } from './label-sellers';
import type { PackageLine, ShippingLabelEntity } from './shipping-label.entity';
import type { ShipFrom } from './ship-from.service';
import { ShippingLabelRepository } from './shipping-label.repository';

export interface BuyLabelInput {
  orderId: string;
  /** The order version the operator saw; a newer one answers CONFLICT before anything is bought. */
  expectedVersion?: number | null;
  requestToken: string;
  rateId: string;
  parcel: LabelParcel;
  format?: LabelFormat | null;
  /** Which package of the order (0 for the first); one label per package. */
  packageIndex?: number | null;
  /** The corrected address the rates were asked for (`labelRates(shipTo)`); none: the order's ship-to. */
  shipTo?: ShipFrom | null;
  /** The units in this package (as given to `labelRates`); none: all the order's open units. */
  lines?: PackageLine[] | null;
}

/** How long a second click waits for the first one's purchase before answering CONFLICT. */
const WAIT_FOR_FIRST_MS = 20_000;

/**
 * Buys a label once per order, package and quoted rate, stores it, and records the shipment: the channel's own
 * record when the seller confirms it (Amazon Buy Shipping), else a confirmation through the outbox with the carrier
 * and method the channel takes. Nothing is recorded when the purchase fails; a label bought is never lost.
 */
@Injectable()
export class LabelPurchaseService {
  constructor(
    private readonly tx: Transactions,
    private readonly labels: ShippingLabelRepository,
    private readonly orders: LabelRatesService,
    private readonly sellers: LabelSellers,
    private readonly ship: ShipService,
    private readonly audit: AuditService,
    private readonly alerts: AlertsService,
  ) {}

  /** The label bought for `input`, or the one an earlier identical request bought (never a second purchase). */
  async buy(input: BuyLabelInput, actor: string): Promise<ShippingLabelEntity> {
    const packageIndex = input.packageIndex ?? 0;
    const format = input.format ?? 'PDF';
    checkInput(input, packageIndex);
    const key = labelKey(input.orderId, packageIndex, input.requestToken, input.rateId);
    // A purchase of this package its process left unfinished is settled first, so nothing is bought twice.
    await this.recoverStale({ orderId: input.orderId, packageIndex });
    const earlier = await this.labels.findByKey(key);
    if (earlier && earlier.status !== 'FAILED') return this.settled(earlier);

    const target = packageOf(
      await this.orders.load(input.orderId, 'input.orderId'),
      input.lines ?? null,
      'input.lines',
    );
    if (input.expectedVersion != null && input.expectedVersion !== target.order.version)
      throw new ConflictError(
        `Order ${target.order.channelOrderId} changed since its rates were shown (version ${input.expectedVersion} is no longer current, it is ${target.order.version}); reload it and try again.`,
      );
    const held = await this.labels.activeForPackage(target.order.id, packageIndex);
    if (held && held.idempotencyKey !== key)
      throw new ConflictError(
        `Package ${packageIndex + 1} of order ${target.order.channelOrderId} already has a label${held.trackingNumber ? ` (${held.carrierName ?? ''} ${held.trackingNumber})` : ''}; void it before buying another.`,
      );
    const { seller, source } = await labelCall(() => this.sellers.forAccount(target.account));
    // The ship-from and ship-to are checked before anything is bought.
    await this.orders.request(target, input.parcel, input.shipTo ?? null, 'input.shipTo');
    const claimed = await this.labels.claim({
      orderId: target.order.id,
      accountId: target.account.id,
      source,
      idempotencyKey: key,
      requestToken: input.requestToken,
      rateId: input.rateId,
      format,
      parcel: input.parcel,
      packageIndex,
      lines: input.lines ?? null,
      shipToCorrected: Boolean(input.shipTo),
      createdBy: actor,
    });
    if (!claimed) return this.settled((await this.labels.findByKey(key))!);
    return this.complete(claimed, target, seller, actor);
  }

  /**
   * Purchases their process left PENDING (it died during the seller's call): each is asked again under its own
   * idempotency key, which the seller answers with the label it sold then, or sells now; never a second label. All of
   * them (the recovery schedule), or one package's (before another label is bought for it).
   */
  async recoverStale(scope: { orderId: string; packageIndex: number } | null = null): Promise<number> {
    let recovered = 0;
    for (const stale of await this.labels.stalePending(scope)) {
      const label = await this.labels.retakeStale(stale.id);
      if (!label) continue;
      let target: LabelOrder;
      try {
        target = packageOf(await this.orders.load(label.orderId), label.lines, 'lines');
      } catch (err) {
        label.status = 'FAILED';
        label.failure = `The purchase was interrupted and the order can no longer take a label (${wordsOf(err)}). If the seller's account shows a label for it, void it there.`;
        await this.labels.save(label);
        continue;
      }
      try {
        const { seller } = await labelCall(() => this.sellers.forAccount(target.account));
        await this.complete(label, target, seller, label.createdBy);
        recovered += 1;
      } catch {
        // Kept on the label (FAILED with the seller's words), or left PENDING for the next round.
      }
    }
    return recovered;
  }

  /** The seller's purchase for a claimed label, then the label stored and its shipment recorded. */
  private async complete(
    claimed: ShippingLabelEntity,
    target: LabelOrder,
    seller: LabelSeller,
    actor: string,
  ): Promise<ShippingLabelEntity> {
    let bought: PurchasedLabel;
    try {
      bought = await seller.purchase({
        requestToken: claimed.requestToken,
        rateId: claimed.rateId,
        format: claimed.format,
        idempotencyKey: claimed.idempotencyKey,
      });
    } catch (err) {
      claimed.status = 'FAILED';
      claimed.failure = err instanceof LabelError ? err.message : `The label could not be bought: ${wordsOf(err)}`;
      await this.labels.save(claimed);
      throw toAppError(err);
    }
    const purchasedAt = new Date();
    Object.assign(claimed, {
      status: 'PURCHASED',
      providerShipmentId: bought.providerShipmentId,
      carrier: bought.carrier,
      carrierName: bought.carrierName,
      service: bought.service,
      serviceName: bought.serviceName,
      trackingNumber: bought.trackingNumber,
      amountCents: bought.amountCents,
      currency: bought.currency,
      format: bought.format,
      // Empty when the provider sold the label but its file could not be fetched: a reprint fetches it.
      document: bought.document.length > 0 ? Buffer.from(bought.document) : null,
      purchasedAt,
      voidableUntil: labelVoidableUntil(purchasedAt, claimed.source, bought.carrier),
      confirmedByChannel: seller.confirmsShipment,
    } satisfies Partial<ShippingLabelEntity>);
    await this.labels.save(claimed);
    // The rates never offer a carrier the channel refuses; a rate id from elsewhere that buys one is taken back at once.
    const refusal = labelRateRefusal(target.order.channel, {
      ...bought,
      rateId: claimed.rateId,
      deliverBy: null,
      pickUpBy: null,
      deliveryDays: null,
    });
    if (refusal) throw await this.takeBack(claimed, seller, refusal);
    await this.record(claimed, target, seller.confirmsShipment, actor);
    claimed.document = null;
    return claimed;
  }

  /** The shipment for a bought label; a failure is kept on the label, in words, for the operator to act on. */
  private async record(label: ShippingLabelEntity, target: LabelOrder, channelConfirms: boolean, actor: string) {
    const input: ShipmentInput = {
      orderId: target.order.id,
      lines: target.open.map(({ line, quantity }) => ({ lineNumber: line.lineNumber, quantity })),
      carrier: label.carrier!,
      carrierName: label.carrier === 'OTHER' ? label.carrierName : null,
      service: label.serviceName,
      trackingNumber: label.trackingNumber!,
      shippedAt: label.purchasedAt!,
      package: {
        type: 'PARCEL',
        weightOz: label.parcel.weightOz,
        lengthIn: label.parcel.lengthIn,
        widthIn: label.parcel.widthIn,
        heightIn: label.parcel.heightIn,
      },
    };
    try {
      if (channelConfirms) {
        label.shipmentId = (await this.ship.recordChannelConfirmed(input, actor)).id;
      } else {
        // The channel is told the carrier and the method it knows for the service bought (Walmart's methodCode).
        const method = walmartShipmentFor(label.carrier!, label.service ?? '', label.carrierName);
        if (method) input.service = method.methodCode;
        label.shipmentId = (await this.ship.confirmShipment(input, actor)).shipment.id;
      }
    } catch (err) {
      label.failure = `The label was bought (tracking ${label.trackingNumber}), but the shipment could not be recorded: ${wordsOf(err)} Confirm the shipment with this tracking number, or void the label.`;
    }
    await this.tx.run(async (em) => {
      await this.labels.save(label, em);
      // A label bought and not on the order is a parcel that may ship untold: someone must act on it.
      if (!label.shipmentId)
        await this.alerts.raise(
          {
            kind: 'LABEL_NOT_RECORDED',
            severity: 'HIGH',
            conditionKey: labelNotRecordedKey(label.id),
            orderId: label.orderId,
            accountId: label.accountId,
            message: `${orderName(target.order.channel, target.order.channelOrderId)}: ${label.failure}`,
            action: `Confirm the shipment with ${label.carrierName ?? ''} tracking ${label.trackingNumber} (Ship…), or void the label.`,
          },
          em,
        );
      await this.audit.record(em, {
        actor,
        action: 'label.purchased',
        entityType: 'shipping_label',
        entityId: label.id,
        orderId: label.orderId,
        after: {
          carrier: label.carrierName,
          service: label.serviceName,
          trackingNumber: label.trackingNumber,
          amountCents: label.amountCents,
          shipment: label.shipmentId,
          confirmedByChannel: label.confirmedByChannel,
          shipToCorrected: label.shipToCorrected,
          failure: label.failure,
        },
      });
    });
  }

  /** Voids a label the channel would refuse; the answer says so, and whether the void went through. */
  private async takeBack(label: ShippingLabelEntity, seller: LabelSeller, refusal: string): Promise<ConflictError> {
    try {
      const result = await seller.void(label.providerShipmentId!);
      Object.assign(label, {
        status: result.status === 'VOIDED' ? 'VOIDED' : 'VOID_REQUESTED',
        voidedAt: new Date(),
        failure: `${refusal} The label was voided; pick another rate.`,
      } satisfies Partial<ShippingLabelEntity>);
    } catch (err) {
      label.failure = `${refusal} Voiding the label failed too (${wordsOf(err)}); void it from the order page.`;
    }
    await this.labels.save(label);
    return new ConflictError(label.failure!);
  }

  /** What an earlier identical request came to, once its purchase has settled. */
  private async settled(label: ShippingLabelEntity): Promise<ShippingLabelEntity> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    let current = label;
    // Bought but its shipment not recorded yet (neither a shipment nor a failure): the first request is still at it.
    const unsettled = (l: ShippingLabelEntity) =>
      l.status === 'PENDING' || (l.status === 'PURCHASED' && !l.shipmentId && !l.failure);
    while (unsettled(current) && Date.now() < deadline) {
      await sleep(250);
      current = (await this.labels.findById(label.id)) ?? current;
    }
    if (current.status === 'PENDING')
      throw new ConflictError('This label is still being bought by an earlier request; reload the order in a moment.');
    if (current.status === 'FAILED') throw new ConflictError(current.failure ?? 'The label could not be bought.');
    return current;
  }
}

/** One purchase per order, package, rate request and rate. */
export function labelKey(orderId: string, packageIndex: number, requestToken: string, rateId: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([orderId, packageIndex, requestToken, rateId]))
    .digest('hex');
  return `label:${digest}`;
}

function checkInput(input: BuyLabelInput, packageIndex: number): void {
  if (!UUID.test(input.orderId ?? ''))
    throw new BadUserInputError('input.orderId', 'must be an id returned by the API (a UUID).');
  if (!input.requestToken?.trim())
    throw new BadUserInputError('input.requestToken', 'give the requestToken of the rates the rate was picked from.');
  if (!input.rateId?.trim()) throw new BadUserInputError('input.rateId', 'give the rateId of the rate to buy.');
  if (!Number.isInteger(packageIndex) || packageIndex < 0 || packageIndex > 99)
    throw new BadUserInputError('input.packageIndex', 'must be a whole number from 0 to 99.');
  checkParcel(input.parcel, 'input.parcel');
}
