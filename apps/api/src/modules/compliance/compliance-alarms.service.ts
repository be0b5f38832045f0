import { Injectable, Logger } from '@nestjs/common';
import { channelLabel, channelProfile, heldTrackingSeverity, orderName } from '@order-hub/rules';
import type { OrderStatus } from '@order-hub/types';
import {
  addressMismatchAlarms,
  lateOriginScanAlarms,
  trackingReuseAlarms,
} from 'src/modules/alerts/alarms/shipment-alarms';
import { AlertRepository } from 'src/modules/alerts/alert.repository';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { CHANNEL_WARNING_ALARM_KINDS } from 'src/modules/alerts/channel-warnings/channel-warning-alarms';
import { ChannelWarningsService } from 'src/modules/alerts/channel-warnings/channel-warnings.service';
import { SUPPLIER_ALARM_KINDS, SupplierClockAlarms } from 'src/modules/suppliers/supplier-clock-alarms';
import { BUYER_MESSAGE_ALARM_KINDS } from 'src/modules/buyer-messages/buyer-message-alarms';
import { BuyerMessageClockAlarms } from 'src/modules/buyer-messages/buyer-message-clock-alarms';
import { formatTimeLeft } from 'src/modules/alerts/format-time-left';
import { TrackingProviderService } from 'src/modules/carrier-tracking/provider/tracking-provider.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { OutboxRepository } from 'src/modules/outbox/outbox.repository';
import { MAILBOX_ALARM_KINDS, MailboxAlarms } from 'src/modules/mailbox/mailbox-alarms';
import { ComplianceService } from './compliance.service';
import { ReturnClockAlarms } from './returns/return-clock-alarms';
import { RETURN_ALARM_KINDS, returnRateAlarm } from './returns/return-alarms';
import { ReturnsReportService } from './returns/returns-report.service';

export { formatTimeLeft };

/** How long before its acknowledge-by an order counts as "due soon". */
export const ACKNOWLEDGE_SOON_MS = 60 * 60_000;

/** Alarms over the metric windows (heavier queries): they run only on the scans `withMetrics`. */
const WINDOW_ALARM_KINDS = ['COMPLIANCE_METRIC', 'LATE_ORIGIN_SCAN', 'ADDRESS_MISMATCH', 'TRACKING_REUSED'] as const;

/** The alert kinds this scan owns: it resolves any of them whose condition no longer holds. */
export const ALARM_KINDS = [
  'ACKNOWLEDGE_DUE_SOON',
  'ACKNOWLEDGE_OVERDUE',
  'SHIP_BY_TODAY',
  'PAST_SHIP_BY',
  'AUTO_CANCEL_RISK',
  'OUTBOX_FAILED',
  ...CHANNEL_WARNING_ALARM_KINDS,
  ...RETURN_ALARM_KINDS,
  ...SUPPLIER_ALARM_KINDS,
  ...MAILBOX_ALARM_KINDS,
  ...BUYER_MESSAGE_ALARM_KINDS,
  ...WINDOW_ALARM_KINDS,
] as const;

/** The statuses in which an order still waits to ship. */
const OPEN_STATUSES: readonly OrderStatus[] = ['CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED'];

/**
 * Early alarms: deadlines of open orders, outbox rows that failed for good, and metrics at risk or failing.
 * Each condition has a stable key, so a scan raises it once (later scans refresh its message) and resolves it
 * as soon as a scan no longer finds it.
 */
@Injectable()
export class ComplianceAlarmsService {
  private readonly log = new Logger('ComplianceAlarms');

  constructor(
    private readonly alerts: AlertsService,
    private readonly alertRows: AlertRepository,
    private readonly channelWarnings: ChannelWarningsService,
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly shipments: ShipmentRepository,
    private readonly outbox: OutboxRepository,
    private readonly compliance: ComplianceService,
    private readonly providers: TrackingProviderService,
    private readonly returnClock: ReturnClockAlarms,
    private readonly returnsReport: ReturnsReportService,
    private readonly supplierClock: SupplierClockAlarms,
    private readonly mailboxAlarms: MailboxAlarms,
    private readonly buyerMessageClock: BuyerMessageClockAlarms,
  ) {}

  /** One scan as of `now`; `withMetrics` also runs the (heavier) metric reports. Returns what is open afterwards. */
  async scan(now: Date, withMetrics = true): Promise<{ raised: number; resolved: number }> {
    const current = [
      ...(await this.deadlineAlarms(now)),
      ...(await this.outboxAlarms()),
      ...(await this.channelWarnings.dueAlarms(now)),
      ...(await this.returnClock.due(now)),
      ...(await this.supplierClock.due(now)),
      ...(await this.mailboxAlarms.due()),
      ...(await this.buyerMessageClock.due(now)),
    ];
    if (withMetrics)
      current.push(
        ...(await this.metricAlarms(now)),
        ...(await lateOriginScanAlarms(this.shipments, now, { providerOn: (await this.providers.status()).enabled })),
        ...(await addressMismatchAlarms(this.shipments, now)),
        ...(await trackingReuseAlarms(this.shipments, now)),
      );
    const kinds: string[] = withMetrics
      ? [...ALARM_KINDS]
      : ALARM_KINDS.filter((k) => !(WINDOW_ALARM_KINDS as readonly string[]).includes(k));
    const open = await this.alertRows.openConditionKeys(kinds);
    const keep = new Set(current.map((a) => a.conditionKey));
    for (const alert of current) await this.alerts.raise(alert);
    const stale = open.filter((k) => !keep.has(k));
    for (const key of stale) await this.alerts.resolve(key);
    const settledHolds = await this.escalateHeldTracking(now);
    if (stale.length + settledHolds) this.log.log(`${stale.length + settledHolds} alarm(s) resolved`);
    return { raised: current.length, resolved: stale.length + settledHolds };
  }

  /**
   * Held MCF tracking (raised by the MCF tracker) turns CRITICAL as the order's ship-by nears, and resolves once
   * the order no longer waits to ship (shipped another way, or cancelled). Returns how many resolved.
   */
  private async escalateHeldTracking(now: Date): Promise<number> {
    const held = await this.alertRows.findOpenWithOrder('MCF_TRACKING_HELD');
    const orders = new Map((await this.orders.findByIds(held.map((h) => h.orderId!))).map((o) => [o.id, o]));
    let resolved = 0;
    for (const h of held) {
      const order = orders.get(h.orderId!);
      if (!order) continue;
      if (!OPEN_STATUSES.includes(order.status)) {
        await this.alerts.resolve(h.conditionKey);
        resolved += 1;
        continue;
      }
      const severity = heldTrackingSeverity(order.shipBy, now);
      if (severity !== h.severity) await this.alertRows.setSeverity(h.conditionKey, severity);
    }
    return resolved;
  }

  private async deadlineAlarms(now: Date): Promise<RaisedAlert[]> {
    const enabled = new Set(await this.accounts.enabledIds());
    const dayEnds = (await this.accounts.dayEnds(now)).filter((d) => enabled.has(d.accountId));
    const rows = await this.orders.findDeadlineCandidates(dayEnds, new Date(now.getTime() + ACKNOWLEDGE_SOON_MS));
    const alarms: RaisedAlert[] = [];
    for (const o of rows) {
      const base = { orderId: o.id, accountId: o.account_id };
      const po = orderName(o.channel, o.channel_order_id);
      if (o.status === 'CREATED' && o.acknowledge_by) {
        const ackBy = new Date(o.acknowledge_by);
        if (ackBy <= now) {
          alarms.push({
            ...base,
            kind: 'ACKNOWLEDGE_OVERDUE',
            severity: 'HIGH',
            conditionKey: `ack-overdue:${o.id}`,
            message: `${po} was due for acknowledgement at ${ackBy.toISOString()}.`,
            action: 'Acknowledge it now.',
          });
        } else {
          alarms.push({
            ...base,
            kind: 'ACKNOWLEDGE_DUE_SOON',
            severity: 'MEDIUM',
            conditionKey: `ack-due:${o.id}`,
            message: `${po} must be acknowledged within ${formatTimeLeft(ackBy.getTime() - now.getTime())}.`,
            action: 'Acknowledge it before its deadline.',
          });
        }
      }
      if (!o.ship_by) continue;
      const shipBy = new Date(o.ship_by);
      if (shipBy > now && shipBy < new Date(o.end_of_today)) {
        alarms.push({
          ...base,
          kind: 'SHIP_BY_TODAY',
          severity: 'MEDIUM',
          conditionKey: `ship-by-today:${o.id}`,
          message: `${po} must ship by ${shipBy.toISOString()} (today).`,
          action: 'Ship it and confirm the shipment today.',
        });
      } else if (shipBy <= now) {
        alarms.push({
          ...base,
          kind: 'PAST_SHIP_BY',
          severity: 'HIGH',
          conditionKey: `past-ship-by:${o.id}`,
          message: `${po} was due to ship by ${shipBy.toISOString()}; it counts as late.`,
          action: 'Ship it as soon as possible, or cancel it.',
        });
        const autoCancelAt = o.auto_cancel_at ? new Date(o.auto_cancel_at) : null;
        if (channelProfile(o.channel).warnsBeforeAutoCancel && autoCancelAt && autoCancelAt > now) {
          alarms.push({
            ...base,
            kind: 'AUTO_CANCEL_RISK',
            severity: 'HIGH',
            conditionKey: `auto-cancel-risk:${o.id}`,
            message: `${po} will be cancelled by ${channelLabel(o.channel)} at ${autoCancelAt.toISOString()} (in ${formatTimeLeft(autoCancelAt.getTime() - now.getTime())}) unless shipped with valid tracking; it would count in the cancellation rate.`,
            action: 'Ship it with valid tracking before then.',
          });
        }
      }
    }
    return alarms;
  }

  /** Rows the channel refused, or given up on after every retry (a row an operator discarded is settled). */
  private async outboxAlarms(): Promise<RaisedAlert[]> {
    const rows = await this.outbox.findUnsettledFailures();
    return rows.map((r) => ({
      kind: 'OUTBOX_FAILED',
      severity: 'HIGH',
      conditionKey: `outbox-failed:${r.id}`,
      orderId: r.orderId,
      accountId: r.accountId,
      message: `${r.operation} was not delivered (${r.status})${r.lastError ? `: ${r.lastError}` : ''}.`,
      action: 'Fix and retry it from the outbox page, or discard it with a reason.',
    }));
  }

  private async metricAlarms(now: Date): Promise<RaisedAlert[]> {
    const accounts = await this.accounts.listEnabled();
    const alarms: RaisedAlert[] = [];
    for (const account of accounts) {
      const report = await this.compliance.report({ channel: account.channel, accountId: account.id, asOf: now });
      for (const m of report.metrics) {
        if (m.status !== 'AT_RISK' && m.status !== 'FAILING') continue;
        const rate = `${m.value!.toFixed(2)}% (${m.numerator} of ${m.denominator}, ${m.windowDays} days)`;
        // A channel may measure valid tracking per product category too (Amazon): each category is a condition of its own.
        const category = (m as { category?: string | null }).category ?? null;
        alarms.push({
          kind: 'COMPLIANCE_METRIC',
          severity: m.status === 'FAILING' ? 'HIGH' : 'MEDIUM',
          conditionKey: `metric:${account.id}:${m.key}${category === null ? '' : `:${category}`}`,
          accountId: account.id,
          message: `${m.label}${category === null ? '' : ` in category ${category}`} of ${account.name} is ${m.status === 'FAILING' ? 'failing' : 'at risk'}: ${rate} against ${m.comparator} ${m.threshold}% (${m.policyVersion}).`,
          action: 'Open the compliance report for the orders behind it.',
        });
      }
      const returns = await this.returnsReport.report({ channel: account.channel, accountId: account.id, asOf: now });
      const rate = returnRateAlarm(account, returns.returnRate, returns.windowDays, report.policyVersion);
      if (rate) alarms.push(rate);
    }
    return alarms;
  }
}
