import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { carrierNamed, hasValidTracking } from '@order-hub/rules';
import { isCarrierCode, type CarrierCode, type Channel } from '@order-hub/types';
import type { DataSource } from 'typeorm';

interface UncheckedShipment {
  shipment_id: string;
  carrier: string;
  carrier_code: string | null;
  tracking_number: string | null;
  channel_order_id: string;
  customer_order_id: string | null;
}

const BATCH = 5_000;

/** The hub carrier a stored shipment stands for: its code when confirmed through the hub, else the channel's carrier name. */
export function resolvedCarrier(carrier: string, carrierCode: string | null): CarrierCode {
  if (isCarrierCode(carrierCode)) return carrierCode;
  return carrierNamed(carrier) ?? 'OTHER';
}

/**
 * Keeps `compliance_tracking_check` current for the shipments a report reads: a shipment with no verdict, or
 * whose tracking number or carrier changed since, is checked with the rules' `checkTrackingNumber`.
 */
@Injectable()
export class TrackingCheckService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async refresh(channel: Channel, accountId: string | null, shippedFrom: Date, shippedBefore: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const rows: UncheckedShipment[] = await this.ds.query(
        `SELECT s.id AS shipment_id, s.carrier, s.carrier_code, s.tracking_number, o.channel_order_id, o.customer_order_id
           FROM shipment s
           JOIN "order" o ON o.id = s.order_id
           LEFT JOIN compliance_tracking_check c ON c.shipment_id = s.id
          WHERE o.channel = $1 AND ($2::uuid IS NULL OR o.account_id = $2) AND s.shipped_at >= $3 AND s.shipped_at < $4
            AND (c.shipment_id IS NULL OR c.tracking_number IS DISTINCT FROM s.tracking_number OR c.carrier <> s.carrier
                 OR c.carrier_code IS DISTINCT FROM s.carrier_code)
          LIMIT ${BATCH}`,
        [channel, accountId, shippedFrom, shippedBefore],
      );
      if (rows.length === 0) return total;
      await this.save(rows);
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }

  private async save(rows: UncheckedShipment[]): Promise<void> {
    const verdicts = rows.map((r) => {
      const carrier = resolvedCarrier(r.carrier, r.carrier_code);
      const order = { channelOrderId: r.channel_order_id, customerOrderId: r.customer_order_id };
      const valid = hasValidTracking(order, { carrier, trackingNumber: r.tracking_number });
      return { ...r, resolved: carrier, valid };
    });
    await this.ds.query(
      `INSERT INTO compliance_tracking_check (shipment_id, tracking_number, carrier, carrier_code, resolved_carrier, valid)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::boolean[])
       ON CONFLICT (shipment_id) DO UPDATE SET tracking_number = EXCLUDED.tracking_number, carrier = EXCLUDED.carrier,
         carrier_code = EXCLUDED.carrier_code, resolved_carrier = EXCLUDED.resolved_carrier, valid = EXCLUDED.valid, checked_at = now()`,
      [
        verdicts.map((v) => v.shipment_id),
        verdicts.map((v) => v.tracking_number),
        verdicts.map((v) => v.carrier),
        verdicts.map((v) => v.carrier_code),
        verdicts.map((v) => v.resolved),
        verdicts.map((v) => v.valid),
      ],
    );
  }
}
