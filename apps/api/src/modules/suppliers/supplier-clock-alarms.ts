import { Injectable } from '@nestjs/common';
import { orderName, SUPPLIER_TRACKING_WARN_HOURS, supplierTrackingState } from '@order-hub/rules';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';
import { formatTimeLeft } from 'src/modules/alerts/format-time-left';
import { formatInZone } from 'src/modules/print/printable-order';
import { SuppliersRepository } from './suppliers.repository';

export const SUPPLIER_ALARM_KINDS = ['SUPPLIER_TRACKING_DUE_SOON', 'SUPPLIER_TRACKING_MISSED'] as const;

const HOUR_MS = 3_600_000;

/** One key per purchase order and state, so "missed" replaces "due soon" rather than refreshing it. */
export const supplierClockKeys = (poId: string) => ({
  dueSoon: `supplier-tracking:${poId}:due-soon`,
  missed: `supplier-tracking:${poId}:missed`,
});

/**
 * Feeds the compliance alarm scan the supplier clock's alarms: a purchase order whose tracking is due within the
 * rules' warning hours (HIGH), or past due with no tracking (CRITICAL), while its order still waits to ship.
 */
@Injectable()
export class SupplierClockAlarms {
  constructor(private readonly repo: SuppliersRepository) {}

  async due(now: Date): Promise<RaisedAlert[]> {
    const rows = await this.repo.clockCandidates(new Date(now.getTime() + SUPPLIER_TRACKING_WARN_HOURS * HOUR_MS));
    return rows.flatMap((r): RaisedAlert[] => {
      const dueAt = new Date(r.tracking_due_at);
      const state = supplierTrackingState(dueAt, null, now);
      const order = orderName(r.channel, r.channel_order_id);
      const base = { orderId: r.order_id, accountId: r.account_id };
      const due = formatInZone(dueAt, r.time_zone);
      if (state === 'MISSED')
        return [
          {
            ...base,
            kind: 'SUPPLIER_TRACKING_MISSED',
            severity: 'CRITICAL',
            conditionKey: supplierClockKeys(r.id).missed,
            message: `Supplier ${r.supplier_name} has sent no tracking for ${order} (${r.account_name}, purchase order ${r.number}); it was due by ${due}.`,
            action: "Call the supplier for the tracking number, or ship it another way before the order's ship-by.",
          },
        ];
      if (state === 'DUE_SOON')
        return [
          {
            ...base,
            kind: 'SUPPLIER_TRACKING_DUE_SOON',
            severity: 'HIGH',
            conditionKey: supplierClockKeys(r.id).dueSoon,
            message: `Supplier ${r.supplier_name}'s tracking for ${order} (${r.account_name}, purchase order ${r.number}) is due within ${formatTimeLeft(dueAt.getTime() - now.getTime())}, by ${due}.`,
            action: 'Remind the supplier to send the tracking number.',
          },
        ];
      return [];
    });
  }
}
