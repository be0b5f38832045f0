import { setTimeout as sleep } from 'node:timers/promises';
import type {
  AddressVerification,
  LabelFormat,
  LabelRateQuote,
  LabelRates,
  PostalAddress,
  PurchasedLabel,
} from '@order-hub/types';
import {
  LabelError,
  type LabelErrorCode,
  type LabelPurchaseRequest,
  type LabelRateRequest,
  type LabelSeller,
  type LabelVoidResult,
} from 'src/modules/labels/label-seller';
import { carrierCodeOf } from './easypost-carriers';
import { isApiError, labelError } from './easypost-label-errors';
import { newEasyPostClient } from './easypost-tracking-provider';

export interface EasyPostLabelSettings {
  apiKey: string;
  /** Ends with `/v2/`. */
  baseUrl: string;
  timeoutMs: number;
}

/** The fields of EasyPost's objects the hub reads (its Shipment, Rate, PostageLabel and Address). */
interface EpRate {
  id: string;
  carrier: string;
  service: string;
  rate: string;
  currency: string;
  delivery_days: number | null;
  est_delivery_days?: number | null;
  delivery_date: string | null;
}
interface EpMessage {
  carrier?: string;
  message?: string;
}
interface EpShipment {
  id: string;
  rates: EpRate[];
  messages: EpMessage[];
  tracking_code: string | null;
  selected_rate: EpRate | null;
  refund_status: 'submitted' | 'refunded' | 'rejected' | null;
  postage_label: {
    label_url: string | null;
    label_file_type: string | null;
    label_pdf_url: string | null;
    label_zpl_url: string | null;
  } | null;
}
interface EpVerification {
  success: boolean;
  errors: { code?: string; field?: string; message?: string }[];
}
interface EpAddress {
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  verifications?: { delivery?: EpVerification; zip4?: EpVerification };
}

/** The parts of EasyPost's client the label seller calls. */
interface EasyPostShippingApi {
  Shipment: {
    create(params: Record<string, unknown>): Promise<EpShipment>;
    retrieve(id: string): Promise<EpShipment>;
    buy(id: string, rateId: string): Promise<EpShipment>;
    convertLabelFormat(id: string, format: string): Promise<EpShipment>;
    refund(id: string): Promise<EpShipment>;
  };
  Address: { create(params: Record<string, unknown>): Promise<EpAddress> };
}

/** Services as people call them; another service reads "<carrier> <service>". */
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  'UPS:Ground': 'UPS Ground',
  'UPS:2ndDayAir': 'UPS 2nd Day Air',
  'UPS:NextDayAir': 'UPS Next Day Air',
  'UPS:3DaySelect': 'UPS 3 Day Select',
  'USPS:GroundAdvantage': 'USPS Ground Advantage',
  'USPS:Priority': 'USPS Priority Mail',
  'USPS:Express': 'USPS Priority Mail Express',
  'FedEx:FEDEX_GROUND': 'FedEx Ground',
  'FedEx:FEDEX_2_DAY': 'FedEx 2Day',
  'FedEx:STANDARD_OVERNIGHT': 'FedEx Standard Overnight',
  'FedEx:GROUND_HOME_DELIVERY': 'FedEx Home Delivery',
  'AmazonShipping:Ground': 'Amazon Shipping Ground',
};

const CARRIER_NAMES: Readonly<Record<string, string>> = {
  AmazonShipping: 'Amazon Shipping',
  DHLExpress: 'DHL Express',
  FedExSmartPost: 'FedEx SmartPost',
  UPSMailInnovations: 'UPS Mail Innovations',
};

const carrierName = (carrier: string) => CARRIER_NAMES[carrier] ?? carrier;
const serviceName = (carrier: string, service: string) =>
  SERVICE_NAMES[`${carrier}:${service}`] ?? `${carrierName(carrier)} ${service}`;

/** What each format's file starts with: a download that is something else (an error page) is no label. */
const MAGIC: Readonly<Record<LabelFormat, string>> = { PDF: '%PDF', PNG: '\u0089PNG', ZPL: '^XA' };

function toEasyPostAddress(a: PostalAddress): Record<string, unknown> {
  const street2 = [a.line2, a.line3].filter((l) => !!l && l.trim() !== '').join(' ');
  return {
    name: a.name,
    street1: a.line1,
    ...(street2 ? { street2 } : {}),
    city: a.city,
    state: a.stateOrRegion,
    zip: a.postalCode,
    country: a.countryCode,
    ...(a.phone ? { phone: a.phone } : {}),
  };
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toUpperCase() === (b ?? '').trim().toUpperCase();

/**
 * Labels through EasyPost's shipping API for channels that do not sell their own (Walmart): a shipment per
 * package rated by the account's carriers, bought by rate, its label downloaded from EasyPost's file host, refunded
 * to void it; addresses verified before buying. The channel is not told: the hub confirms the shipment itself.
 */
export class EasyPostLabelSeller implements LabelSeller {
  readonly confirmsShipment = false;
  private readonly api: EasyPostShippingApi;

  constructor(private readonly settings: EasyPostLabelSettings) {
    this.api = newEasyPostClient(settings.apiKey, settings.baseUrl, settings.timeoutMs) as EasyPostShippingApi;
  }

  async rates(request: LabelRateRequest): Promise<LabelRates> {
    const p = request.parcel;
    const shipment = await this.call('getting rates', 'ADDRESS_UNSERVICEABLE', () =>
      this.api.Shipment.create({
        reference: request.channelOrderId,
        from_address: toEasyPostAddress(request.shipFrom),
        to_address: toEasyPostAddress(request.shipTo),
        parcel: { length: p.lengthIn, width: p.widthIn, height: p.heightIn, weight: p.weightOz },
      }),
    );
    const ineligible = (shipment.messages ?? []).map((m) => ({
      carrierName: carrierName(m.carrier ?? 'EasyPost'),
      serviceName: `All ${carrierName(m.carrier ?? 'EasyPost')} services`,
      reason: m.message ?? 'The carrier gave no rate',
    }));
    const rates = (shipment.rates ?? []).map((r) => this.quote(r));
    if (rates.length === 0) {
      const why = ineligible.map((i) => `${i.carrierName}: ${i.reason}`).join('; ') || 'no carrier quoted a rate';
      const address = ineligible.some((i) => /address|deliver|po box/i.test(i.reason));
      throw new LabelError(
        address ? 'ADDRESS_UNSERVICEABLE' : 'PURCHASE_REFUSED',
        address
          ? `No carrier can deliver this package to the address (${why}). Check the ship-to address.`
          : `No carrier offers a rate for this package (${why}). Check the parcel's size and weight.`,
        why,
      );
    }
    return { requestToken: shipment.id, expiresAt: null, rates, ineligible };
  }

  /**
   * Buys the rate, then downloads the label. A shipment EasyPost already bought with this rate (a second click, a
   * retry after no answer) is the same purchase, never a second one. A label bought whose file could not be
   * downloaded comes back with an empty `document`: it is bought, and `document()` reprints it.
   */
  async purchase(request: LabelPurchaseRequest): Promise<PurchasedLabel> {
    const id = request.requestToken;
    let bought: EpShipment;
    try {
      bought = await pastThrottling(() => this.api.Shipment.buy(id, request.rateId));
    } catch (err) {
      const earlier = await this.boughtBefore(id, request.rateId, err);
      if (!earlier) throw labelError(err, 'buying the label', 'PURCHASE_REFUSED');
      bought = earlier;
    }
    const rate = bought.selected_rate;
    if (!rate || !bought.tracking_code)
      throw new LabelError('PURCHASE_REFUSED', 'EasyPost answered the purchase without a tracking number.', null);
    let document: Uint8Array = new Uint8Array(0);
    try {
      document = await this.download(bought, request.format);
    } catch {
      try {
        document = await this.download(bought, request.format);
      } catch {
        // Bought all the same: the caller stores it and the operator reprints.
      }
    }
    const quote = this.quote(rate);
    return {
      providerShipmentId: bought.id,
      carrier: quote.carrier,
      carrierName: quote.carrierName,
      service: quote.service,
      serviceName: quote.serviceName,
      trackingNumber: bought.tracking_code,
      amountCents: quote.amountCents,
      currency: quote.currency,
      format: request.format,
      document,
    };
  }

  async document(providerShipmentId: string, format: LabelFormat): Promise<Uint8Array> {
    try {
      const shipment = await pastThrottling(() => this.api.Shipment.retrieve(providerShipmentId));
      return await this.download(shipment, format);
    } catch (err) {
      throw labelError(err, 'downloading the label', 'DOCUMENT_FAILED');
    }
  }

  async void(providerShipmentId: string): Promise<LabelVoidResult> {
    let refunded: EpShipment;
    try {
      refunded = await this.call('voiding the label', 'VOID_REFUSED', () =>
        this.api.Shipment.refund(providerShipmentId),
      );
    } catch (err) {
      // A refund EasyPost already took (a retry after no answer, an interrupted void) is that void, not a refusal.
      const earlier = await pastThrottling(() => this.api.Shipment.retrieve(providerShipmentId)).catch(() => null);
      if (earlier?.refund_status === 'refunded') return { status: 'VOIDED' };
      if (earlier?.refund_status === 'submitted') return { status: 'SUBMITTED' };
      throw err;
    }
    if (refunded.refund_status === 'refunded') return { status: 'VOIDED' };
    if (refunded.refund_status === 'submitted') return { status: 'SUBMITTED' };
    throw new LabelError(
      'VOID_REFUSED',
      'The carrier rejected the refund of this label (it may have been used).',
      `refund_status: ${refunded.refund_status}`,
    );
  }

  async verifyAddress(address: PostalAddress): Promise<AddressVerification> {
    const checked = await this.call('verifying the address', 'ADDRESS_UNSERVICEABLE', () =>
      this.api.Address.create({ ...toEasyPostAddress(address), verify: ['delivery'] }),
    );
    const delivery = checked.verifications?.delivery;
    if (!delivery) return { verified: false, suggested: null, problems: ['EasyPost did not verify the address'] };
    const problems = delivery.errors.map((e) => e.message ?? e.code ?? 'The address could not be verified');
    if (!delivery.success) return { verified: false, suggested: null, problems };
    const suggested: PostalAddress = {
      ...address,
      line1: checked.street1 ?? address.line1,
      line2: checked.street2 ? checked.street2 : null,
      line3: null,
      city: checked.city ?? address.city,
      stateOrRegion: checked.state ?? address.stateOrRegion,
      postalCode: checked.zip ?? address.postalCode,
      countryCode: checked.country ?? address.countryCode,
    };
    const changed =
      !same(suggested.line1, address.line1) ||
      !same(suggested.line2, [address.line2, address.line3].filter(Boolean).join(' ')) ||
      !same(suggested.city, address.city) ||
      !same(suggested.stateOrRegion, address.stateOrRegion) ||
      !same(suggested.postalCode, address.postalCode);
    return { verified: true, suggested: changed ? suggested : null, problems };
  }

  private quote(r: EpRate): LabelRateQuote {
    const days = r.delivery_days ?? r.est_delivery_days ?? null;
    return {
      rateId: r.id,
      carrier: carrierCodeOf(r.carrier),
      carrierName: carrierName(r.carrier),
      service: r.service,
      serviceName: serviceName(r.carrier, r.service),
      amountCents: Math.round(Number(r.rate) * 100),
      currency: r.currency,
      deliverBy: r.delivery_date ? new Date(r.delivery_date).toISOString() : null,
      pickUpBy: null,
      deliveryDays: days,
    };
  }

  /** After a failed buy: the shipment as EasyPost has it, when it was bought with this rate after all. */
  private async boughtBefore(id: string, rateId: string, err: unknown): Promise<EpShipment | null> {
    const unclear = !isApiError(err) || err.statusCode >= 500 || err.code === 'SHIPMENT.POSTAGE.EXISTS';
    if (!unclear) return null;
    try {
      const shipment = await pastThrottling(() => this.api.Shipment.retrieve(id));
      return shipment.selected_rate?.id === rateId && shipment.tracking_code ? shipment : null;
    } catch {
      return null;
    }
  }

  /** The label file in `format`: the purchase's own file, else EasyPost converts it first. */
  private async download(shipment: EpShipment, format: LabelFormat): Promise<Uint8Array> {
    const own = shipment.postage_label;
    const ownFormat =
      own?.label_file_type === 'application/pdf' ? 'PDF' : own?.label_file_type === 'image/png' ? 'PNG' : 'ZPL';
    let url =
      own && ownFormat === format
        ? own.label_url
        : format === 'PDF'
          ? own?.label_pdf_url
          : format === 'ZPL'
            ? own?.label_zpl_url
            : null;
    if (!url) {
      const converted = await pastThrottling(() => this.api.Shipment.convertLabelFormat(shipment.id, format));
      const label = converted.postage_label;
      url = format === 'PDF' ? label?.label_pdf_url : format === 'ZPL' ? label?.label_zpl_url : label?.label_url;
    }
    if (!url)
      throw new LabelError(
        'DOCUMENT_FAILED',
        `EasyPost has no ${format} file of this label. Reprint it in another format.`,
      );
    let bytes: Uint8Array;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.settings.timeoutMs) });
      if (!res.ok)
        throw new LabelError(
          'DOCUMENT_FAILED',
          'The label file could not be downloaded from EasyPost. Reprint it in a moment.',
          `HTTP ${res.status} from the label file host`,
        );
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      if (err instanceof LabelError) throw err;
      throw new LabelError(
        'DOCUMENT_FAILED',
        'The label file could not be downloaded from EasyPost. Reprint it in a moment.',
        err instanceof Error ? err.message : String(err),
      );
    }
    if (Buffer.from(bytes.subarray(0, MAGIC[format].length)).toString('latin1') !== MAGIC[format])
      throw new LabelError('DOCUMENT_FAILED', `The file EasyPost handed out is not a ${format} label. Reprint it.`);
    return bytes;
  }

  private async call<T>(action: string, otherwise: LabelErrorCode, fn: () => Promise<T>): Promise<T> {
    try {
      return await pastThrottling(fn);
    } catch (err) {
      throw labelError(err, action, otherwise);
    }
  }
}

/** Waits before asking again after a 429: EasyPost refused the call unprocessed, so asking again buys nothing twice. */
const THROTTLE_WAITS_MS = [1_000, 2_000, 4_000];

/**
 * The call, asked again while EasyPost answers 429 (its request budget is shared with the tracker polling), up to
 * three more times; any other failure, or a fourth 429, is the caller's to word.
 */
async function pastThrottling<T>(fn: () => Promise<T>): Promise<T> {
  for (const wait of THROTTLE_WAITS_MS) {
    try {
      return await fn();
    } catch (err) {
      if (!isApiError(err) || err.statusCode !== 429) throw err;
      await sleep(wait);
    }
  }
  return fn();
}
