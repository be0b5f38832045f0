import type { EntityManager } from 'typeorm';
import type { CarrierEventSource, CarrierEventType } from './carrier-event.entity';

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

/** Records carrier events; a shipment keeps the first event of each type it was given (later copies are ignored). */
export async function recordCarrierEvents(em: EntityManager, rows: readonly CarrierEventRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const values = chunk.map((r) => {
      params.push(r.shipmentId, r.orderId, r.type, r.occurredAt, r.source, r.description?.slice(0, 200) ?? null);
      const n = params.length;
      return `($${n - 5}::uuid, $${n - 4}::uuid, $${n - 3}, $${n - 2}::timestamptz, $${n - 1}, $${n})`;
    });
    await em.query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, occurred_at, source, description) VALUES ${values.join(', ')}
       ON CONFLICT (shipment_id, type) DO NOTHING`,
      params,
    );
  }
}
