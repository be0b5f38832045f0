import { carrierScansKnown, lateOriginScanDeadline } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';

/** A supplier's record over a window: its purchase orders' tracking against the clock, and its parcels' first scans. */
export interface SupplierFigures {
  purchaseOrders: number;
  trackingReceived: number;
  onTime: number;
  late: number;
  /** Due and passed with no tracking. */
  missed: number;
  /** Not yet due, no tracking. */
  waiting: number;
  /** Numbers held for review or refused by the rules. */
  rejectedNumbers: number;
  shipments: number;
  /** First carrier scan after the channel's late-origin-scan deadline. */
  lateFirstScans: number;
  /** No carrier scan by the deadline, where the hub hears of scans. */
  neverScanned: number;
}

export const emptyFigures = (): SupplierFigures => ({
  purchaseOrders: 0,
  trackingReceived: 0,
  onTime: 0,
  late: 0,
  missed: 0,
  waiting: 0,
  rejectedNumbers: 0,
  shipments: 0,
  lateFirstScans: 0,
  neverScanned: 0,
});

export interface PurchaseOrderClockRow {
  supplier_id: string;
  tracking_due_at: Date | null;
  tracking_received_at: Date | null;
}

export interface ShipmentScanRow {
  supplier_id: string;
  channel: Channel;
  shipped_at: Date;
  mcf: boolean;
  tracked: boolean;
  first_scan_at: Date | null;
}

const at = (d: Date | string | null) => (d === null ? null : new Date(d));

/** Counts each supplier's figures from its rows as of `now` (the rules decide lateness). */
export function countFigures(
  pos: readonly PurchaseOrderClockRow[],
  shipments: readonly ShipmentScanRow[],
  rejected: readonly { supplier_id: string; n: number }[],
  now: Date,
): Map<string, SupplierFigures> {
  const bySupplier = new Map<string, SupplierFigures>();
  const of = (id: string) => bySupplier.get(id) ?? bySupplier.set(id, emptyFigures()).get(id)!;
  for (const p of pos) {
    const f = of(p.supplier_id);
    const due = at(p.tracking_due_at);
    const received = at(p.tracking_received_at);
    f.purchaseOrders += 1;
    if (received) {
      f.trackingReceived += 1;
      if (due && received > due) f.late += 1;
      else f.onTime += 1;
    } else if (due && due <= now) f.missed += 1;
    else f.waiting += 1;
  }
  for (const s of shipments) {
    const f = of(s.supplier_id);
    const deadline = lateOriginScanDeadline(s.channel, new Date(s.shipped_at));
    const firstScan = at(s.first_scan_at);
    f.shipments += 1;
    if (firstScan) {
      if (firstScan > deadline) f.lateFirstScans += 1;
    } else if (deadline <= now && carrierScansKnown({ channel: s.channel, mcf: s.mcf, trackedByProvider: s.tracked }))
      f.neverScanned += 1;
  }
  for (const r of rejected) of(r.supplier_id).rejectedNumbers += r.n;
  return bySupplier;
}

/** "Acme had 11 purchase orders in 30 days: tracking on time for 2, late for 9, …" — the scorecard in words. */
export function scorecardSentence(name: string, days: number, f: SupplierFigures): string {
  if (f.purchaseOrders === 0) return `${name} had no purchase orders in the last ${days} days.`;
  const due = f.onTime + f.late + f.missed;
  const rate = due ? ` (${Math.round((f.onTime / due) * 100)}% on time)` : '';
  const parts = [
    `tracking on time for ${f.onTime}, late for ${f.late}, never sent for ${f.missed}${rate}`,
    ...(f.waiting ? [`${f.waiting} still waiting`] : []),
    `${f.rejectedNumbers} number${f.rejectedNumbers === 1 ? '' : 's'} held or refused`,
    `${f.lateFirstScans} parcel${f.lateFirstScans === 1 ? '' : 's'} first scanned late`,
    `${f.neverScanned} never scanned`,
  ];
  return `${name} had ${f.purchaseOrders} purchase order${f.purchaseOrders === 1 ? '' : 's'} in the last ${days} days: ${parts.join('; ')}.`;
}

/** "supplier Acme: 9 of 11 tracking numbers late, 2 never scanned" (the plan of action's supplier line). */
export function supplierPlanLine(name: string, f: SupplierFigures): string {
  const late = f.late + f.missed;
  return `supplier ${name}: ${late} of ${f.purchaseOrders} tracking numbers late, ${f.neverScanned} never scanned`;
}
