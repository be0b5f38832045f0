import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AddressMatch, CarrierStatus, TrackerState } from '@order-hub/types';
import { ShipmentTrackerEntity } from './shipment-tracker.entity';

export type { ShipmentTrackerEntity } from './shipment-tracker.entity';

/** A shipment with a tracking number the hub does not follow yet (or follows under a number since corrected). */
export interface UntrackedShipment {
  shipmentId: string;
  orderId: string;
  /** The carrier as the shipment names it (free text for channel imports). */
  carrier: string;
  /** The hub's carrier code, for shipments confirmed through the hub. */
  carrierCode: string | null;
  trackingCode: string;
}

/** A new or replaced tracker row. */
export type NewTracker = Pick<
  ShipmentTrackerEntity,
  'shipmentId' | 'orderId' | 'provider' | 'providerTrackerId' | 'trackingCode' | 'carrier' | 'state'
> &
  Partial<Pick<ShipmentTrackerEntity, 'untrackableReason' | 'nextPollAt' | 'pollFailures' | 'lastError' | 'checkedAt'>>;

/** What a provider's snapshot changes on a tracker row. */
export interface TrackerUpdate {
  shipmentId: string;
  carrier: string;
  state: TrackerState;
  status: CarrierStatus;
  statusDetail: string | null;
  publicUrl: string | null;
  estDeliveryAt: Date | null;
  firstScanAt: Date | null;
  firstAttemptAt: Date | null;
  deliveredAt: Date | null;
  deliveryCity: string | null;
  deliveryState: string | null;
  deliveryZip: string | null;
  deliveryCountry: string | null;
  addressMatch: AddressMatch | null;
  providerUpdatedAt: Date;
  checkedAt: Date;
  nextPollAt: Date | null;
}

/** The tracking number as carriers show it, as cleanTrackingNumber makes it (spaces out, upper case). */
const CLEAN_NUMBER = `upper(regexp_replace(s.tracking_number, '\\s+', '', 'g'))`;

/** Longest wait between two tries of a failing tracker. */
const MAX_BACKOFF_SECONDS = 6 * 3600;

/** The shipment_tracker table: every read and write of it goes through here. */
@Injectable()
export class ShipmentTrackerRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private trackers(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(ShipmentTrackerEntity);
  }

  /**
   * Shipments with a tracking number shipped since `shippedSince` that have no tracker, or whose tracker follows a
   * number the shipment no longer carries: seller shipments from every source and channel imports alike. Newest first.
   */
  async untracked(shippedSince: Date, limit: number, em?: EntityManager): Promise<UntrackedShipment[]> {
    const rows: {
      shipment_id: string;
      order_id: string;
      carrier: string;
      carrier_code: string | null;
      code: string;
    }[] = await (em ?? this.ds.manager).query(
      `SELECT s.id AS shipment_id, s.order_id, s.carrier, s.carrier_code, ${CLEAN_NUMBER} AS code
         FROM shipment s LEFT JOIN shipment_tracker t ON t.shipment_id = s.id
        WHERE s.shipped_at >= $1 AND s.tracking_number IS NOT NULL AND ${CLEAN_NUMBER} <> ''
          AND (t.shipment_id IS NULL OR t.tracking_code <> ${CLEAN_NUMBER})
        ORDER BY s.shipped_at DESC
        LIMIT $2`,
      [shippedSince, limit],
    );
    return rows.map((r) => ({
      shipmentId: r.shipment_id,
      orderId: r.order_id,
      carrier: r.carrier,
      carrierCode: r.carrier_code,
      trackingCode: r.code,
    }));
  }

  /** Inserts trackers, replacing a shipment's earlier one (a corrected number starts over). */
  async put(rows: readonly NewTracker[], em?: EntityManager): Promise<void> {
    if (rows.length === 0) return;
    const manager = em ?? this.ds.manager;
    await manager.delete(ShipmentTrackerEntity, { shipmentId: In(rows.map((r) => r.shipmentId)) });
    await manager.insert(
      ShipmentTrackerEntity,
      rows.map((r) => ({
        pollFailures: 0,
        untrackableReason: null,
        nextPollAt: null,
        lastError: null,
        checkedAt: null,
        ...r,
      })),
    );
  }

  findByShipmentIds(ids: readonly string[], em?: EntityManager): Promise<ShipmentTrackerEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.trackers(em).findBy({ shipmentId: In([...ids]) });
  }

  findByProviderIds(provider: string, ids: readonly string[], em?: EntityManager): Promise<ShipmentTrackerEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.trackers(em).findBy({ provider, providerTrackerId: In([...ids]) });
  }

  /**
   * Trackers of these codes created since `since` (carriers reuse numbers over time, so never older ones); the
   * caller matches the carrier.
   */
  findRecentByCodes(codes: readonly string[], since: Date, em?: EntityManager): Promise<ShipmentTrackerEntity[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.trackers(em)
      .createQueryBuilder('t')
      .where('t.tracking_code IN (:...codes) AND t.created_at >= :since', { codes: [...codes], since })
      .getMany();
  }

  /** Trackers due for a look at the provider (registration retries first), oldest due first. */
  due(now: Date, limit: number, em?: EntityManager): Promise<ShipmentTrackerEntity[]> {
    return this.trackers(em)
      .createQueryBuilder('t')
      .where(`t.next_poll_at <= :now AND t.state IN ('PENDING', 'TRACKING')`, { now })
      .orderBy('t.next_poll_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Applies what the provider reported, one statement for the batch. */
  async update(rows: readonly TrackerUpdate[], em?: EntityManager): Promise<void> {
    if (rows.length === 0) return;
    await (em ?? this.ds.manager).query(
      `UPDATE shipment_tracker t SET
          carrier = v.carrier, state = v.state, status = v.status,
          status_detail = v.status_detail, public_url = v.public_url, est_delivery_at = v.est_delivery_at,
          first_scan_at = v.first_scan_at, first_attempt_at = v.first_attempt_at, delivered_at = v.delivered_at,
          delivery_city = v.delivery_city, delivery_state = v.delivery_state, delivery_zip = v.delivery_zip,
          delivery_country = v.delivery_country, address_match = v.address_match,
          provider_updated_at = v.provider_updated_at, checked_at = v.checked_at, next_poll_at = v.next_poll_at,
          untrackable_reason = NULL, poll_failures = 0, last_error = NULL, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS v(shipment_id uuid, carrier varchar,
              state varchar, status varchar, status_detail varchar, public_url varchar, est_delivery_at timestamptz,
              first_scan_at timestamptz, first_attempt_at timestamptz, delivered_at timestamptz, delivery_city varchar,
              delivery_state varchar, delivery_zip varchar, delivery_country varchar, address_match varchar,
              provider_updated_at timestamptz, checked_at timestamptz, next_poll_at timestamptz)
        WHERE t.shipment_id = v.shipment_id`,
      [
        JSON.stringify(
          rows.map((r) => ({
            shipment_id: r.shipmentId,
            carrier: r.carrier.slice(0, 32),
            state: r.state,
            status: r.status,
            status_detail: r.statusDetail?.slice(0, 64) ?? null,
            public_url: r.publicUrl?.slice(0, 500) ?? null,
            est_delivery_at: r.estDeliveryAt,
            first_scan_at: r.firstScanAt,
            first_attempt_at: r.firstAttemptAt,
            delivered_at: r.deliveredAt,
            delivery_city: r.deliveryCity?.slice(0, 80) ?? null,
            delivery_state: r.deliveryState?.slice(0, 40) ?? null,
            delivery_zip: r.deliveryZip?.slice(0, 16) ?? null,
            delivery_country: r.deliveryCountry?.slice(0, 8) ?? null,
            address_match: r.addressMatch,
            provider_updated_at: r.providerUpdatedAt,
            checked_at: r.checkedAt,
            next_poll_at: r.nextPollAt,
          })),
        ),
      ],
    );
  }

  /**
   * A failed provider call for these trackers: counted, and the next try pushed back exponentially from one
   * minute (1, 2, 4 … minutes, at most six hours).
   */
  async backOff(shipmentIds: readonly string[], error: string, now: Date, em?: EntityManager): Promise<void> {
    if (shipmentIds.length === 0) return;
    await (em ?? this.ds.manager).query(
      `UPDATE shipment_tracker SET poll_failures = poll_failures + 1, last_error = $2,
          next_poll_at = $3::timestamptz + make_interval(secs => least(60 * power(2, poll_failures), $4)),
          updated_at = now()
        WHERE shipment_id = ANY($1::uuid[])`,
      [[...shipmentIds], error.slice(0, 300), now, MAX_BACKOFF_SECONDS],
    );
  }
}
