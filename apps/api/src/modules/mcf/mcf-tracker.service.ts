import { Injectable } from '@nestjs/common';
import { carrierOfMcfPackage } from '@order-hub/rules';
import type { McfStatus, Violation } from '@order-hub/types';
import { InjectConfig } from 'src/config/app-config.token';
import { Transactions } from 'src/common/database/transactions';
import type { AppConfig } from 'src/config/app-config';
import { ShipService } from 'src/modules/actions/ship.service';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { AuditService, type AuditRecord } from 'src/modules/audit/audit.service';
import { CarrierEventRepository, type CarrierEventRow } from 'src/modules/carrier-events/carrier-event.repository';
import type { AmazonAdapter } from 'src/modules/channels/amazon/amazon.adapter';
import { deliveryEvent, firstCarrierScan, type McfOrderView } from 'src/modules/channels/amazon/amazon-mcf';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { RulesService } from 'src/modules/rules/rules.service';
import type { McfOrderEntity, McfPackageRecord } from './mcf-order.entity';
import { McfRepository } from './mcf-order.repository';

const ACTOR = 'system:mcf';
/** How long after routing a passed-on package is still followed for its delivery (on-time delivery). */
const FOLLOW_DELIVERY_MS = 30 * 86_400_000;
/** While only following a delivery, polls are this many times further apart (every hour at the default 60 s). */
const FOLLOW_DELIVERY_POLL_FACTOR = 60;
const TERMINAL: McfStatus[] = ['COMPLETE', 'CANCELLED', 'UNFULFILLABLE', 'NOT_ROUTED'];

export type PollOutcome = 'UPDATED' | 'DONE' | 'SKIPPED';

/**
 * Follows MCF orders: Amazon's status, each package's carrier and tracking. Tracking goes to the origin
 * channel only when the origin channel's rules accept it (never Amazon Logistics or a TBA number on Walmart)
 * and a carrier event shows the parcel moving; otherwise the package is held and an alert says what to do.
 */
@Injectable()
export class McfTrackerService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly mcfOrders: McfRepository,
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly carrierEvents: CarrierEventRepository,
    private readonly adapters: ChannelAdaptersService,
    private readonly rules: RulesService,
    private readonly ship: ShipService,
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
  ) {}

  async poll(mcfOrderId: string): Promise<PollOutcome> {
    const mcf = await this.mcfOrders.findById(mcfOrderId);
    if (!mcf || !mcf.nextPollAt) return 'SKIPPED';
    if (TERMINAL.includes(mcf.status) && this.settled(mcf)) {
      // Only deliveries may be left to follow; one the origin channel reported since ends it without asking Amazon.
      const delivered = await this.deliveredShipments(mcf);
      if (!mcf.packages.some((p) => this.awaitingDelivery(mcf, p, delivered))) {
        await this.mcfOrders.stopPolling(mcf.id);
        return 'DONE';
      }
    }
    const account = await this.accounts.getById(mcf.mcfAccountId);
    const adapter = (await this.adapters.forAccount(account)) as AmazonAdapter;
    const view = await adapter.mcf.get(mcf.sellerFulfillmentOrderId);
    if (view) {
      const before = mcf.status;
      mcf.amazonStatus = view.status;
      mcf.status = statusOf(view.status);
      mcf.packages = mergePackages(mcf.packages, view);
      const deliveredElsewhere = await this.deliveredShipments(mcf);
      for (const pkg of mcf.packages)
        if (this.awaitingDelivery(mcf, pkg, deliveredElsewhere)) await this.followDelivery(mcf, pkg, adapter);
      for (const pkg of mcf.packages)
        if (!pkg.shipmentId && !pkg.holdReason) await this.passOn(mcf, pkg, view, adapter);
      if (before !== mcf.status) await this.onStatusChange(mcf, before);
    }
    const deliveredNow = await this.deliveredShipments(mcf);
    const settled = TERMINAL.includes(mcf.status) && this.settled(mcf);
    const done = settled && !mcf.packages.some((p) => this.awaitingDelivery(mcf, p, deliveredNow));
    // Only a delivery left to see: parcels take days, so ask Amazon far less often.
    mcf.nextPollAt = done
      ? null
      : new Date(Date.now() + this.config.mcfPollMs * (settled ? FOLLOW_DELIVERY_POLL_FACTOR : 1));
    await this.mcfOrders.save(mcf);
    return done ? 'DONE' : 'UPDATED';
  }

  /** Every package has gone to the origin channel or is held for the operator. */
  private settled(mcf: McfOrderEntity): boolean {
    return mcf.packages.every((p) => p.shipmentId || p.holdReason);
  }

  /**
   * A package passed on to the origin channel whose delivery the hub has not seen yet, from Amazon or from the origin
   * channel (followed for 30 days).
   */
  private awaitingDelivery(
    mcf: McfOrderEntity,
    pkg: McfPackageRecord,
    deliveredElsewhere: ReadonlySet<string>,
  ): boolean {
    if (!pkg.shipmentId || deliveredElsewhere.has(pkg.shipmentId)) return false;
    return !deliveryEvent(pkg.events) && Date.now() < mcf.createdAt.getTime() + FOLLOW_DELIVERY_MS;
  }

  /** Shipments of this MCF order that already have a DELIVERED carrier event. */
  private deliveredShipments(mcf: McfOrderEntity): Promise<Set<string>> {
    return this.carrierEvents.deliveredShipmentIds(
      mcf.packages.map((p) => p.shipmentId).filter((id): id is string => !!id),
    );
  }

  private async followDelivery(mcf: McfOrderEntity, pkg: McfPackageRecord, adapter: AmazonAdapter): Promise<void> {
    pkg.events = await adapter.mcf.tracking(pkg.packageNumber);
    await this.recordEvents(mcf, pkg);
  }

  /** The package's first carrier scan and its delivery, as carrier events of the shipment the hub confirmed. */
  private async recordEvents(mcf: McfOrderEntity, pkg: McfPackageRecord): Promise<void> {
    if (!pkg.shipmentId) return;
    const rows: CarrierEventRow[] = [];
    for (const [type, e] of [
      ['SCANNED', firstCarrierScan(pkg.events)],
      ['DELIVERED', deliveryEvent(pkg.events)],
    ] as const) {
      if (e)
        rows.push({
          shipmentId: pkg.shipmentId,
          orderId: mcf.orderId,
          type,
          occurredAt: new Date(e.eventDate),
          source: 'MCF',
          description: e.eventDescription,
        });
    }
    await this.carrierEvents.record(rows);
  }

  private async passOn(
    mcf: McfOrderEntity,
    pkg: McfPackageRecord,
    view: McfOrderView,
    adapter: AmazonAdapter,
  ): Promise<void> {
    const shipment = view.shipments.find((s) => s.packages.some((p) => p.packageNumber === pkg.packageNumber))!;
    const items = shipment.items.filter((i) => i.packageNumber === null || i.packageNumber === pkg.packageNumber);
    const { carrier, carrierName } = carrierOfMcfPackage(pkg.carrierCode);
    const input = {
      orderId: mcf.orderId,
      lines: items.map((i) => ({ lineNumber: i.sellerFulfillmentOrderItemId, quantity: i.quantity })),
      carrier,
      carrierName,
      trackingNumber: pkg.trackingNumber ?? '',
      shippedAt: shipment.shippingDate ? new Date(shipment.shippingDate) : new Date(),
    };
    const blocking = (await this.rules.validateShipment(input)).filter((v) => v.severity === 'BLOCK');
    if (blocking.length) return this.hold(mcf, pkg, blocking);
    pkg.events = await adapter.mcf.tracking(pkg.packageNumber);
    const moving = firstCarrierScan(pkg.events);
    const origin = await this.orders.getById(mcf.orderId);
    const account = await this.accounts.getById(origin.accountId);
    const delayOver =
      account.mcfTrackingDelayMinutes !== null &&
      Date.now() >= input.shippedAt.getTime() + account.mcfTrackingDelayMinutes * 60_000;
    if (!moving && !delayOver) return;
    pkg.movingAt = moving?.eventDate ?? null;
    // The package is moving (or the account's delay is over): MCF's own hold has ended, no second one.
    const result = await this.ship.confirmShipment({ ...input, service: mcf.shippingSpeed }, ACTOR, {
      holdUntilScan: false,
    });
    pkg.shipmentId = result.shipment.id;
    await this.recordEvents(mcf, pkg);
  }

  private async hold(mcf: McfOrderEntity, pkg: McfPackageRecord, violations: Violation[]): Promise<void> {
    const order = await this.orders.getById(mcf.orderId);
    pkg.holdReason = violations.map((v) => v.message).join(' ');
    await this.alerts.raise({
      conditionKey: `mcf-held:${mcf.orderId}:${pkg.packageNumber}`,
      kind: 'MCF_TRACKING_HELD',
      severity: 'HIGH',
      orderId: mcf.orderId,
      accountId: order.accountId,
      message: `Amazon shipped ${order.channel} order ${order.channelOrderId} with ${pkg.carrierCode} ${pkg.trackingNumber ?? '(no tracking)'}; the hub held the tracking and sent nothing to ${order.channel}: ${pkg.holdReason}`,
      action:
        'Ask Amazon seller support why BLOCK_AMZL was not honoured; if the parcel can still be stopped, cancel the MCF order and ship another way, then confirm that shipment. Never send placeholder tracking. The ship-by date keeps running.',
    });
    await this.recordAudit({
      actor: ACTOR,
      action: 'mcf.tracking_held',
      entityType: 'order',
      entityId: mcf.orderId,
      orderId: mcf.orderId,
      after: {
        packageNumber: pkg.packageNumber,
        carrier: pkg.carrierCode,
        trackingNumber: pkg.trackingNumber,
        reason: pkg.holdReason,
      },
    });
  }

  /** An MCF order Amazon will not fulfil goes back to the operator, with an alert. */
  private async onStatusChange(mcf: McfOrderEntity, before: McfStatus): Promise<void> {
    await this.recordAudit({
      actor: ACTOR,
      action: 'mcf.status_changed',
      entityType: 'order',
      entityId: mcf.orderId,
      orderId: mcf.orderId,
      before: { status: before },
      after: { status: mcf.status, amazonStatus: mcf.amazonStatus },
    });
    const cancelledByAmazon = mcf.status === 'CANCELLED' && !mcf.reason;
    if (mcf.status !== 'UNFULFILLABLE' && !cancelledByAmazon) return;
    await this.orders.returnFromMcf(mcf.orderId);
    mcf.reason ??= `Amazon reported the MCF order ${mcf.amazonStatus}; the order is back with the operator.`;
    const order = await this.orders.getById(mcf.orderId);
    await this.alerts.raise({
      conditionKey: `mcf-not-fulfilled:${mcf.orderId}`,
      kind: 'MCF_NOT_FULFILLED',
      severity: 'HIGH',
      orderId: mcf.orderId,
      accountId: order.accountId,
      message: `Amazon will not fulfil ${order.channel} order ${order.channelOrderId} (${mcf.amazonStatus}).`,
      action: 'Ship it from your own stock or cancel it before its ship-by date.',
    });
  }

  /** One audit event on its own (the tracker's steps are not one transaction). */
  private recordAudit(event: AuditRecord): Promise<void> {
    return this.tx.run((em) => this.audit.record(em, event));
  }
}

function statusOf(amazonStatus: string): McfStatus {
  const s = amazonStatus.toUpperCase().replace(/_/g, '');
  if (s === 'NEW' || s === 'RECEIVED') return 'RECEIVED';
  if (s === 'PLANNING') return 'PLANNING';
  if (s === 'PROCESSING') return 'PROCESSING';
  if (s === 'COMPLETE' || s === 'COMPLETEPARTIALLED') return 'COMPLETE';
  if (s === 'CANCELLED') return 'CANCELLED';
  return 'UNFULFILLABLE';
}

/** Packages Amazon has shipped, added to what the hub knows; what the hub decided about each is kept. */
function mergePackages(known: McfPackageRecord[], view: McfOrderView): McfPackageRecord[] {
  const byNumber = new Map(known.map((p) => [p.packageNumber, p]));
  for (const shipment of view.shipments.filter((s) => s.status === 'SHIPPED')) {
    for (const p of shipment.packages) {
      if (!byNumber.has(p.packageNumber)) {
        byNumber.set(p.packageNumber, {
          packageNumber: p.packageNumber,
          carrierCode: p.carrierCode,
          trackingNumber: p.trackingNumber,
          shipmentId: null,
          holdReason: null,
          movingAt: null,
          events: [],
        });
      }
    }
  }
  return [...byNumber.values()];
}
