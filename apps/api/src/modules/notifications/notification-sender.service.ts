import { Injectable, Logger } from '@nestjs/common';
import type { AlertSeverity } from '@order-hub/types';
import { MailerService } from 'src/modules/mail/mailer.service';
import type { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository';
import type { NotificationRuleEntity } from './notification-rule.entity';
import { NotificationRulesRepository } from './notification-rules.repository';
import { NotificationRulesService } from './notification-rules.service';
import { quietUntil } from './quiet-hours';
import { postWebhook } from './webhook-post';

/** After the first try fails: 1 min, 5 min, 30 min, 2 h, 6 h; then the delivery has FAILED. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
/** A sender holds a claimed row this long (an SMTP exchange gives up after 15 s, a webhook after 10 s). */
const SEND_LOCK_MS = 2 * 60_000;
const SEND_BATCH = 10;
const MAX_BATCHES_PER_PASS = 20;

interface Attempt {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * Sends claimed deliveries: e-mail through the MailerService, webhooks signed by postWebhook. Quiet hours defer
 * an alert below CRITICAL to the window's end; a failure is retried after RETRY_DELAYS_MS, then FAILED with the
 * last error and answer kept. A rule's test is sent once, now, quiet hours or not.
 */
@Injectable()
export class NotificationSender {
  private readonly log = new Logger('NotificationSender');

  constructor(
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly rules: NotificationRulesRepository,
    private readonly ruleSecrets: NotificationRulesService,
    private readonly mailer: MailerService,
  ) {}

  /** Every delivery due by `now`, in batches; how many it sent. */
  async sendDue(now: Date): Promise<number> {
    let sent = 0;
    for (let i = 0; i < MAX_BATCHES_PER_PASS; i++) {
      const batch = await this.deliveries.claim(now, new Date(now.getTime() + SEND_LOCK_MS), SEND_BATCH);
      if (batch.length === 0) break;
      const rules = await this.rulesOf(batch);
      const results = await Promise.all(batch.map((d) => this.deliver(d, rules.get(d.ruleId) ?? null, now)));
      sent += results.filter(Boolean).length;
    }
    return sent;
  }

  /** These deliveries now (a rule's test), whatever their time; the rows as they ended. */
  async sendNow(ids: readonly string[], now: Date): Promise<NotificationDeliveryEntity[]> {
    const batch = await this.deliveries.claim(now, new Date(now.getTime() + SEND_LOCK_MS), ids.length, ids);
    const rules = await this.rulesOf(batch);
    await Promise.all(batch.map((d) => this.deliver(d, rules.get(d.ruleId) ?? null, now)));
    return this.deliveries.findByIds(ids);
  }

  private async rulesOf(batch: readonly NotificationDeliveryEntity[]): Promise<Map<string, NotificationRuleEntity>> {
    const ids = [...new Set(batch.map((d) => d.ruleId))];
    const found = await Promise.all(ids.map((id) => this.rules.findById(id)));
    return new Map(found.filter((r): r is NotificationRuleEntity => r !== null).map((r) => [r.id, r]));
  }

  /** True when it went. */
  private async deliver(
    d: NotificationDeliveryEntity,
    rule: NotificationRuleEntity | null,
    now: Date,
  ): Promise<boolean> {
    try {
      if (!rule || (!rule.enabled && d.kind !== 'TEST')) {
        const why = rule
          ? 'The rule was turned off before this was sent.'
          : 'The rule was removed before this was sent.';
        await this.deliveries.finish(d.id, { status: 'FAILED', nextAttemptAt: null, lastError: why });
        return false;
      }
      const quietEnd =
        d.kind === 'ALERT' && severityOf(d) !== 'CRITICAL' && rule.quietFrom && rule.quietTo
          ? quietUntil(now, { from: rule.quietFrom, to: rule.quietTo, timeZone: rule.timeZone })
          : null;
      if (quietEnd) {
        await this.deliveries.finish(d.id, { status: 'DEFERRED', nextAttemptAt: quietEnd });
        return false;
      }
      const attempt = d.target === 'webhook' ? await this.postTo(rule, d) : await this.mailTo(d);
      const attempts = d.attempts + 1;
      if (attempt.ok) {
        await this.deliveries.finish(d.id, {
          status: 'SENT',
          attempts,
          sentAt: now,
          nextAttemptAt: null,
          lastError: null,
          responseStatus: attempt.status,
        });
        return true;
      }
      const retryIn = d.kind === 'TEST' ? undefined : RETRY_DELAYS_MS[attempts - 1];
      await this.deliveries.finish(d.id, {
        status: retryIn === undefined ? 'FAILED' : 'RETRYING',
        attempts,
        nextAttemptAt: retryIn === undefined ? null : new Date(now.getTime() + retryIn),
        lastError: attempt.error,
        responseStatus: attempt.status,
      });
      return false;
    } catch (err) {
      // A database failure mid-send: the lock runs out and the next pass tries again.
      this.log.error(`Delivery ${d.id} could not be recorded: ${(err as Error).message}`);
      return false;
    }
  }

  private async mailTo(d: NotificationDeliveryEntity): Promise<Attempt> {
    const { subject, text } = d.payload as { subject: string; text: string };
    if (!this.mailer.enabled)
      return { ok: false, status: null, error: 'No SMTP server is configured (SMTP_URL), so no e-mail can be sent.' };
    try {
      await this.mailer.send({ to: d.target.slice('email:'.length), subject, text });
      return { ok: true, status: null, error: null };
    } catch (err) {
      const e = err as Error & { responseCode?: number };
      return {
        ok: false,
        status: e.responseCode ?? null,
        error: `The mail server did not take the message: ${e.message.slice(0, 300)}`,
      };
    }
  }

  private async postTo(rule: NotificationRuleEntity, d: NotificationDeliveryEntity): Promise<Attempt> {
    let secret: string | null;
    try {
      secret = this.ruleSecrets.secretOf(rule);
    } catch {
      return {
        ok: false,
        status: null,
        error:
          "The webhook's signing secret cannot be read with this process's CREDENTIALS_KEY: every api and worker must share one.",
      };
    }
    if (!rule.webhookUrl || !secret) return { ok: false, status: null, error: 'The rule has no webhook any more.' };
    return postWebhook(rule.webhookUrl, secret, JSON.stringify(d.payload));
  }
}

/** The severity of the alert a delivery tells (e-mail payloads carry it beside the text). */
function severityOf(d: NotificationDeliveryEntity): AlertSeverity | null {
  const p = d.payload as { severity?: AlertSeverity; alert?: { severity?: AlertSeverity } };
  return p.severity ?? p.alert?.severity ?? null;
}
