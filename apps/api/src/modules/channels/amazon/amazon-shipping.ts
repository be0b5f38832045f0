import { createHmac, timingSafeEqual } from 'node:crypto';
import { labelCarrierCode } from '@order-hub/rules';
import type {
  LabelFormat,
  LabelItem,
  LabelRateQuote,
  LabelRates,
  PostalAddress,
  PurchasedLabel,
} from '@order-hub/types';
import { ChannelError } from 'src/modules/channels/channel-error';
import {
  LabelError,
  type LabelPurchaseRequest,
  type LabelRateRequest,
  type LabelSeller,
  type LabelVoidResult,
} from 'src/modules/labels/label-seller';
import type { AmazonClient } from './amazon-client';

const BASE = '/shipping/v2';
/** Amazon: "You must complete the purchase within 10 minutes of rate creation" (purchaseShipment, shippingV2.json). */
export const REQUEST_TOKEN_TTL_MS = 10 * 60_000;
/** The hub rates one package per request, so every shipment has this one package. */
const PACKAGE_REF = '1';
const DAY_MS = 86_400_000;

interface AmazonMoney {
  value: number;
  unit: string;
}
interface AmazonWindow {
  start?: string;
  end?: string;
}
interface AmazonRate {
  rateId: string;
  carrierId: string;
  carrierName: string;
  serviceId: string;
  serviceName: string;
  totalCharge: AmazonMoney;
  promise: { pickupWindow?: AmazonWindow; deliveryWindow?: AmazonWindow };
  requiresAdditionalInputs: boolean;
}
interface AmazonIneligibleRate {
  carrierName: string;
  serviceName: string;
  ineligibilityReasons: { code: string; message: string }[];
}
interface AmazonDocument {
  type: string;
  format: string;
  contents: string;
}
interface AmazonPackageDocuments {
  packageClientReferenceId: string;
  trackingId?: string;
  packageDocuments: AmazonDocument[];
}

/** Amazon's ineligibility codes in the operator's words. */
const INELIGIBLE: Readonly<Record<string, string>> = {
  NO_COVERAGE: 'Does not deliver to this address',
  PICKUP_SLOT_RESTRICTION: 'No pick-up slot available',
  UNSUPPORTED_VAS: 'Does not offer a requested extra service',
  VAS_COMBINATION_RESTRICTION: 'Cannot combine the requested extra services',
  SIZE_RESTRICTIONS: 'The package is too large for this service',
  WEIGHT_RESTRICTIONS: 'The package is too heavy for this service',
  LATE_DELIVERY: 'Cannot deliver by the promised date',
  PROGRAM_CONSTRAINTS: 'Not available for this order',
  TERMS_AND_CONDITIONS_NOT_ACCEPTED: "The carrier's terms have not been accepted in Seller Central",
};

/**
 * The hub's rate id carries what the purchase answer leaves out (carrier, service, price), so a purchase needs no
 * memory of the rates call and works on any instance: `<Amazon rateId>~<base64url JSON>~<HMAC>`. The HMAC (keyed with
 * the seller's LWA client secret, which never leaves the server) keeps a forged price out of the label's record.
 * Only the Amazon rate id is sent back to Amazon.
 */
interface RateFacts {
  c: string;
  cn: string;
  s: string;
  sn: string;
  a: number;
  u: string;
}

class RateIds {
  constructor(private readonly key: string) {}

  private sign(text: string): string {
    return createHmac('sha256', this.key).update(text).digest().subarray(0, 16).toString('base64url');
  }

  encode(rateId: string, facts: RateFacts): string {
    const text = `${rateId}~${Buffer.from(JSON.stringify(facts)).toString('base64url')}`;
    return `${text}~${this.sign(text)}`;
  }

  /** Null when the id is not one this seller's rates call handed out. */
  decode(id: string): { rateId: string; facts: RateFacts } | null {
    const parts = id.split('~');
    if (parts.length < 3) return null;
    const mac = parts.pop() as string;
    const encoded = parts.pop() as string;
    const rateId = parts.join('~');
    const expected = Buffer.from(this.sign(`${rateId}~${encoded}`));
    if (expected.length !== Buffer.byteLength(mac) || !timingSafeEqual(expected, Buffer.from(mac))) return null;
    try {
      return { rateId, facts: JSON.parse(Buffer.from(encoded, 'base64url').toString()) as RateFacts };
    } catch {
      return null;
    }
  }
}

function address(a: PostalAddress) {
  return {
    name: a.name.slice(0, 50),
    addressLine1: a.line1.slice(0, 60),
    ...(a.line2 ? { addressLine2: a.line2.slice(0, 60) } : {}),
    ...(a.line3 ? { addressLine3: a.line3.slice(0, 60) } : {}),
    city: a.city,
    stateOrRegion: a.stateOrRegion,
    postalCode: a.postalCode,
    countryCode: a.countryCode,
    ...(a.phone ? { phoneNumber: a.phone.slice(0, 20) } : {}),
  };
}

const dollars = (cents: number) => Math.round(cents) / 100;

function packageOf(request: LabelRateRequest) {
  const { parcel, items } = request;
  const currency = items[0]?.currency ?? 'USD';
  const value = items.reduce((sum, i) => sum + i.unitValueCents * i.quantity, 0);
  return {
    packageClientReferenceId: PACKAGE_REF,
    dimensions: { length: parcel.lengthIn, width: parcel.widthIn, height: parcel.heightIn, unit: 'INCH' },
    weight: { value: parcel.weightOz, unit: 'OUNCE' },
    insuredValue: { value: dollars(value), unit: currency },
    items: items.map((i: LabelItem) => ({
      itemIdentifier: i.channelLineId,
      quantity: i.quantity,
      description: i.title.slice(0, 200),
      itemValue: { value: dollars(i.unitValueCents), unit: i.currency },
    })),
  };
}

/** Calendar days from the pick-up day to the delivery day, as the promise's windows say. */
function transitDays(r: AmazonRate): number | null {
  const from = r.promise.pickupWindow?.start ?? r.promise.pickupWindow?.end;
  const to = r.promise.deliveryWindow?.end;
  if (!from || !to) return null;
  const day = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);
  return Math.max(0, day(to) - day(from));
}

function quote(r: AmazonRate, ids: RateIds): LabelRateQuote {
  const amountCents = Math.round(r.totalCharge.value * 100);
  const facts: RateFacts = {
    c: r.carrierId,
    cn: r.carrierName,
    s: r.serviceId,
    sn: r.serviceName,
    a: amountCents,
    u: r.totalCharge.unit,
  };
  return {
    rateId: ids.encode(r.rateId, facts),
    carrier: labelCarrierCode(r.carrierId, r.carrierName),
    carrierName: r.carrierName,
    service: r.serviceId,
    serviceName: r.serviceName,
    amountCents,
    currency: r.totalCharge.unit,
    deliverBy: r.promise.deliveryWindow?.end ?? null,
    pickUpBy: r.promise.pickupWindow?.end ?? null,
    deliveryDays: transitDays(r),
  };
}

type Stage = 'rates' | 'purchase' | 'document' | 'void';

/** Amazon's refusal (a ChannelError from the client) as a LabelError in the operator's words. */
export function labelErrorOf(err: unknown, stage: Stage): LabelError {
  if (err instanceof LabelError) return err;
  if (!(err instanceof ChannelError)) throw err;
  const said = err.message;
  if (err.details.code === 'TOKEN_EXPIRED')
    return new LabelError(
      'RATE_EXPIRED',
      'These rates have expired (Amazon keeps them for 10 minutes). Get the rates again and choose one.',
      said,
    );
  switch (err.kind) {
    case 'AUTH':
      return new LabelError(
        'NOT_CONFIGURED',
        `This Amazon account's authorization does not allow Buy Shipping (${said}). Reconnect the account with the shipping role.`,
        said,
      );
    case 'INVALID_REQUEST':
    case 'NOT_FOUND':
      break;
    case 'THROTTLED':
    case 'SERVER':
    case 'NETWORK':
      if (stage === 'document')
        return new LabelError(
          'DOCUMENT_FAILED',
          `The label was bought but Amazon could not send its document (${said}). Reprint it in a moment.`,
          said,
        );
      return new LabelError(
        'UNAVAILABLE',
        `Amazon Buy Shipping did not answer (${said}). ${stage === 'void' ? 'The label is not cancelled' : 'Nothing was bought'}; try again.`,
        said,
      );
  }
  switch (stage) {
    case 'rates':
      return /ship(To|From)|address|postalCode|city|stateOrRegion/i.test(said)
        ? new LabelError('ADDRESS_UNSERVICEABLE', `Amazon cannot ship with this address: ${said}`, said)
        : new LabelError('PURCHASE_REFUSED', `Amazon refused the rate request: ${said}`, said);
    case 'purchase':
      return new LabelError('PURCHASE_REFUSED', `Amazon refused to sell this label: ${said}`, said);
    case 'document':
      return new LabelError('DOCUMENT_FAILED', `Amazon did not send the label's document: ${said}`, said);
    case 'void':
      return new LabelError('VOID_REFUSED', `Amazon refused to cancel the label: ${said}`, said);
  }
}

function labelDocument(details: AmazonPackageDocuments | undefined, format: LabelFormat): Uint8Array | null {
  const doc =
    details?.packageDocuments.find((d) => d.type === 'LABEL' && d.format === format) ??
    details?.packageDocuments.find((d) => d.type === 'LABEL');
  return doc ? new Uint8Array(Buffer.from(doc.contents, 'base64')) : null;
}

/**
 * Amazon Buy Shipping (Shipping API v2) for one seller, over the seller's SP-API client. Every call is retried only
 * on 429: a label is money. Amazon confirms the order's shipment itself when a label is bought for it.
 */
export class AmazonShipping implements LabelSeller {
  readonly confirmsShipment = true;

  private readonly ids: RateIds;

  /** `rateKey`: a server-side secret of the seller's (the LWA client secret) that signs the hub's rate ids. */
  constructor(
    private readonly client: AmazonClient,
    rateKey: string,
  ) {
    this.ids = new RateIds(`amazon-buy-shipping:${rateKey}`);
  }

  async rates(request: LabelRateRequest): Promise<LabelRates> {
    const body = {
      shipFrom: address(request.shipFrom),
      packages: [packageOf(request)],
      channelDetails: { channelType: 'AMAZON', amazonOrderDetails: { orderId: request.channelOrderId } },
    };
    const startedAt = Date.now();
    const res = await this.client
      .once('getRates', 'POST', `${BASE}/shipments/rates`, body)
      .catch((err: unknown) => Promise.reject(labelErrorOf(err, 'rates')));
    const payload = (
      res.body as { payload: { requestToken: string; rates: AmazonRate[]; ineligibleRates?: AmazonIneligibleRate[] } }
    ).payload;
    const ineligible = (payload.ineligibleRates ?? []).map((r) => ({
      carrierName: r.carrierName,
      serviceName: r.serviceName,
      reason:
        r.ineligibilityReasons.map((x) => INELIGIBLE[x.code] ?? x.message).join('; ') || 'Not offered for this package',
    }));
    const buyable = payload.rates.filter((r) => !r.requiresAdditionalInputs);
    for (const r of payload.rates.filter((x) => x.requiresAdditionalInputs))
      ineligible.push({
        carrierName: r.carrierName,
        serviceName: r.serviceName,
        reason: 'Needs extra details the hub does not collect (buy it in Seller Central)',
      });
    const codes = (payload.ineligibleRates ?? []).flatMap((r) => r.ineligibilityReasons.map((x) => x.code));
    if (buyable.length === 0 && codes.length > 0 && codes.every((c) => c === 'NO_COVERAGE'))
      throw new LabelError(
        'ADDRESS_UNSERVICEABLE',
        `No carrier on Amazon Buy Shipping delivers to ${request.shipTo.city}, ${request.shipTo.stateOrRegion} ${request.shipTo.postalCode}. Check the ship-to address.`,
        (payload.ineligibleRates ?? []).map((r) => r.ineligibilityReasons[0]?.message).join('; '),
      );
    return {
      requestToken: payload.requestToken,
      expiresAt: new Date(startedAt + REQUEST_TOKEN_TTL_MS).toISOString(),
      rates: buyable.map((r) => quote(r, this.ids)),
      ineligible,
    };
  }

  async purchase(request: LabelPurchaseRequest): Promise<PurchasedLabel> {
    const decoded = this.ids.decode(request.rateId);
    if (!decoded)
      throw new LabelError('RATE_EXPIRED', 'This rate is not one the hub quoted. Get the rates again and choose one.');
    const { rateId, facts } = decoded;
    const body = {
      requestToken: request.requestToken,
      rateId,
      requestedDocumentSpecification: {
        format: request.format,
        size: { width: 4, length: 6, unit: 'INCH' },
        needFileJoining: false,
        requestedDocumentTypes: ['LABEL'],
      },
    };
    const res = await this.client
      .once('purchaseShipment', 'POST', `${BASE}/shipments`, body, { 'x-amzn-IdempotencyKey': request.idempotencyKey })
      .catch((err: unknown) => Promise.reject(labelErrorOf(err, 'purchase')));
    const payload = (res.body as { payload: { shipmentId: string; packageDocumentDetails: AmazonPackageDocuments[] } })
      .payload;
    const details = payload.packageDocumentDetails[0];
    // Bought: a document missing from the answer is fetched again; failing that it is empty and reprinted later.
    const document =
      labelDocument(details, request.format) ??
      (await this.document(payload.shipmentId, request.format).catch(() => new Uint8Array(0)));
    return {
      providerShipmentId: payload.shipmentId,
      carrier: labelCarrierCode(facts.c, facts.cn),
      carrierName: facts.cn,
      service: facts.s,
      serviceName: facts.sn,
      trackingNumber: details?.trackingId ?? '',
      amountCents: facts.a,
      currency: facts.u,
      format: request.format,
      document,
    };
  }

  async document(providerShipmentId: string, format: LabelFormat): Promise<Uint8Array> {
    const query = new URLSearchParams({ packageClientReferenceId: PACKAGE_REF, format });
    const res = await this.client
      .once(
        'getShipmentDocuments',
        'GET',
        `${BASE}/shipments/${encodeURIComponent(providerShipmentId)}/documents?${query.toString()}`,
      )
      .catch((err: unknown) => Promise.reject(labelErrorOf(err, 'document')));
    const payload = (res.body as { payload: { packageDocumentDetail: AmazonPackageDocuments } }).payload;
    const bytes = labelDocument(payload.packageDocumentDetail, format);
    if (!bytes)
      throw new LabelError('DOCUMENT_FAILED', 'Amazon answered without the label document. Reprint it later.');
    return bytes;
  }

  async void(providerShipmentId: string): Promise<LabelVoidResult> {
    await this.client
      .once('cancelShipment', 'PUT', `${BASE}/shipments/${encodeURIComponent(providerShipmentId)}/cancel`)
      .catch((err: unknown) => Promise.reject(labelErrorOf(err, 'void')));
    return { status: 'VOIDED' };
  }
}
