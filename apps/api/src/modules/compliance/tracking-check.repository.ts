import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel } from '@order-hub/types';
import type { DataSource, EntityManager } from 'typeorm';

/** A shipment with no verdict, or whose tracking number or carrier changed since its verdict. */
export interface UncheckedShipment {
  shipment_id: string;
  carrier: string;
  carrier_code: string | null;
  tracking_number: string | null;
  channel_order_id: string;
  customer_order_id: string | null;
}

export interface TrackingVerdict extends UncheckedShipment {
  resolved: string;
  valid: boolean;
  /** The channel names the carrier (it supports it). */
  supported: boolean;
}

/**
 * The compliance_tracking_check table, and the read-only report SQL over shipments and orders that finds the
 * shipments it lacks (the documented exception for compliance reports: it never writes those tables).
 */
@Injectable()
export class TrackingCheckRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Up to `limit` shipments of the channel (or one account) shipped in [shippedFrom, shippedBefore) needing a verdict. */
  findUnchecked(
    channel: Channel,
    accountId: string | null,
    shippedFrom: Date,
    shippedBefore: Date,
    limit: number,
    em?: EntityManager,
  ): Promise<UncheckedShipment[]> {
    return (em ?? this.ds.manager).query(
      `SELECT s.id AS shipment_id, s.carrier, s.carrier_code, s.tracking_number, o.channel_order_id, o.customer_order_id
         FROM shipment s
         JOIN "order" o ON o.id = s.order_id
         LEFT JOIN compliance_tracking_check c ON c.shipment_id = s.id
        WHERE o.channel = $1 AND ($2::uuid IS NULL OR o.account_id = $2) AND s.shipped_at >= $3 AND s.shipped_at < $4
          AND (c.shipment_id IS NULL OR c.tracking_number IS DISTINCT FROM s.tracking_number OR c.carrier <> s.carrier
               OR c.carrier_code IS DISTINCT FROM s.carrier_code)
        LIMIT ${Number(limit)}`,
      [channel, accountId, shippedFrom, shippedBefore],
    );
  }

  /** Stores the verdicts, replacing earlier ones of the same shipments. */
  async saveVerdicts(verdicts: readonly TrackingVerdict[], em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager).query(
      `INSERT INTO compliance_tracking_check (shipment_id, tracking_number, carrier, carrier_code, resolved_carrier, valid, carrier_supported)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::boolean[], $7::boolean[])
       ON CONFLICT (shipment_id) DO UPDATE SET tracking_number = EXCLUDED.tracking_number, carrier = EXCLUDED.carrier,
         carrier_code = EXCLUDED.carrier_code, resolved_carrier = EXCLUDED.resolved_carrier, valid = EXCLUDED.valid,
         carrier_supported = EXCLUDED.carrier_supported, checked_at = now()`,
      [
        verdicts.map((v) => v.shipment_id),
        verdicts.map((v) => v.tracking_number),
        verdicts.map((v) => v.carrier),
        verdicts.map((v) => v.carrier_code),
        verdicts.map((v) => v.resolved),
        verdicts.map((v) => v.valid),
        verdicts.map((v) => v.supported),
      ],
    );
  }
}
