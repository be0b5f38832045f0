import { Injectable } from '@nestjs/common';
import { channelCarrierName, channelProfile, checkTrackingNumber } from '@order-hub/rules';
import type { ShipPayload, UpdateTrackingPayload, Violation } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError, RuleViolationError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { TrackingHoldsService } from 'src/modules/carrier-tracking/holds/tracking-holds.service';
import { TRACK_SHIPMENTS_ID } from 'src/modules/carrier-tracking/trackers/jobs/track-shipments.job';
import type { ShipmentEntity } from 'src/modules/fulfillment/shipment.repository';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxRepository } from 'src/modules/outbox/outbox.repository';
import { OutboxService } from 'src/modules/outbox/outbox.service';
import type { ShipmentInput } from 'src/modules/rules/dto/shipment.input';
import { RulesService } from 'src/modules/rules/rules.service';
import { AcknowledgeService } from './acknowledge.service';
import { ActionReplays, requestDigest } from './action-replay';
import { ActionableOrders, type ActionableOrder } from './order-action.support';

export interface ShipResult {
  shipment: ShipmentEntity;
  warnings: Violation[];
  outbox: OutboxEntity[];
}

export interface ConfirmOptions {
  /** False: never hold the channel call for a carrier scan (MCF packages are held by the MCF tracker itself). */
  holdUntilScan?: boolean;
}

/** A tracking correction: the new carrier and number for a shipment already confirmed. */
export interface TrackingUpdate {
  carrier: ShipmentInput['carrier'];
  carrierName?: string | null;
  service?: string | null;
  trackingNumber: string;
  trackingUrl?: string | null;
}

/**
 * Shipment confirmations and tracking corrections: the channel rules first (any BLOCK refuses the action),
 * then the order's new state, the shipment, the outbox rows and the audit event in one transaction.
 */
@Injectable()
export class ShipService {
  constructor(
    private readonly tx: Transactions,
    private readonly actionable: ActionableOrders,
    private readonly shipments: ShipmentRepository,
    private readonly outboxRows: OutboxRepository,
    private readonly replays: ActionReplays,
    private readonly rules: RulesService,
    private readonly outbox: OutboxService,
    private readonly acknowledge: AcknowledgeService,
    private readonly audit: AuditService,
    private readonly holds: TrackingHoldsService,
    private readonly queue: JobQueue,
  ) {}

  async confirmShipment(input: ShipmentInput, actor: string, options: ConfirmOptions = {}): Promise<ShipResult> {
    if (input.shipmentId)
      throw new BadUserInputError(
        'input.shipmentId',
        'confirmShipment creates a shipment; correct one with updateTracking.',
      );
    // The same request again (a retry after a lost response) answers what the first recorded, before any rule.
    const key = shipmentKey(input);
    const replay = (rows: OutboxEntity[]) => this.replayOf(rows);
    const first = await this.replays.find(key);
    if (first) return replay(first);
    const seen = await this.tx.run((em) => this.actionable.load(em, input.orderId));
    this.actionable.expectVersion(seen, input.expectedVersion);
    const version = input.expectedVersion ?? seen.order.version;
    const violations = await this.rules.validateShipment(input);
    if (violations.some((v) => v.severity === 'BLOCK')) throw await this.actionable.refusal(seen, version, violations);

    const result = await this.replays.guard(
      key,
      () =>
        this.tx.run(async (em) => {
          const target = await this.actionable.load(em, input.orderId, 'input.orderId', true);
          // A concurrent identical request held the order first: its result is this one's.
          const raced = await this.replays.find(key, em);
          if (raced) return { ...(await this.replayOf(raced, em)), replayed: true };
          this.actionable.expectVersion(target, version);
          return { ...(await this.record(em, target, input, key, version, actor, options)), replayed: false };
        }),
      async (rows) => ({ ...(await this.replayOf(rows)), replayed: true }),
    );
    if (result.replayed) return { shipment: result.shipment, outbox: result.outbox, warnings: [] };
    await this.outbox.kick(result.outbox);
    // The tracking provider registers the (new) number now rather than at its next look.
    await this.queue.enqueue(JobName.TRACK_SHIPMENTS, TRACK_SHIPMENTS_ID);
    return { shipment: result.shipment, outbox: result.outbox, warnings: violations };
  }

  /**
   * A shipment the channel recorded itself when its label was bought (Amazon Buy Shipping): the shipment, the order's
   * new state and the audit event, and no outbox row: a second confirmation would be refused or duplicate the package.
   */
  async recordChannelConfirmed(input: ShipmentInput, actor: string): Promise<ShipmentEntity> {
    const shipment = await this.tx.run(async (em) => {
      const target = await this.actionable.load(em, input.orderId, 'input.orderId', true);
      const shipment = await this.createShipment(em, target, input);
      const before = target.order.status;
      const status = await this.actionable.commit(em, target, target.order.version);
      await this.audit.record(em, {
        actor,
        action: 'order.shipment_recorded',
        entityType: 'shipment',
        entityId: shipment.id,
        orderId: target.order.id,
        before: { status: before },
        after: { status, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, confirmedBy: 'CHANNEL' },
      });
      return shipment;
    });
    await this.queue.enqueue(JobName.TRACK_SHIPMENTS, TRACK_SHIPMENTS_ID);
    return shipment;
  }

  /** The order's new state, the shipment, its outbox rows and the audit event; the caller's transaction holds the order. */
  private async record(
    em: EntityManager,
    target: ActionableOrder,
    input: ShipmentInput,
    key: string,
    version: number,
    actor: string,
    options: ConfirmOptions,
  ): Promise<{ shipment: ShipmentEntity; outbox: OutboxEntity[] }> {
    const rows: OutboxEntity[] = [];
    let acknowledgedAt: Date | undefined;
    if (channelProfile(target.order.channel).needsAcknowledgement && target.order.status === 'CREATED') {
      rows.push(await this.acknowledge.queueAcknowledgement(em, target, actor));
      acknowledgedAt = new Date();
    }
    const shipment = await this.createShipment(em, target, input);
    const payload = this.payload(target, input, shipment);
    const releaseBy = options.holdUntilScan === false ? null : this.heldUntil(target);
    const ship = await this.outbox.add(em, {
      accountId: target.order.accountId,
      orderId: target.order.id,
      shipmentId: shipment.id,
      operation: 'SHIP',
      payload,
      idempotencyKey: key,
      actor,
      notBefore: releaseBy,
    });
    rows.push(ship);
    if (releaseBy) await this.holds.hold(em, ship, this.heldShipment(shipment, payload), releaseBy, actor);
    const before = target.order.status;
    const status = await this.actionable.commit(em, target, version, acknowledgedAt ? { acknowledgedAt } : {});
    await this.audit.record(em, {
      actor,
      action: 'order.shipment_confirmed',
      entityType: 'shipment',
      entityId: shipment.id,
      orderId: target.order.id,
      before: { status: before },
      after: {
        status,
        carrier: payload.channelCarrier ?? payload.carrierName,
        trackingNumber: payload.trackingNumber,
        lines: payload.lines,
        outbox: rows.map((r) => r.id),
      },
    });
    return { shipment, outbox: rows };
  }

  async updateTracking(shipmentId: string, update: TrackingUpdate, actor: string): Promise<ShipResult> {
    const current = await this.shipments.findById(shipmentId);
    if (!current) throw new NotFoundError('Shipment', shipmentId);
    // The same correction again answers the first, unless the shipment has been corrected since (back to this number).
    const latest = await this.latestCorrection(current);
    const previous = (latest?.payload as UpdateTrackingPayload | undefined)?.previousTrackingNumber;
    if (latest && latest.idempotencyKey === trackingKey(shipmentId, update, previous ?? '')) {
      const first = await this.replays.find(latest.idempotencyKey);
      if (first) return this.replayOf(first);
    }
    const key = trackingKey(shipmentId, update, current.trackingNumber ?? '');
    const shipped = await this.shipments.findLinesWithOrderLines(shipmentId);
    const seen = await this.tx.run((em) => this.actionable.load(em, current.orderId));
    const profile = channelProfile(seen.order.channel);
    if (profile.shipConfirmationNamesPackage && !current.packageReferenceId) {
      throw new ConflictError(
        `This ${profile.label} package was confirmed outside the hub; correct its tracking in Seller Central.`,
      );
    }
    const input: ShipmentInput = {
      orderId: current.orderId,
      shipmentId,
      lines: shipped.map((s) => ({ lineNumber: s.orderLine!.lineNumber, quantity: s.quantity })),
      carrier: update.carrier,
      carrierName: update.carrierName,
      service: update.service ?? current.service,
      trackingNumber: update.trackingNumber,
      trackingUrl: update.trackingUrl,
      shippedAt: current.shippedAt,
    };
    const violations = await this.rules.validateShipment(input);
    if (violations.some((v) => v.severity === 'BLOCK')) throw new RuleViolationError(violations);
    const payload: UpdateTrackingPayload = {
      ...this.payload(seen, input, current),
      previousTrackingNumber: current.trackingNumber ?? '',
    };

    const recorded = async (em: EntityManager) => {
      // A correction waits with its shipment's confirmation while that is held; once the channel has a number, the
      // fix goes at once (holding it would keep the wrong number longer and could miss the channel's edit window).
      const releaseBy = await this.holds.openDeadline(shipmentId, em);
      const row = await this.outbox.add(em, {
        accountId: seen.order.accountId,
        orderId: seen.order.id,
        shipmentId,
        operation: 'UPDATE_TRACKING',
        payload,
        idempotencyKey: key,
        actor,
        notBefore: releaseBy,
      });
      if (releaseBy) await this.holds.hold(em, row, this.heldShipment(current, payload), releaseBy, actor);
      const before = {
        carrier: current.carrier,
        trackingNumber: current.trackingNumber,
        trackingUrl: current.trackingUrl,
      };
      Object.assign(current, {
        carrier: payload.channelCarrier ?? payload.carrierName ?? update.carrier,
        carrierCode: update.carrier,
        trackingNumber: payload.trackingNumber,
        trackingUrl: payload.trackingUrl,
        service: payload.service,
      });
      await this.shipments.save(current, em);
      await this.audit.record(em, {
        actor,
        action: 'shipment.tracking_updated',
        entityType: 'shipment',
        entityId: shipmentId,
        orderId: seen.order.id,
        before,
        after: { carrier: current.carrier, trackingNumber: current.trackingNumber, outbox: row.id },
      });
      return { shipment: current, outbox: [row] };
    };
    const result = await this.replays.guard(
      key,
      () =>
        this.tx.run(async (em) => {
          const raced = await this.replays.find(key, em);
          return raced
            ? { ...(await this.replayOf(raced, em)), replayed: true }
            : { ...(await recorded(em)), replayed: false };
        }),
      async (rows) => ({ ...(await this.replayOf(rows)), replayed: true }),
    );
    if (result.replayed) return { shipment: result.shipment, outbox: result.outbox, warnings: [] };
    await this.outbox.kick(result.outbox);
    // The tracking provider registers the (new) number now rather than at its next look.
    await this.queue.enqueue(JobName.TRACK_SHIPMENTS, TRACK_SHIPMENTS_ID);
    return { ...result, warnings: violations };
  }

  /** Until when the account holds the order's channel confirmation for a carrier scan; null: it goes at once. */
  private heldUntil(target: ActionableOrder): Date | null {
    return this.holds.releaseByFor({
      holdTrackingUntilScan: target.account.holdTrackingUntilScan,
      channel: target.order.channel,
      shipBy: target.order.shipBy,
    });
  }

  private heldShipment(shipment: ShipmentEntity, payload: ShipPayload) {
    return {
      id: shipment.id,
      trackingNumber: payload.trackingNumber,
      carrier: payload.channelCarrier ?? shipment.carrier,
    };
  }

  /** The shipment's last tracking correction sent through the hub, if any. */
  private async latestCorrection(shipment: ShipmentEntity): Promise<OutboxEntity | null> {
    const rows = await this.outboxRows.findPage({ orderId: shipment.orderId }, 500);
    return rows.find((r) => r.operation === 'UPDATE_TRACKING' && r.shipmentId === shipment.id) ?? null;
  }

  /** What a recorded confirmation answered: its shipment (as it stands now) and the rows it queued. */
  private async replayOf(
    rows: OutboxEntity[],
    em?: EntityManager,
  ): Promise<{ shipment: ShipmentEntity; outbox: OutboxEntity[]; warnings: Violation[] }> {
    const ship = rows.find((r) => r.shipmentId);
    const shipment = ship?.shipmentId ? await this.shipments.findById(ship.shipmentId, em) : null;
    if (!shipment)
      throw new ConflictError(
        'This confirmation was recorded before and its shipment has since been taken back (the channel refused it); see the outbox entry.',
      );
    return { shipment, outbox: rows, warnings: [] };
  }

  private async createShipment(
    em: EntityManager,
    target: ActionableOrder,
    input: ShipmentInput,
  ): Promise<ShipmentEntity> {
    // Amazon's packageReferenceId must be new within the order, including packages confirmed outside the hub.
    const packages = await this.shipments.countByOrder(target.order.id, em);
    const channelIds = target.order.channelPackageReferenceIds.map((id) => Number(id) || 0);
    const check = checkTrackingNumber(input.trackingNumber, input.carrier);
    const channelCarrier = channelCarrierName(target.order.channel, input.carrier, input.carrierName);
    const byNumber = new Map(target.lines.map((l) => [l.lineNumber, l]));
    const shipped = input.lines.map((l) => {
      const line = byNumber.get(l.lineNumber)!;
      line.quantityShipped += l.quantity;
      return { orderLineId: line.id, quantity: l.quantity };
    });
    return this.shipments.create(
      {
        orderId: target.order.id,
        carrier: channelCarrier && channelCarrier !== 'Other' ? channelCarrier : (input.carrierName ?? input.carrier),
        carrierCode: input.carrier,
        service: input.service ?? null,
        trackingNumber: check.normalized || input.trackingNumber.trim(),
        trackingUrl: input.trackingUrl ?? null,
        shippedAt: input.shippedAt,
        packageType: input.package?.type ?? 'PARCEL',
        weightOz: input.package?.weightOz ?? null,
        lengthIn: input.package?.lengthIn ?? null,
        widthIn: input.package?.widthIn ?? null,
        heightIn: input.package?.heightIn ?? null,
        source: 'HUB',
        packageReferenceId: String(Math.max(packages, ...channelIds) + 1),
      },
      shipped,
      em,
    );
  }

  private payload(target: ActionableOrder, input: ShipmentInput, shipment: ShipmentEntity): ShipPayload {
    return {
      channelOrderId: target.order.channelOrderId,
      shipmentId: shipment.id,
      packageReferenceId: shipment.packageReferenceId ?? '1',
      lines: input.lines.map((l) => ({ lineNumber: l.lineNumber, quantity: l.quantity })),
      carrier: input.carrier,
      channelCarrier: channelCarrierName(target.order.channel, input.carrier, input.carrierName),
      carrierName: input.carrierName ?? null,
      service: input.service ?? null,
      trackingNumber:
        checkTrackingNumber(input.trackingNumber, input.carrier).normalized || input.trackingNumber.trim(),
      trackingUrl: input.trackingUrl ?? null,
      shippedAt: new Date(input.shippedAt).toISOString(),
      intentToCancelOverride: input.intentToCancelOverride ?? false,
    };
  }
}

/** A tracking correction's key: the shipment, the correction as sent, and the number it corrects. */
function trackingKey(shipmentId: string, update: TrackingUpdate, previous: string): string {
  const trackingNumber = update.trackingNumber.replace(/\s+/g, '').toUpperCase();
  return `track:${shipmentId}:${requestDigest({ ...update, trackingNumber, previous })}`;
}

/**
 * What makes two confirmations the same request: the order, the lines (in any order), the tracking number (spaces and
 * case aside) and every other field as sent, the version the caller saw included.
 */
function shipmentKey(input: ShipmentInput): string {
  const lines = [...input.lines]
    .sort((a, b) => a.lineNumber.localeCompare(b.lineNumber))
    .map((l) => ({ lineNumber: l.lineNumber, quantity: l.quantity }));
  const digest = requestDigest({
    ...input,
    lines,
    trackingNumber: input.trackingNumber.replace(/\s+/g, '').toUpperCase(),
    shippedAt: new Date(input.shippedAt),
  });
  return `ship:${input.orderId}:${digest}`;
}
