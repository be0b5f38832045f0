import type { PurchaseOrderView, SupplierView, TrackingIntakeView } from '../api/supplier-views';

export const NOW = Date.parse('2026-12-04T12:00:00.000Z');
export const hoursFromNow = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

export function supplierOf(overrides: Partial<SupplierView> = {}): SupplierView {
  return {
    id: 'sup-1',
    name: 'Acme Toys',
    contactName: 'Ada',
    email: 'po@acme.test',
    senderAddresses: ['ship@acme.test', '@acme-logistics.test'],
    phone: null,
    leadTimeBusinessDays: 2,
    trackingDeadlineHours: 24,
    poMethod: 'EMAIL',
    poFormat: 'CSV',
    active: true,
    ...overrides,
  };
}

export function purchaseOrderOf(overrides: Partial<PurchaseOrderView> = {}): PurchaseOrderView {
  return {
    id: 'po-1',
    number: 'PO-261204-1',
    status: 'SENT',
    method: 'EMAIL',
    format: 'CSV',
    sentAt: hoursFromNow(-20),
    sentTo: 'po@acme.test',
    trackingDueAt: hoursFromNow(5.5),
    trackingReceivedAt: null,
    linkExpiresAt: hoursFromNow(14 * 24),
    trackingState: 'WAITING',
    supplier: { id: 'sup-1', name: 'Acme Toys' },
    order: {
      id: 'ord-1',
      channel: 'WALMART',
      channelOrderId: '108829012345678',
      account: { timeZone: 'America/Chicago' },
    },
    ...overrides,
  };
}

export function intakeOf(overrides: Partial<TrackingIntakeView> = {}): TrackingIntakeView {
  return {
    id: 'in-1',
    via: 'MAIL',
    status: 'HELD',
    carrier: 'UPS',
    carrierName: null,
    trackingNumber: '1Z999AA10123456784',
    reasons: [
      {
        code: 'TWO_ORDERS',
        field: 'mail',
        message: 'The e-mail names two orders: 108829012345678 and 108829012345679.',
        severity: 'HOLD',
      },
    ],
    createdAt: hoursFromNow(-1),
    decidedBy: null,
    decidedAt: null,
    note: null,
    mailId: 'mail-1',
    orderId: 'ord-1',
    supplierId: 'sup-1',
    ...overrides,
  };
}
