import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { policyFor, trackingHoldReleaseAt } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { CarrierEventRepository } from 'src/modules/carrier-events/carrier-event.repository';
import { CarrierScanEvents } from 'src/modules/carrier-tracking/trackers/carrier-scan-events';
import { ShipmentTrackerRepository } from 'src/modules/carrier-tracking/trackers/shipment-tracker.repository';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxService } from 'src/modules/outbox/outbox.service';
import { TrackingHoldReleaseReason } from './tracking-hold-reason';
import type { TrackingHoldEntity } from './tracking-hold.entity';
import { TrackingHoldRepository } from './tracking-hold.repository';

/** Holds one sweep releases at most; the rest wait for the next tick. */
const SWEEP_BATCH = 500;

/** What decides whether a confirmation is held: the account's option and the order's ship-by. */
export interface HoldSubject {
  holdTrackingUntilScan: boolean;
  channel: Channel;
  shipBy: Date | null;
}

/**
 * Hold tracking until it scans: with the account's option on, a hub confirmation's channel call (SHIP or
 * UPDATE_TRACKING) waits as a PENDING outbox row due at the deadline (ship-by less the policy's margin), and goes
 * out as soon as the parcel's first carrier scan is seen, the deadline comes, or an operator confirms it now. Each
 * release is audited with its reason.
 */
@Injectable()
export class TrackingHoldsService implements OnModuleInit {
  private readonly log = new Logger('TrackingHolds');

  constructor(
    private readonly tx: Transactions,
    private readonly holds: TrackingHoldRepository,
    private readonly outbox: OutboxService,
    private readonly carrierEvents: CarrierEventRepository,
    private readonly audit: AuditService,
    private readonly scans: CarrierScanEvents,
    private readonly trackers: ShipmentTrackerRepository,
  ) {}

  onModuleInit(): void {
    this.scans.onFirstScan(async (notices) => {
      await this.firstScanSeen(notices.map((n) => n.shipmentId));
    });
  }

  /**
   * Until when a confirmation of this order is held, or null when it goes at once: the option is off, the order has
   * no ship-by, or its ship-by is already within the margin.
   */
  releaseByFor(subject: HoldSubject, now = new Date()): Date | null {
    if (!subject.holdTrackingUntilScan || !subject.shipBy) return null;
    const releaseBy = trackingHoldReleaseAt(subject.shipBy, policyFor(subject.channel, 'US', now));
    return releaseBy.getTime() > now.getTime() ? releaseBy : null;
  }

  /**
   * The deadline of the shipment's confirmation while it is still held (locked until the caller's transaction ends,
   * so a release waits for a correction being added), or null.
   */
  async openDeadline(shipmentId: string, em: EntityManager): Promise<Date | null> {
    const [open] = await this.holds.lockOpen({ shipmentIds: [shipmentId] }, em);
    return open?.releaseBy ?? null;
  }

  /** Records the hold of `row`, an outbox row written held (notBefore = releaseBy) in the caller's transaction. */
  async hold(
    em: EntityManager,
    row: OutboxEntity,
    shipment: { id: string; trackingNumber: string; carrier: string },
    releaseBy: Date,
    actor: string,
  ): Promise<void> {
    const hold = await this.holds.insert(
      {
        outboxId: row.id,
        orderId: row.orderId,
        shipmentId: shipment.id,
        operation: row.operation,
        trackingNumber: shipment.trackingNumber,
        carrier: shipment.carrier,
        heldSince: new Date(),
        releaseBy,
      },
      em,
    );
    await this.audit.record(em, {
      actor,
      action: 'shipment.tracking_held',
      entityType: 'shipment',
      entityId: shipment.id,
      orderId: row.orderId,
      after: {
        hold: hold.id,
        outbox: row.id,
        operation: row.operation,
        trackingNumber: shipment.trackingNumber,
        releaseBy: releaseBy.toISOString(),
      },
    });
  }

  /** The carrier scanned these shipments' parcels: their held confirmations go out now (if the scan is of the held number). */
  async firstScanSeen(shipmentIds: readonly string[]): Promise<number> {
    if (!shipmentIds.length) return 0;
    const scanned = await this.scannedShipments(await this.holds.open(SWEEP_BATCH, shipmentIds));
    if (!scanned.length) return 0;
    return this.release({ shipmentIds: scanned }, TrackingHoldReleaseReason.FIRST_SCAN, 'system:tracking-hold');
  }

  /** "Confirm now": the operator sends the shipment's held confirmations without waiting for a scan. */
  async confirmNow(shipmentId: string, actor: string): Promise<TrackingHoldEntity[]> {
    const all = await this.holds.ofShipment(shipmentId);
    if (!all.length) throw new NotFoundError('Tracking hold of shipment', shipmentId);
    const released = await this.release({ shipmentIds: [shipmentId] }, TrackingHoldReleaseReason.MANUAL, actor);
    if (!released) {
      const last = all.at(-1)!;
      throw new ConflictError(
        `The confirmation of shipment ${shipmentId} is no longer held: released ${last.releasedAt?.toISOString()} (${last.releaseReason}).`,
      );
    }
    return this.holds.ofShipment(shipmentId);
  }

  /**
   * The periodic look: open holds whose parcel has been scanned (a scan the hook did not pass on, such as one
   * recorded while this process was down) go out as FIRST_SCAN; those whose deadline has come as DEADLINE.
   */
  async sweep(now = new Date()): Promise<{ firstScan: number; deadline: number }> {
    const scanned = await this.scannedShipments(await this.holds.open(SWEEP_BATCH));
    const firstScan = scanned.length
      ? await this.release({ shipmentIds: scanned }, TrackingHoldReleaseReason.FIRST_SCAN, 'system:tracking-hold')
      : 0;
    const due = await this.holds.openDueBy(now, SWEEP_BATCH);
    const deadline = due.length
      ? await this.release({ ids: due.map((h) => h.id) }, TrackingHoldReleaseReason.DEADLINE, 'system:tracking-hold')
      : 0;
    if (firstScan || deadline)
      this.log.log(`Released ${firstScan} held confirmation(s) on a first scan and ${deadline} at their deadline`);
    return { firstScan, deadline };
  }

  /**
   * The shipments whose held number the carrier has scanned: the shipment's tracker saw a first scan of it, or, with
   * no correction held, the shipment has a scan from any source. A held correction's number is a new parcel: the
   * shipment's earlier scans were of the number it replaces.
   */
  private async scannedShipments(open: readonly TrackingHoldEntity[]): Promise<string[]> {
    if (!open.length) return [];
    // The newest open hold of each shipment carries the number the channel will end up with.
    const held = new Map(open.map((h) => [h.shipmentId, h]));
    const ids = [...held.keys()];
    const uncorrected = ids.filter((id) => held.get(id)!.operation === 'SHIP');
    const [events, trackers] = await Promise.all([
      this.carrierEvents.scannedShipmentIds(uncorrected),
      this.trackers.findByShipmentIds(ids),
    ]);
    const trackerScanned = new Map(trackers.filter((t) => t.firstScanAt).map((t) => [t.shipmentId, t.trackingCode]));
    return ids.filter((id) => trackerScanned.get(id) === held.get(id)!.trackingNumber || events.has(id));
  }

  /** Releases the open holds among `filter`'s in one transaction, then starts their delivery; returns how many. */
  private async release(
    filter: { ids?: readonly string[]; shipmentIds?: readonly string[] },
    reason: TrackingHoldReleaseReason,
    actor: string,
  ): Promise<number> {
    const releasedAt = new Date();
    const rows = await this.tx.run(async (em) => {
      const open = await this.holds.lockOpen(filter, em);
      if (!open.length) return [];
      await this.holds.markReleased(
        open.map((h) => h.id),
        { releasedAt, releaseReason: reason, releasedBy: actor },
        em,
      );
      const due = await this.outbox.releaseHeld(
        open.map((h) => h.outboxId),
        em,
      );
      for (const h of open)
        await this.audit.record(em, {
          actor,
          action: 'shipment.tracking_hold_released',
          entityType: 'shipment',
          entityId: h.shipmentId,
          orderId: h.orderId,
          before: { heldSince: h.heldSince.toISOString(), releaseBy: h.releaseBy.toISOString() },
          after: {
            hold: h.id,
            outbox: h.outboxId,
            operation: h.operation,
            trackingNumber: h.trackingNumber,
            reason,
            // False when the call had already gone (its deadline passed and the dispatcher sent it first).
            madeDue: due.includes(h.outboxId),
          },
        });
      return open;
    });
    await this.outbox.kick(rows.map((h) => ({ id: h.outboxId })));
    return rows.length;
  }
}
