import { Injectable } from '@nestjs/common';
import type { Channel } from '@order-hub/types';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { UsersService } from 'src/modules/users/users.service';
import type { NotificationDeliveryEntity } from './notification-delivery.entity';
import type { NotificationRuleEntity } from './notification-rule.entity';
import { NotificationRulesRepository } from './notification-rules.repository';
import type { NotificationDeliveryType, NotificationRuleType } from './notification.types';

/** Rules and deliveries as the GraphQL types show them, with the names of the people, accounts and rules they name. */
@Injectable()
export class NotificationViews {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: ChannelAccountRepository,
    private readonly ruleRows: NotificationRulesRepository,
  ) {}

  async rules(rules: readonly NotificationRuleEntity[]): Promise<NotificationRuleType[]> {
    const people = await this.users.findByIds([...new Set(rules.flatMap((r) => r.userIds))]);
    const accountIds = [...new Set(rules.map((r) => r.accountId).filter((id): id is string => id !== null))];
    const accounts = new Map((await this.accounts.findByIds(accountIds)).map((a) => [a.id, a.name]));
    return rules.map((r) => ({
      id: r.id,
      name: r.name,
      enabled: r.enabled,
      kinds: r.kinds,
      minSeverity: r.minSeverity,
      channel: r.channel as Channel | null,
      accountId: r.accountId,
      accountName: r.accountId ? (accounts.get(r.accountId) ?? null) : null,
      emails: r.emails,
      userIds: r.userIds,
      people: people.filter((p) => r.userIds.includes(p.id)).map((p) => ({ id: p.id, name: p.name, email: p.email })),
      webhookUrl: r.webhookUrl,
      hasWebhookSecret: r.webhookSecret !== null,
      mode: r.mode,
      digestHour: r.digestHour,
      quietFrom: r.quietFrom,
      quietTo: r.quietTo,
      timeZone: r.timeZone,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  async deliveries(rows: readonly NotificationDeliveryEntity[]): Promise<NotificationDeliveryType[]> {
    const rules = new Map((await this.ruleRows.list()).map((r) => [r.id, r]));
    return rows.map((d) => {
      const rule = rules.get(d.ruleId);
      const webhook = d.target === 'webhook';
      const payload = d.payload as { subject?: string; alert?: { message?: string } };
      return {
        id: d.id,
        ruleId: d.ruleId,
        ruleName: rule?.name ?? null,
        kind: d.kind,
        alertId: d.alertId,
        digestDate: d.digestDate,
        targetKind: webhook ? 'WEBHOOK' : 'EMAIL',
        target: webhook ? (rule?.webhookUrl ?? 'webhook') : d.target.slice('email:'.length),
        summary: payload.subject ?? payload.alert?.message ?? '',
        status: d.status,
        attempts: d.attempts,
        nextAttemptAt: d.nextAttemptAt,
        lastError: d.lastError,
        responseStatus: d.responseStatus,
        sentAt: d.sentAt,
        createdAt: d.createdAt,
      };
    });
  }
}
