import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CarrierEventSource, CarrierEventType, CarrierLocation, CarrierStatus } from '@order-hub/types';
import { CarrierEventEntity } from './carrier-event.entity';

/** The rows this repository returns, for modules that hold them (they never query the table). */
export type { CarrierEventEntity } from './carrier-event.entity';

export interface CarrierEventRow {
  shipmentId: string;
  orderId: string;
  type: CarrierEventType;
  /** Null when the channel reported the event without a time. */
  occurredAt: Date | null;
  source: CarrierEventSource;
  description?: string | null;
  status?: CarrierStatus | null;
  location?: CarrierLocation | null;
  /** Defaults to the type: one SCANNED, DELIVERY_ATTEMPT and DELIVERED per shipment; STATUS rows need their own key. */
  eventKey?: string;
}

/** The carrier_event table: every read and write of it goes through here. */
@Injectable()
export class CarrierEventRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private events(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(CarrierEventEntity);
  }

  /**
   * Records carrier events; a shipment keeps the first event of each key it was given (later copies are ignored).
   * Returns how many were new.
   */
  async record(rows: readonly CarrierEventRow[], em?: EntityManager): Promise<number> {
    if (rows.length === 0) return 0;
    // One statement however many rows (a webhook batch is thousands): the rows travel as one json parameter, each
    // an array in the column order below (no key names: a batch's text is a third smaller).
    const result: { id: string }[] = await (em ?? this.ds.manager).query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source, description, status, city, state, zip, country)
       SELECT (r->>0)::uuid, (r->>1)::uuid, r->>2, r->>3, (r->>4)::timestamptz, r->>5, r->>6, r->>7, r->>8, r->>9,
              r->>10, r->>11
         FROM json_array_elements($1::json) AS r
       ON CONFLICT (shipment_id, event_key) DO NOTHING RETURNING id`,
      [
        JSON.stringify(
          rows.map((r) => [
            r.shipmentId,
            r.orderId,
            r.type,
            r.eventKey ?? r.type,
            r.occurredAt,
            r.source,
            r.description?.slice(0, 200) ?? null,
            r.status ?? null,
            r.location?.city?.slice(0, 80) ?? null,
            r.location?.state?.slice(0, 40) ?? null,
            r.location?.zip?.slice(0, 16) ?? null,
            r.location?.country?.slice(0, 8) ?? null,
          ]),
        ),
      ],
    );
    return result.length;
  }

  /** A shipment's events, oldest first (events without a time last, in the order they were learnt). */
  ofShipments(shipmentIds: readonly string[], em?: EntityManager): Promise<CarrierEventEntity[]> {
    if (shipmentIds.length === 0) return Promise.resolve([]);
    return this.events(em)
      .createQueryBuilder('e')
      .where('e.shipment_id IN (:...ids)', { ids: [...shipmentIds] })
      .orderBy('e.occurred_at', 'ASC', 'NULLS LAST')
      .addOrderBy('e.created_at', 'ASC')
      .getMany();
  }

  /** Those of the shipments the carrier has scanned (a first scan, a delivery attempt or a delivery, from any source). */
  async scannedShipmentIds(shipmentIds: readonly string[], em?: EntityManager): Promise<Set<string>> {
    if (shipmentIds.length === 0) return new Set();
    const rows = await this.events(em).find({
      select: { shipmentId: true },
      where: { shipmentId: In([...shipmentIds]), type: In(['SCANNED', 'DELIVERY_ATTEMPT', 'DELIVERED']) },
    });
    return new Set(rows.map((r) => r.shipmentId));
  }

  /** Those of the shipments that have a DELIVERED event. */
  async deliveredShipmentIds(shipmentIds: readonly string[], em?: EntityManager): Promise<Set<string>> {
    if (shipmentIds.length === 0) return new Set();
    const rows = await this.events(em).find({
      select: { shipmentId: true },
      where: { shipmentId: In([...shipmentIds]), type: 'DELIVERED' },
    });
    return new Set(rows.map((r) => r.shipmentId));
  }
}
