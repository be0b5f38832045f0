import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RaisedAlert } from '../alerts/alerts.service';
import { AlertsService } from '../alerts/alerts.service';
import { ComplianceService } from './compliance.service';

/** How long before its acknowledge-by a Walmart order counts as "due soon". */
export const ACKNOWLEDGE_SOON_MS = 60 * 60_000;

/** The alert kinds this scan owns: it resolves any of them whose condition no longer holds. */
export const ALARM_KINDS = ['ACKNOWLEDGE_DUE_SOON', 'ACKNOWLEDGE_OVERDUE', 'SHIP_BY_TODAY', 'PAST_SHIP_BY', 'AUTO_CANCEL_RISK', 'OUTBOX_FAILED', 'COMPLIANCE_METRIC'] as const;

interface OpenOrderRow {
  id: string;
  account_id: string;
  channel: string;
  channel_order_id: string;
  status: string;
  ship_by: Date | null;
  acknowledge_by: Date | null;
  auto_cancel_at: Date | null;
  end_of_today: Date;
}

export function formatTimeLeft(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  return `${hours} h ${minutes % 60} min`;
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
    const current = [...(await this.deadlineAlarms(now)), ...(await this.outboxAlarms())];
    if (withMetrics) current.push(...(await this.metricAlarms(now)));
    const kinds: string[] = withMetrics ? [...ALARM_KINDS] : ALARM_KINDS.filter((k) => k !== 'COMPLIANCE_METRIC');
    const open: { condition_key: string }[] = await this.ds.query(`SELECT condition_key FROM alert WHERE resolved_at IS NULL AND kind = ANY($1)`, [kinds]);
    const keep = new Set(current.map((a) => a.conditionKey));
    for (const alert of current) await this.alerts.raise(alert);
    const stale = open.map((o) => o.condition_key).filter((k) => !keep.has(k));
    for (const key of stale) await this.alerts.resolve(key);
    if (stale.length) this.log.log(`${stale.length} alarm(s) resolved`);
    return { raised: current.length, resolved: stale.length };
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
      const po = `${o.channel === 'WALMART' ? 'Walmart' : 'Amazon'} order ${o.channel_order_id}`;
      if (o.status === 'CREATED' && o.acknowledge_by) {
        const ackBy = new Date(o.acknowledge_by);
        if (ackBy <= now) {
          alarms.push({ ...base, kind: 'ACKNOWLEDGE_OVERDUE', severity: 'HIGH', conditionKey: `ack-overdue:${o.id}`, message: `${po} was due for acknowledgement at ${ackBy.toISOString()}.`, action: 'Acknowledge it now.' });
        } else {
          alarms.push({ ...base, kind: 'ACKNOWLEDGE_DUE_SOON', severity: 'MEDIUM', conditionKey: `ack-due:${o.id}`, message: `${po} must be acknowledged within ${formatTimeLeft(ackBy.getTime() - now.getTime())}.`, action: 'Acknowledge it before its deadline.' });
        }
      }
      if (!o.ship_by) continue;
      const shipBy = new Date(o.ship_by);
      if (shipBy > now && shipBy < new Date(o.end_of_today)) {
        alarms.push({ ...base, kind: 'SHIP_BY_TODAY', severity: 'MEDIUM', conditionKey: `ship-by-today:${o.id}`, message: `${po} must ship by ${shipBy.toISOString()} (today).`, action: 'Ship it and confirm the shipment today.' });
      } else if (shipBy <= now) {
        alarms.push({ ...base, kind: 'PAST_SHIP_BY', severity: 'HIGH', conditionKey: `past-ship-by:${o.id}`, message: `${po} was due to ship by ${shipBy.toISOString()}; it counts as late.`, action: 'Ship it as soon as possible, or cancel it.' });
        const autoCancelAt = o.auto_cancel_at ? new Date(o.auto_cancel_at) : null;
        if (o.channel === 'WALMART' && autoCancelAt && autoCancelAt > now) {
          alarms.push({
            ...base,
            kind: 'AUTO_CANCEL_RISK',
            severity: 'HIGH',
            conditionKey: `auto-cancel-risk:${o.id}`,
            message: `${po} will be cancelled by Walmart at ${autoCancelAt.toISOString()} (in ${formatTimeLeft(autoCancelAt.getTime() - now.getTime())}) unless shipped with valid tracking; it would count in the cancellation rate.`,
            action: 'Ship it with valid tracking before then.',
          });
        }
      }
    }
    return alarms;
  }

  /** Rows the channel refused, or given up on after every retry (a row an operator discarded is settled). */
  private async outboxAlarms(): Promise<RaisedAlert[]> {
    const rows: { id: string; order_id: string; account_id: string; operation: string; status: string; last_error: string | null }[] = await this.ds.query(
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
    const accounts: { id: string; name: string; channel: 'WALMART' | 'AMAZON' }[] = await this.ds.query(
      `SELECT id, name, channel FROM channel_account WHERE disabled_at IS NULL ORDER BY name`,
    );
    const alarms: RaisedAlert[] = [];
    for (const account of accounts) {
      const report = await this.compliance.report({ channel: account.channel, accountId: account.id, asOf: now });
      for (const m of report.metrics) {
        if (m.status !== 'AT_RISK' && m.status !== 'FAILING') continue;
        const rate = `${m.value!.toFixed(2)}% (${m.numerator} of ${m.denominator}, ${m.windowDays} days)`;
        alarms.push({
          kind: 'COMPLIANCE_METRIC',
          severity: m.status === 'FAILING' ? 'HIGH' : 'MEDIUM',
          conditionKey: `metric:${account.id}:${m.key}`,
          accountId: account.id,
          message: `${m.label} of ${account.name} is ${m.status === 'FAILING' ? 'failing' : 'at risk'}: ${rate} against ${m.comparator} ${m.threshold}% (${m.policyVersion}).`,
          action: 'Open the compliance report for the orders behind it.',
        });
      }
    }
    return alarms;
  }
}
