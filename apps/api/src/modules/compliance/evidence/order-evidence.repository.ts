import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboxOperation, OutboxStatus } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import { ORIGIN_COLUMNS, ORIGIN_JOINS, type OriginRow } from './shipment-origin';

export interface CallRow {
  id: string;
  operation: OutboxOperation;
  status: OutboxStatus;
  created_at: Date;
  created_by: string;
  delivered_at: Date | null;
  last_error: string | null;
  discard_reason: string | null;
}

export interface AttemptRow {
  outbox_id: string;
  attempt: number;
  started_at: Date;
  duration_ms: number;
  request: Record<string, unknown> | null;
  response_status: number | null;
  response_body: unknown;
  outcome: string;
  error: string | null;
}

export interface ShipmentRow extends OriginRow {
  id: string;
  carrier: string;
  tracking_number: string | null;
  shipped_at: Date;
  source: string;
}

export interface CarrierEventRow {
  shipment_id: string;
  type: string;
  status: string | null;
  occurred_at: Date;
  source: string;
  description: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
}

export interface TrackerRow {
  shipment_id: string;
  provider: string;
  carrier: string;
  state: string;
  status: string | null;
  status_detail: string | null;
  untrackable_reason: string | null;
  public_url: string | null;
  first_scan_at: Date | null;
  first_attempt_at: Date | null;
  delivered_at: Date | null;
  delivery_city: string | null;
  delivery_state: string | null;
  delivery_zip: string | null;
  delivery_country: string | null;
  address_match: string | null;
  checked_at: Date | null;
  created_at: Date;
}

export interface AuditRow {
  occurred_at: Date;
  actor: string;
  action: string;
  after: Record<string, unknown> | null;
}

/**
 * The evidence record's reads of one order's outbox rows and attempts, shipments (with where each came from),
 * carrier events, trackers and audit trail.
 * Read-only SQL over other modules' tables, the documented exception for compliance reports: it never writes them.
 */
@Injectable()
export class OrderEvidenceRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The order's outbox rows, oldest first. */
  calls(orderId: string): Promise<CallRow[]> {
    return this.ds.query(
      `SELECT id, operation, status, created_at, created_by, delivered_at, last_error, discard_reason FROM outbox WHERE order_id = $1 ORDER BY seq`,
      [orderId],
    );
  }

  /** Every delivery attempt of the order's outbox rows, in time order. */
  attempts(orderId: string): Promise<AttemptRow[]> {
    return this.ds.query(
      `SELECT a.outbox_id, a.attempt, a.started_at, a.duration_ms, a.request, a.response_status, a.response_body, a.outcome, a.error
         FROM outbox_attempt a JOIN outbox o ON o.id = a.outbox_id WHERE o.order_id = $1 ORDER BY a.started_at, a.attempt`,
      [orderId],
    );
  }

  shipments(orderId: string): Promise<ShipmentRow[]> {
    return this.ds.query(
      `SELECT s.id, s.carrier, s.tracking_number, s.shipped_at, s.source, ${ORIGIN_COLUMNS}
         FROM shipment s JOIN "order" o ON o.id = s.order_id ${ORIGIN_JOINS}
        WHERE s.order_id = $1 ORDER BY s.shipped_at, s.created_at`,
      [orderId],
    );
  }

  carrierEvents(orderId: string): Promise<CarrierEventRow[]> {
    return this.ds.query(
      // An event the channel reported without a time is placed when the hub learnt it (its description says so).
      `SELECT shipment_id, type, status, COALESCE(occurred_at, created_at) AS occurred_at, source, description, city, state, zip, country
         FROM carrier_event WHERE order_id = $1 ORDER BY 4, created_at`,
      [orderId],
    );
  }

  /** How the tracking provider follows each of the order's shipments. */
  trackers(orderId: string): Promise<TrackerRow[]> {
    return this.ds.query(
      `SELECT shipment_id, provider, carrier, state, status, status_detail, untrackable_reason, public_url, first_scan_at,
              first_attempt_at, delivered_at, delivery_city, delivery_state, delivery_zip, delivery_country, address_match,
              checked_at, created_at
         FROM shipment_tracker WHERE order_id = $1`,
      [orderId],
    );
  }

  audit(orderId: string): Promise<AuditRow[]> {
    return this.ds.query(
      `SELECT occurred_at, actor, action, after FROM audit_event WHERE order_id = $1 ORDER BY occurred_at`,
      [orderId],
    );
  }
}
