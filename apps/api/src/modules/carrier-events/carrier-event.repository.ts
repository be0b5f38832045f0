import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CarrierEventSource, CarrierEventType } from '@order-hub/types';
import { CarrierEventEntity } from './carrier-event.entity';

export interface CarrierEventRow {
  shipmentId: string;
  orderId: string;
  type: CarrierEventType;
  /** Null when the channel reported the event without a time. */
  occurredAt: Date | null;
  source: CarrierEventSource;
  description?: string | null;
}

/** Rows per INSERT: 6 parameters each, well under PostgreSQL's bind limit. */
const CHUNK = 1_000;

/** The carrier_event table: every read and write of it goes through here. */
@Injectable()
export class CarrierEventRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private events(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(CarrierEventEntity);
  }

  /** Records carrier events; a shipment keeps the first event of each type it was given (later copies are ignored). */
  async record(rows: readonly CarrierEventRow[], em?: EntityManager): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const params: unknown[] = [];
      const values = chunk.map((r) => {
        params.push(r.shipmentId, r.orderId, r.type, r.occurredAt, r.source, r.description?.slice(0, 200) ?? null);
        const n = params.length;
        return `($${n - 5}::uuid, $${n - 4}::uuid, $${n - 3}, $${n - 2}::timestamptz, $${n - 1}, $${n})`;
      });
      await (em ?? this.ds.manager).query(
        `INSERT INTO carrier_event (shipment_id, order_id, type, occurred_at, source, description) VALUES ${values.join(', ')}
         ON CONFLICT (shipment_id, type) DO NOTHING`,
        params,
      );
    }
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
