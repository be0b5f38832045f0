import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { AlertRepository } from 'src/modules/alerts/alert.repository';
import { LeaseHolder } from 'src/modules/jobs/lease-holder';
import { UsersService } from 'src/modules/users/users.service';
import { AlertDescriptions, type DescribedAlert } from './alert-descriptions';
import { NotificationCursorRepository } from './notification-cursor.repository';
import type { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationDeliveriesRepository, type NewDelivery } from './notification-deliveries.repository';
import { alertEmail, alertWebhookBody, digestEmail, type AlertForMessage } from './notification-messages';
import type { NotificationRuleEntity } from './notification-rule.entity';
import { NotificationRulesRepository } from './notification-rules.repository';
import { NotificationSender } from './notification-sender.service';
import { ruleMatches, ruleTargets } from './rule-matching';
import { zonedDate, zonedParts } from './zoned-time';

/** The console's origin when PUBLIC_URL is not set (the Vite dev server). */
export const DEFAULT_PUBLIC_URL = 'http://localhost:5173';
/** How long one pass holds the alert cursor. */
const CURSOR_LEASE_MS = 60_000;
/**
 * Each pass reads again the alerts opened this long before the cursor: an alert's opened_at is its transaction's
 * start, so one committed late may sort before alerts already read. The unique delivery key drops repeats.
 */
const REREAD_MS = 2 * 60_000;
const ALERTS_PER_PASS = 2000;
/** Most alerts one digest lists; the e-mail says when there were more. */
const DIGEST_MAX_ALERTS = 200;

/**
 * Turns alerts into deliveries and sends them. A pass (every 30 s, and `runOnce(now)` in tests): reads the alerts
 * opened since the cursor under a lease, writes one delivery per matching rule × alert × target, writes the digests
 * due, and sends whatever is due. Safe with several processes: the cursor is leased, deliveries are unique, and a
 * sender claims rows with FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly publicUrl: string;

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly alerts: AlertRepository,
    private readonly describer: AlertDescriptions,
    private readonly rules: NotificationRulesRepository,
    private readonly cursor: NotificationCursorRepository,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly users: UsersService,
    private readonly sender: NotificationSender,
    private readonly holder: LeaseHolder,
  ) {
    this.publicUrl = config.publicUrl ?? DEFAULT_PUBLIC_URL;
  }

  async runOnce(now = new Date()): Promise<{ written: number; sent: number }> {
    const rules = await this.rules.listEnabled();
    const written =
      (await this.writeAlertDeliveries(
        rules.filter((r) => r.mode === 'IMMEDIATE'),
        now,
      )) +
      (await this.writeDigests(
        rules.filter((r) => r.mode === 'DAILY_DIGEST'),
        now,
      ));
    return { written, sent: await this.sender.sendDue(now) };
  }

  /** A rule's test: a made-up alert sent to every target now; the deliveries as they ended. */
  async test(rule: NotificationRuleEntity, now = new Date()): Promise<NotificationDeliveryEntity[]> {
    const alert: AlertForMessage = {
      id: randomUUID(),
      kind: rule.kinds[0] ?? 'PAST_SHIP_BY',
      severity: rule.minSeverity,
      message: `This is a test of the notification rule "${rule.name}". When an alert it covers opens, it comes like this.`,
      action: 'Nothing to do: this tells you the rule reaches you.',
      openedAt: now,
      order: null,
      account: null,
    };
    const rows = this.alertRows(rule, alert, await this.people([rule]), now, 'TEST');
    const ids = await this.deliveries.insertNew(rows);
    return this.sender.sendNow(ids, now);
  }

  private async writeAlertDeliveries(rules: NotificationRuleEntity[], now: Date): Promise<number> {
    if (rules.length === 0) return 0;
    const lease = await this.cursor.claim(this.holder.id, now, new Date(now.getTime() + CURSOR_LEASE_MS));
    if (!lease) return 0;
    let last: { openedAt: Date; alertId: string } | null = null;
    try {
      const firstRule = Math.min(...rules.map((r) => r.createdAt.getTime()));
      const from = Math.max(firstRule, (lease.openedAt?.getTime() ?? 0) - REREAD_MS);
      const opened = await this.alerts.findOpenedBetween(new Date(from), null, ALERTS_PER_PASS);
      const tail = opened.at(-1);
      if (tail) last = { openedAt: tail.openedAt, alertId: tail.id };
      // An alert already resolved when read is not news any more (the digest still lists it).
      const described = await this.describer.describe(opened.filter((a) => !a.resolvedAt));
      const people = await this.people(rules);
      const rows: NewDelivery[] = [];
      for (const alert of described) {
        for (const rule of rules) {
          if (alert.openedAt < rule.createdAt || !ruleMatches(rule, alert)) continue;
          rows.push(...this.alertRows(rule, alert, people, now, 'ALERT'));
        }
      }
      return (await this.deliveries.insertNew(rows)).length;
    } finally {
      await this.cursor.release(this.holder.id, last);
    }
  }

  private alertRows(
    rule: NotificationRuleEntity,
    alert: AlertForMessage,
    people: ReadonlyMap<string, string>,
    now: Date,
    kind: 'ALERT' | 'TEST',
  ): NewDelivery[] {
    const test = kind === 'TEST';
    return ruleTargets(rule, people).map((target): NewDelivery => {
      const id = randomUUID();
      const payload =
        target === 'webhook'
          ? alertWebhookBody(id, alert, this.publicUrl, test ? 'alert.test' : 'alert.opened')
          : {
              ...alertEmail(alert, { publicUrl: this.publicUrl, timeZone: rule.timeZone, ruleName: rule.name, test }),
              severity: alert.severity,
            };
      return {
        id,
        ruleId: rule.id,
        kind,
        alertId: test ? null : alert.id,
        digestDate: null,
        target,
        status: 'PENDING',
        nextAttemptAt: now,
        payload,
      };
    });
  }

  /** Each digest rule past its hour today (in its zone) without today's digest: one e-mail per address. */
  private async writeDigests(rules: NotificationRuleEntity[], now: Date): Promise<number> {
    const due = rules.filter((r) => zonedParts(now, r.timeZone).hour >= r.digestHour);
    if (due.length === 0) return 0;
    const days = [...new Set(due.map((r) => zonedDate(now, r.timeZone)))];
    const written = await this.deliveries.digestWritten(
      due.map((r) => r.id),
      days,
    );
    const people = await this.people(due);
    const rows: NewDelivery[] = [];
    for (const rule of due) {
      const day = zonedDate(now, rule.timeZone);
      if (written.has(`${rule.id}/${day}`)) continue;
      const since = (await this.deliveries.lastDigestEnd(rule.id)) ?? rule.createdAt;
      const opened = await this.describer.describe(await this.alerts.findOpenedBetween(since, now, ALERTS_PER_PASS));
      const matching: DescribedAlert[] = opened.filter((a) => ruleMatches(rule, a));
      const email = digestEmail(matching.slice(0, DIGEST_MAX_ALERTS), {
        publicUrl: this.publicUrl,
        timeZone: rule.timeZone,
        ruleName: rule.name,
        since,
        more: matching.length > DIGEST_MAX_ALERTS,
      });
      for (const target of ruleTargets(rule, people, false)) {
        rows.push({
          id: randomUUID(),
          ruleId: rule.id,
          kind: 'DIGEST',
          alertId: null,
          digestDate: day,
          target,
          status: 'PENDING',
          nextAttemptAt: now,
          payload: {
            ...email,
            windowFrom: since.toISOString(),
            windowTo: now.toISOString(),
            alertIds: matching.map((a) => a.id),
          },
        });
      }
    }
    return (await this.deliveries.insertNew(rows)).length;
  }

  /** The address of every person the rules name who may still be written to. */
  private async people(rules: readonly NotificationRuleEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rules.flatMap((r) => r.userIds))];
    const found = ids.length ? await this.users.findByIds(ids) : [];
    return new Map(found.filter((u) => u.status !== 'DISABLED').map((u) => [u.id, u.email]));
  }
}
