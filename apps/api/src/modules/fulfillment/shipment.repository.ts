import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel } from '@order-hub/types';
import { DataSource, In, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import { ORIGIN_COLUMNS, ORIGIN_JOINS, type OriginRow } from 'src/modules/compliance/evidence/shipment-origin';
import { ShipmentLineEntity } from './shipment-line.entity';
import { ShipmentEntity } from './shipment.entity';

/** The rows this repository returns, for modules that hold them (they never query the table). */
export type { ShipmentLineEntity } from './shipment-line.entity';
export type { ShipmentEntity } from './shipment.entity';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the shipment table. */
const CHUNK = 500;

/** The tracking number as carriers show it, as cleanTrackingNumber makes it (spaces out, upper case). */
const CLEAN_NUMBER = `upper(regexp_replace(s.tracking_number, '\\s+', '', 'g'))`;

/** A new shipment's columns; `id` only when it is recorded again under the id it had (a resent confirmation). */
export type NewShipment = Omit<ShipmentEntity, 'id' | 'order' | 'createdAt'> & { id?: string };

/** The columns of a shipment a tracking correction changes. */
export type ShipmentTracking = Pick<
  ShipmentEntity,
  'carrier' | 'carrierCode' | 'trackingNumber' | 'trackingUrl' | 'service'
>;

/** How much of an order line a shipment carries. */
export interface ShippedQuantity {
  orderLineId: string;
  quantity: number;
}

/** A shipment the carrier has not scanned, with what the late-origin-scan alarm says about its order. */
export interface ShipmentAwaitingScan extends OriginRow {
  id: string;
  order_id: string;
  account_id: string;
  channel: Channel;
  channel_order_id: string;
  carrier: string;
  tracking_number: string;
  shipped_at: Date;
  mcf: boolean;
  /** The tracking provider's tracker of it (TRACKING or DONE), if it follows it. */
  tracker_state: string | null;
  /** When the hub last heard from the provider about it. */
  tracker_checked_at: Date | null;
}

/** A delivered parcel whose carrier location is not the order's ship-to (the tracker's address_match). */
export interface ShipmentDeliveredElsewhere {
  id: string;
  order_id: string;
  account_id: string;
  channel: Channel;
  channel_order_id: string;
  carrier: string;
  tracking_number: string;
  delivered_at: Date;
  delivery_city: string | null;
  delivery_state: string | null;
  delivery_zip: string | null;
  delivery_country: string | null;
  ship_to_city: string | null;
  ship_to_state: string | null;
  ship_to_zip: string | null;
  ship_to_country: string | null;
}

/** A shipment whose tracking number is also on another order's shipment. */
export interface SharedTrackingNumber {
  order_id: string;
  account_id: string;
  channel: Channel;
  channel_order_id: string;
  tracking_number: string;
  shipped_at: Date;
}

/** The shipment and shipment_line tables: every read and write of them goes through here. */
@Injectable()
export class ShipmentRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private shipments(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(ShipmentEntity);
  }

  private lines(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(ShipmentLineEntity);
  }

  findById(id: string, em?: EntityManager): Promise<ShipmentEntity | null> {
    return this.shipments(em).findOneBy({ id });
  }

  findByIdOrFail(id: string, em?: EntityManager): Promise<ShipmentEntity> {
    return this.shipments(em).findOneByOrFail({ id });
  }

  /** The shipment only when it belongs to the order. */
  findOnOrder(id: string, orderId: string, em?: EntityManager): Promise<ShipmentEntity | null> {
    return this.shipments(em).findOneBy({ id, orderId });
  }

  countByOrder(orderId: string, em?: EntityManager): Promise<number> {
    return this.shipments(em).count({ where: { orderId } });
  }

  /** Which of the orders have at least one shipment. */
  async orderIdsWithShipments(orderIds: readonly string[], em?: EntityManager): Promise<Set<string>> {
    if (orderIds.length === 0) return new Set();
    const rows = await this.shipments(em).find({ select: { orderId: true }, where: { orderId: In([...orderIds]) } });
    return new Set(rows.map((s) => s.orderId));
  }

  /** The lines a shipment carries, each with its order line (line number, SKU). */
  findLinesWithOrderLines(shipmentId: string, em?: EntityManager): Promise<ShipmentLineEntity[]> {
    return this.lines(em).find({ where: { shipmentId }, relations: { orderLine: true } });
  }

  findLines(shipmentId: string, em?: EntityManager): Promise<ShipmentLineEntity[]> {
    return this.lines(em).find({ where: { shipmentId } });
  }

  /** What an import matches incoming packages on: each shipment's order, tracking number and ship time. */
  findImportKeysByOrders(
    orderIds: string[],
    em?: EntityManager,
  ): Promise<Pick<ShipmentEntity, 'id' | 'orderId' | 'trackingNumber' | 'shippedAt'>[]> {
    return this.shipments(em).find({
      select: { id: true, orderId: true, trackingNumber: true, shippedAt: true },
      where: { orderId: In(orderIds) },
    });
  }

  /** Shipments of other orders shipped since `since` with one of these tracking numbers, each with its order. */
  findTrackingUses(
    trackingNumbers: string[],
    exceptOrderId: string,
    since: Date,
    limit: number,
    em?: EntityManager,
  ): Promise<ShipmentEntity[]> {
    return this.shipments(em).find({
      where: { trackingNumber: In(trackingNumbers), orderId: Not(exceptOrderId), shippedAt: MoreThanOrEqual(since) },
      relations: { order: true },
      take: limit,
    });
  }

  /** Records a shipment with its lines (a confirmation through the hub); returns it as saved. */
  async create(shipment: NewShipment, lines: ShippedQuantity[], em?: EntityManager): Promise<ShipmentEntity> {
    const saved = await this.shipments(em).save(this.shipments(em).create(shipment));
    await this.lines(em).insert(
      lines.map((l) => ({ shipmentId: saved.id, orderLineId: l.orderLineId, quantity: l.quantity })),
    );
    return saved;
  }

  /** Records a shipment again under the id it had, with its lines (a refused confirmation sent again). */
  async restore(shipment: NewShipment & { id: string }, lines: ShippedQuantity[], em?: EntityManager): Promise<void> {
    await this.shipments(em).insert(shipment);
    await this.lines(em).insert(
      lines.map((l) => ({ shipmentId: shipment.id, orderLineId: l.orderLineId, quantity: l.quantity })),
    );
  }

  /** Shipments and lines an import brings, in chunks (ids chosen by the caller). */
  async insertImported(
    shipments: Partial<ShipmentEntity>[],
    lines: Partial<ShipmentLineEntity>[],
    em?: EntityManager,
  ): Promise<void> {
    await insertChunked(em ?? this.ds.manager, ShipmentEntity, shipments);
    await insertChunked(em ?? this.ds.manager, ShipmentLineEntity, lines);
  }

  updateTracking(id: string, tracking: Partial<ShipmentTracking>, em?: EntityManager): Promise<unknown> {
    return this.shipments(em).update(id, tracking);
  }

  /** Writes the changed columns of a shipment the caller loaded. */
  save(shipment: ShipmentEntity, em?: EntityManager): Promise<ShipmentEntity> {
    return this.shipments(em).save(shipment);
  }

  /** Deletes a shipment (its lines and carrier events go with it). */
  async delete(id: string, em?: EntityManager): Promise<void> {
    await this.shipments(em).delete(id);
  }

  /**
   * LATE_ORIGIN_SCAN candidates: shipments with a tracking number shipped between `shippedFrom` and `shippedTo`,
   * of orders the seller fulfils itself, with no carrier scan, attempt or delivery by `now`, that the hub follows:
   * a tracker in TRACKING or DONE state while a provider is on, an MCF package, or an order of a channel that reports
   * carrier scans of the seller's packages (`scanReportingChannels`). An untrackable number has its own alert.
   */
  findShippedAwaitingScan(
    args: {
      shippedFrom: Date;
      shippedTo: Date;
      now: Date;
      scanReportingChannels: readonly Channel[];
      providerOn: boolean;
    },
    em?: EntityManager,
  ): Promise<ShipmentAwaitingScan[]> {
    return (em ?? this.ds.manager).query(
      `SELECT s.id, s.order_id, o.account_id, o.channel, o.channel_order_id, s.carrier, s.tracking_number, s.shipped_at,
              o.fulfillment_method = 'MCF' AS mcf, t.state AS tracker_state, t.checked_at AS tracker_checked_at, ${ORIGIN_COLUMNS}
         FROM shipment s JOIN "order" o ON o.id = s.order_id
         LEFT JOIN shipment_tracker t ON t.shipment_id = s.id AND $5::boolean AND t.state IN ('TRACKING', 'DONE')
         ${ORIGIN_JOINS}
        WHERE s.shipped_at <= $1 AND s.shipped_at >= $2 AND s.tracking_number IS NOT NULL
          AND o.fulfillment_method <> 'CHANNEL'
          AND (o.channel = ANY($4::varchar[]) OR o.fulfillment_method = 'MCF' OR t.shipment_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM shipment_tracker u WHERE u.shipment_id = s.id AND (u.state = 'UNTRACKABLE' OR u.first_scan_at <= $3))
          AND NOT EXISTS (SELECT 1 FROM carrier_event e WHERE e.shipment_id = s.id AND e.type IN ('SCANNED', 'DELIVERY_ATTEMPT', 'DELIVERED')
                             AND COALESCE(e.occurred_at, e.created_at) <= $3)`,
      [args.shippedTo, args.shippedFrom, args.now, [...args.scanReportingChannels], args.providerOn],
    );
  }

  /**
   * ADDRESS_MISMATCH candidates: parcels delivered since `since` whose tracker holds the delivery location as a
   * mismatch (only `shipmentIds` when given).
   */
  findDeliveredElsewhere(
    filter: { since: Date; shipmentIds?: readonly string[] },
    em?: EntityManager,
  ): Promise<ShipmentDeliveredElsewhere[]> {
    return (em ?? this.ds.manager).query(
      `SELECT s.id, s.order_id, o.account_id, o.channel, o.channel_order_id, t.carrier, s.tracking_number, COALESCE(t.delivered_at, t.first_attempt_at) AS delivered_at,
              t.delivery_city, t.delivery_state, t.delivery_zip, t.delivery_country,
              o.ship_to->>'city' AS ship_to_city, o.ship_to->>'stateOrRegion' AS ship_to_state,
              o.ship_to->>'postalCode' AS ship_to_zip, o.ship_to->>'countryCode' AS ship_to_country
         FROM shipment_tracker t JOIN shipment s ON s.id = t.shipment_id JOIN "order" o ON o.id = s.order_id
        WHERE t.address_match = 'MISMATCH' AND COALESCE(t.delivered_at, t.first_attempt_at) >= $1
          AND ($2::uuid[] IS NULL OR t.shipment_id = ANY($2::uuid[]))
        ORDER BY 8`,
      [filter.since, filter.shipmentIds ? [...filter.shipmentIds] : null],
    );
  }

  /**
   * TRACKING_REUSED candidates: shipments between `from` and `to` whose tracking number (spaces out, upper case)
   * is on shipments of more than one order in that time.
   */
  findTrackingNumbersOnSeveralOrders(from: Date, to: Date, em?: EntityManager): Promise<SharedTrackingNumber[]> {
    return (em ?? this.ds.manager).query(
      `SELECT s.order_id, o.account_id, o.channel, o.channel_order_id, s.tracking_number, s.shipped_at
         FROM shipment s JOIN "order" o ON o.id = s.order_id
        WHERE s.shipped_at BETWEEN $1 AND $2 AND ${CLEAN_NUMBER} IN (
              SELECT ${CLEAN_NUMBER} FROM shipment s
               WHERE s.shipped_at BETWEEN $1 AND $2 AND s.tracking_number IS NOT NULL AND ${CLEAN_NUMBER} <> ''
               GROUP BY 1 HAVING count(DISTINCT s.order_id) > 1)`,
      [from, to],
    );
  }
}

async function insertChunked<T extends object>(em: EntityManager, entity: new () => T, rows: Partial<T>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // TypeORM's insert() takes QueryDeepPartialEntity, which Partial<T> satisfies for these flat entities.
    await em
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK) as never)
      .updateEntity(false)
      .execute();
  }
}
