import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelLabel, channelProfile, heldTrackingSeverity, orderName } from '@order-hub/rules';
import type { AlertSeverity, Channel } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import { lateOriginScanAlarms, trackingReuseAlarms } from '../alerts/alarms/shipment-alarms';
import type { RaisedAlert } from '../alerts/alerts.service';
import { AlertsService } from '../alerts/alerts.service';
import { CHANNEL_WARNING_ALARM_KINDS, scanChannelWarnings } from '../alerts/channel-warnings/channel-warning-alarms';
import { formatTimeLeft } from '../alerts/format-time-left';
import { ComplianceService } from './compliance.service';

export { formatTimeLeft };

/** How long before its acknowledge-by an order counts as "due soon". */
export const ACKNOWLEDGE_SOON_MS = 60 * 60_000;

/** Alarms over the metric windows (heavier queries): they run only on the scans `withMetrics`. */
const WINDOW_ALARM_KINDS = ['COMPLIANCE_METRIC', 'LATE_ORIGIN_SCAN', 'TRACKING_REUSED'] as const;

/** The alert kinds this scan owns: it resolves any of them whose condition no longer holds. */
export const ALARM_KINDS = [
  'ACKNOWLEDGE_DUE_SOON',
  'ACKNOWLEDGE_OVERDUE',
  'SHIP_BY_TODAY',
  'PAST_SHIP_BY',
  'AUTO_CANCEL_RISK',
  'OUTBOX_FAILED',
  ...CHANNEL_WARNING_ALARM_KINDS,
  ...WINDOW_ALARM_KINDS,
] as const;

interface OpenOrderRow {
  id: string;
  account_id: string;
  channel: Channel;
  channel_order_id: string;
  status: string;
  ship_by: Date | null;
  acknowledge_by: Date | null;
  auto_cancel_at: Date | null;
  end_of_today: Date;
}

/**
 * Early alarms: deadlines of open orders, outbox rows that failed for good, and metrics at risk or failing.
 * Each condition has a stable key, so a scan raises it once (later scans refresh its message) and resolves it
 * as soon as a scan no longer finds it.
 */
@Injectable()
export class ComplianceAlarmsService {
  private readonly log = new Logger('ComplianceAlarms');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly alerts: AlertsService,
    private readonly compliance: ComplianceService,
  ) {}

  /** One scan as of `now`; `withMetrics` also runs the (heavier) metric reports. Returns what is open afterwards. */
  async scan(now: Date, withMetrics = true): Promise<{ raised: number; resolved: number }> {
    const current = [
      ...(await this.deadlineAlarms(now)),
      ...(await this.outboxAlarms()),
      ...(await scanChannelWarnings(this.ds, now)),
    ];
    if (withMetrics)
      current.push(
        ...(await this.metricAlarms(now)),
        ...(await lateOriginScanAlarms(this.ds, now)),
        ...(await trackingReuseAlarms(this.ds, now)),
      );
    const kinds: string[] = withMetrics
      ? [...ALARM_KINDS]
      : ALARM_KINDS.filter((k) => !(WINDOW_ALARM_KINDS as readonly string[]).includes(k));
    const open: { condition_key: string }[] = await this.ds.query(
      `SELECT condition_key FROM alert WHERE resolved_at IS NULL AND kind = ANY($1)`,
      [kinds],
    );
    const keep = new Set(current.map((a) => a.conditionKey));
    for (const alert of current) await this.alerts.raise(alert);
    const stale = open.map((o) => o.condition_key).filter((k) => !keep.has(k));
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
    const held: { condition_key: string; severity: AlertSeverity; ship_by: Date | null; open: boolean }[] =
      await this.ds.query(
        `SELECT a.condition_key, a.severity, o.ship_by, o.status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AS open
         FROM alert a JOIN "order" o ON o.id = a.order_id WHERE a.kind = 'MCF_TRACKING_HELD' AND a.resolved_at IS NULL`,
      );
    let resolved = 0;
    for (const h of held) {
      if (!h.open) {
        await this.alerts.resolve(h.condition_key);
        resolved += 1;
        continue;
      }
      const severity = heldTrackingSeverity(h.ship_by ? new Date(h.ship_by) : null, now);
      if (severity !== h.severity)
        await this.ds.query(`UPDATE alert SET severity = $2 WHERE condition_key = $1 AND resolved_at IS NULL`, [
          h.condition_key,
          severity,
        ]);
    }
    return resolved;
  }

  private async deadlineAlarms(now: Date): Promise<RaisedAlert[]> {
    const rows: OpenOrderRow[] = await this.ds.query(
      `SELECT o.id, o.account_id, o.channel, o.channel_order_id, o.status, o.ship_by, o.acknowledge_by, o.auto_cancel_at,
              (date_trunc('day', $1::timestamptz AT TIME ZONE a.time_zone) + interval '1 day') AT TIME ZONE a.time_zone AS end_of_today
         FROM "order" o JOIN channel_account a ON a.id = o.account_id
        WHERE o.status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AND o.fulfillment_method <> 'CHANNEL' AND a.disabled_at IS NULL
          AND ((o.status = 'CREATED' AND o.acknowledge_by < $2) OR o.ship_by < (date_trunc('day', $1::timestamptz AT TIME ZONE a.time_zone) + interval '1 day') AT TIME ZONE a.time_zone)`,
      [now, new Date(now.getTime() + ACKNOWLEDGE_SOON_MS)],
    );
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
    const rows: {
      id: string;
      order_id: string;
      account_id: string;
      operation: string;
      status: string;
      last_error: string | null;
    }[] = await this.ds.query(
      `SELECT id, order_id, account_id, operation, status, last_error FROM outbox WHERE status = 'FAILED' OR (status = 'DEAD' AND discard_reason IS NULL)`,
    );
    return rows.map((r) => ({
      kind: 'OUTBOX_FAILED',
      severity: 'HIGH',
      conditionKey: `outbox-failed:${r.id}`,
      orderId: r.order_id,
      accountId: r.account_id,
      message: `${r.operation} was not delivered (${r.status})${r.last_error ? `: ${r.last_error}` : ''}.`,
      action: 'Fix and retry it from the outbox page, or discard it with a reason.',
    }));
  }

  private async metricAlarms(now: Date): Promise<RaisedAlert[]> {
    const accounts: { id: string; name: string; channel: Channel }[] = await this.ds.query(
      `SELECT id, name, channel FROM channel_account WHERE disabled_at IS NULL ORDER BY name`,
    );
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
    }
    return alarms;
  }
}
