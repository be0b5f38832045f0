import type { PurchaseOrderFormat, PurchaseOrderMethod } from '@order-hub/types';

/** The supplier dialog as typed: numbers stay strings until sent. */
export interface SupplierFormValues {
  name: string;
  contactName: string;
  email: string;
  /** Addresses or @domains the supplier mails from, one per line or separated by commas. */
  senderAddresses: string;
  phone: string;
  leadTimeBusinessDays: string;
  trackingDeadlineHours: string;
  poMethod: PurchaseOrderMethod;
  poFormat: PurchaseOrderFormat;
  active: boolean;
}

export interface SupplierFormInput {
  name: string;
  contactName: string | null;
  email: string | null;
  senderAddresses: string[];
  phone: string | null;
  leadTimeBusinessDays: number;
  trackingDeadlineHours: number;
  poMethod: PurchaseOrderMethod;
  poFormat: PurchaseOrderFormat;
  active: boolean;
}

export interface SupplierLike {
  name: string;
  contactName?: string | null;
  email?: string | null;
  senderAddresses: readonly string[];
  phone?: string | null;
  leadTimeBusinessDays: number;
  trackingDeadlineHours: number;
  poMethod: PurchaseOrderMethod;
  poFormat: PurchaseOrderFormat;
  active: boolean;
}

export const PO_METHOD_WORDS: Record<PurchaseOrderMethod, string> = {
  EMAIL: 'By e-mail (the order attached, with the link)',
  LINK: 'By link only (you send it yourself)',
};
export const PO_FORMAT_WORDS: Record<PurchaseOrderFormat, string> = { CSV: 'CSV file', PDF: 'PDF file' };

export function emptySupplierForm(): SupplierFormValues {
  return {
    name: '',
    contactName: '',
    email: '',
    senderAddresses: '',
    phone: '',
    leadTimeBusinessDays: '2',
    trackingDeadlineHours: '24',
    poMethod: 'EMAIL',
    poFormat: 'CSV',
    active: true,
  };
}

export function supplierFormOf(supplier: SupplierLike): SupplierFormValues {
  return {
    name: supplier.name,
    contactName: supplier.contactName ?? '',
    email: supplier.email ?? '',
    senderAddresses: supplier.senderAddresses.join('\n'),
    phone: supplier.phone ?? '',
    leadTimeBusinessDays: String(supplier.leadTimeBusinessDays),
    trackingDeadlineHours: String(supplier.trackingDeadlineHours),
    poMethod: supplier.poMethod,
    poFormat: supplier.poFormat,
    active: supplier.active,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^@[^\s@]+\.[^\s@]+$/;
const optional = (value: string) => (value.trim() === '' ? null : value.trim());

export function splitAddresses(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : null;
}

/** The input for createSupplier / updateSupplier, or what is wrong by field, in words. */
export function checkSupplierForm(
  values: SupplierFormValues,
):
  | { input: SupplierFormInput; errors: null }
  | { input: null; errors: Partial<Record<keyof SupplierFormValues, string>> } {
  const errors: Partial<Record<keyof SupplierFormValues, string>> = {};
  if (values.name.trim() === '') errors.name = 'Give the supplier a name.';
  const email = optional(values.email);
  if (email && !EMAIL.test(email)) errors.email = `${email} is not an e-mail address.`;
  if (values.poMethod === 'EMAIL' && !email)
    errors.email = 'Purchase orders sent by e-mail need the address to send them to.';
  const senders = splitAddresses(values.senderAddresses);
  const wrong = senders.filter((s) => !EMAIL.test(s) && !DOMAIN.test(s));
  if (wrong.length > 0) {
    errors.senderAddresses = `Not an address or an @domain: ${wrong.join(', ')}.`;
  }
  const lead = wholeNumber(values.leadTimeBusinessDays, 0, 60);
  if (lead === null) errors.leadTimeBusinessDays = 'Lead time is a whole number of business days, 0 to 60.';
  const deadline = wholeNumber(values.trackingDeadlineHours, 0, 240);
  if (deadline === null) errors.trackingDeadlineHours = 'Tracking deadline is a whole number of hours, 0 to 240.';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    errors: null,
    input: {
      name: values.name.trim(),
      contactName: optional(values.contactName),
      email,
      senderAddresses: senders,
      phone: optional(values.phone),
      leadTimeBusinessDays: lead!,
      trackingDeadlineHours: deadline!,
      poMethod: values.poMethod,
      poFormat: values.poFormat,
      active: values.active,
    },
  };
}
