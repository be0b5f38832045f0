import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from 'src/common/database/transactions';
import { CarrierEventRepository, type CarrierEventRow } from 'src/modules/carrier-events/carrier-event.repository';
import type { TrackerSnapshot } from 'src/modules/carrier-tracking/provider/tracking-provider';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { CarrierScanEvents, type CarrierScanNotice } from './carrier-scan-events';
import {
  ShipmentTrackerRepository,
  type ShipmentTrackerEntity,
  type TrackerUpdate,
} from './shipment-tracker.repository';
import { carrierEventRows, trackerUpdate } from './tracker-snapshot';

/** A followed shipment's tracker and what the provider now says about it. */
export interface TrackerReport {
  tracker: ShipmentTrackerEntity;
  snapshot: TrackerSnapshot;
}

/**
 * Applies what the provider reports about followed shipments, a batch at a time: carrier_event rows (one INSERT),
 * the tracker rows (one UPDATE), then the first-scan and delivery hooks once committed.
 */
@Injectable()
export class TrackerSnapshotsService {
  constructor(
    private readonly tx: Transactions,
    private readonly trackers: ShipmentTrackerRepository,
    private readonly events: CarrierEventRepository,
    private readonly orders: OrderRepository,
    private readonly scanEvents: CarrierScanEvents,
  ) {}

  /** Applies the reports in a transaction of its own and announces new milestones once committed. */
  async apply(reports: readonly TrackerReport[], now: Date): Promise<number> {
    if (reports.length === 0) return 0;
    const applied = await this.tx.run((em) => this.applyIn(em, reports, now));
    await this.announce(applied);
    return applied.inserted;
  }

  /** Applies the reports in the caller's transaction; the caller announces the result once it commits. */
  async applyIn(em: EntityManager, reports: readonly TrackerReport[], now: Date): Promise<AppliedReports> {
    // The ship-to is read only to hold a delivery against it.
    const orderIds = [
      ...new Set(
        reports.filter((r) => r.snapshot.details.some((d) => d.status === 'DELIVERED')).map((r) => r.tracker.orderId),
      ),
    ];
    const shipTo = new Map((await this.orders.findByIds(orderIds, em)).map((o) => [o.id, o.shipTo]));
    const rows: CarrierEventRow[] = [];
    // A shipment reported several times in the batch: every report's events, the latest report's tracker state.
    const latest = new Map<string, { tracker: ShipmentTrackerEntity; update: TrackerUpdate }>();
    for (const { tracker, snapshot } of reports) {
      rows.push(...carrierEventRows(tracker.shipmentId, tracker.orderId, snapshot));
      const seen = latest.get(tracker.shipmentId);
      const base = seen ? { ...tracker, ...seen.update } : tracker;
      if (base.providerUpdatedAt && snapshot.updatedAt < base.providerUpdatedAt) continue;
      latest.set(tracker.shipmentId, {
        tracker,
        update: trackerUpdate(base, snapshot, shipTo.get(tracker.orderId) ?? null, now),
      });
    }
    const inserted = await this.events.record(distinct(rows), em);
    await this.trackers.update(
      [...latest.values()].map((l) => l.update),
      em,
    );
    const changes: Milestone[] = [...latest.values()].map(({ tracker, update }) => ({
      shipmentId: tracker.shipmentId,
      orderId: tracker.orderId,
      firstScanAt: !tracker.firstScanAt && update.firstScanAt ? update.firstScanAt : null,
      deliveredAt: !tracker.deliveredAt && update.deliveredAt ? update.deliveredAt : null,
    }));
    return { inserted, changes };
  }

  /** Calls the first-scan and delivery hooks for what an applied batch changed. */
  announce({ changes }: AppliedReports): Promise<void> {
    const notice = (c: Milestone, at: Date | null): CarrierScanNotice[] =>
      at ? [{ shipmentId: c.shipmentId, orderId: c.orderId, at }] : [];
    return this.scanEvents.emit(
      changes.flatMap((c) => notice(c, c.firstScanAt)),
      changes.flatMap((c) => notice(c, c.deliveredAt)),
    );
  }
}

/**
 * One row per shipment and event key (reports of one tracker repeat its earlier scans); the earliest wins, as the
 * table keeps the first scan, attempt and delivery.
 */
function distinct(rows: readonly CarrierEventRow[]): CarrierEventRow[] {
  const byKey = new Map<string, CarrierEventRow>();
  for (const row of rows) {
    const key = `${row.shipmentId}|${row.eventKey ?? row.type}`;
    const seen = byKey.get(key);
    if (!seen || (row.occurredAt && seen.occurredAt && row.occurredAt < seen.occurredAt)) byKey.set(key, row);
  }
  return [...byKey.values()];
}

/** What a batch wrote: carrier events new to the table, and the milestones that appeared on trackers. */
export interface AppliedReports {
  inserted: number;
  changes: Milestone[];
}

interface Milestone {
  shipmentId: string;
  orderId: string;
  firstScanAt: Date | null;
  deliveredAt: Date | null;
}
