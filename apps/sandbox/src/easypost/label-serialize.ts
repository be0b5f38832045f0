import { addressJson } from './addresses';
import type { LabelFileFormat } from './label-files';
import type { RateRecord, ShipmentRecord } from './labels';
import { CARRIER_ACCOUNTS } from './rating';
import { iso } from './serialize';

const money = (cents: number) => (cents / 100).toFixed(2);

const EXTENSIONS: Readonly<Record<LabelFileFormat, string>> = { PDF: 'pdf', ZPL: 'zpl', PNG: 'png' };
const FILE_TYPES: Readonly<Record<LabelFileFormat, string>> = {
  PDF: 'application/pdf',
  ZPL: 'application/zpl',
  PNG: 'image/png',
};

/** Where the sandbox serves a label file, as EasyPost's label_url points at its file host (no API key needed). */
export function labelFileUrl(filesBase: string, labelId: string, format: LabelFileFormat): string {
  return `${filesBase}/postage_label/${labelId}.${EXTENSIONS[format]}`;
}

/** `pl_….pdf` → the label id and its format, or null. */
export function parseLabelFile(name: string): { labelId: string; format: LabelFileFormat } | null {
  const m = /^(pl_[0-9a-f]{32})\.(pdf|zpl|png)$/.exec(name);
  if (!m) return null;
  const format = (Object.keys(EXTENSIONS) as LabelFileFormat[]).find((f) => EXTENSIONS[f] === m[2]) as LabelFileFormat;
  return { labelId: m[1], format };
}

export function rateJson(r: RateRecord, s: ShipmentRecord, mode: string): Record<string, unknown> {
  return {
    id: r.id,
    object: 'Rate',
    created_at: iso(s.createdAt),
    updated_at: iso(s.createdAt),
    mode,
    service: r.service,
    carrier: r.carrier,
    rate: money(r.cents),
    currency: 'USD',
    retail_rate: money(r.retailCents),
    retail_currency: 'USD',
    list_rate: money(r.cents),
    list_currency: 'USD',
    billing_type: 'easypost',
    delivery_days: r.deliveryDays,
    delivery_date: iso(r.deliveryDate),
    delivery_date_guaranteed: false,
    est_delivery_days: r.deliveryDays,
    shipment_id: s.id,
    carrier_account_id: CARRIER_ACCOUNTS[r.carrier],
  };
}

function postageLabel(s: ShipmentRecord, filesBase: string): Record<string, unknown> | null {
  const b = s.bought;
  if (!b) return null;
  const url = (f: LabelFileFormat) =>
    f === s.labelFormat || b.formats.includes(f) ? labelFileUrl(filesBase, b.labelId, f) : null;
  return {
    object: 'PostageLabel',
    id: b.labelId,
    created_at: iso(b.at),
    updated_at: iso(s.updatedAt),
    date_advance: 0,
    integrated_form: 'none',
    label_date: iso(b.at),
    label_resolution: s.labelFormat === 'ZPL' ? 203 : 300,
    label_size: '4x6',
    label_type: 'default',
    label_file_type: FILE_TYPES[s.labelFormat],
    label_url: labelFileUrl(filesBase, b.labelId, s.labelFormat),
    label_pdf_url: url('PDF'),
    label_zpl_url: url('ZPL'),
    label_epl2_url: null,
    label_file: null,
  };
}

/** The Shipment object as EasyPost's examples show it (create, retrieve, buy, label, refund answer it whole). */
export function shipmentJson(
  s: ShipmentRecord,
  tracker: Record<string, unknown> | null,
  mode: string,
  filesBase: string,
): Record<string, unknown> {
  const selected = s.bought ? s.rates.find((r) => r.id === s.bought?.rateId) : undefined;
  const from = addressJson(s.from, mode);
  const to = addressJson(s.to, mode);
  return {
    id: s.id,
    created_at: iso(s.createdAt),
    is_return: false,
    messages: s.messages,
    mode,
    options: { currency: 'USD', payment: { type: 'SENDER' }, date_advance: 0 },
    reference: s.reference,
    status: 'unknown',
    tracking_code: s.bought?.trackingCode ?? null,
    updated_at: iso(s.updatedAt),
    batch_id: null,
    batch_status: null,
    batch_message: null,
    customs_info: null,
    from_address: from,
    insurance: null,
    order_id: null,
    parcel: {
      id: s.parcel.id,
      object: 'Parcel',
      created_at: iso(s.createdAt),
      updated_at: iso(s.createdAt),
      length: s.parcel.length,
      width: s.parcel.width,
      height: s.parcel.height,
      predefined_package: null,
      weight: s.parcel.weight,
      mode,
    },
    postage_label: postageLabel(s, filesBase),
    rates: s.rates.map((r) => rateJson(r, s, mode)),
    refund_status: s.refund?.status ?? null,
    scan_form: null,
    selected_rate: selected ? rateJson(selected, s, mode) : null,
    tracker,
    to_address: to,
    usps_zone: s.zone,
    return_address: from,
    buyer_address: to,
    forms: [],
    fees: selected
      ? [
          {
            object: 'Fee',
            type: 'PostageFee',
            amount: (selected.cents / 100).toFixed(5),
            charged: true,
            refunded: !!s.refund,
          },
        ]
      : [],
    object: 'Shipment',
  };
}
