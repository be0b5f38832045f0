import { Injectable } from '@nestjs/common';
import { UserStatus } from '@order-hub/types';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService, type AuditRecord } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { CredentialsCipher } from 'src/modules/channels/credentials-cipher';
import { UsersService } from 'src/modules/users/users.service';
import type { NotificationRuleEntity } from './notification-rule.entity';
import type { NotificationRuleChanges } from './notification-rule.input';
import { NotificationRulesRepository } from './notification-rules.repository';
import { newWebhookSecret } from './webhook-signature';

export interface SavedRule {
  rule: NotificationRuleEntity;
  /** The webhook's signing secret when this save issued one: shown this once. */
  webhookSecret: string | null;
}

/**
 * Notification rules: checked whole before they are saved (people and account exist, someone to tell, quiet hours
 * given as a pair), the webhook's signing secret issued by the hub and kept encrypted.
 */
@Injectable()
export class NotificationRulesService {
  private readonly cipher: CredentialsCipher;

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly rules: NotificationRulesRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
  }

  list(): Promise<NotificationRuleEntity[]> {
    return this.rules.list();
  }

  async get(id: string): Promise<NotificationRuleEntity> {
    const rule = await this.rules.findById(id);
    if (!rule) throw new NotFoundError('Notification rule', id);
    return rule;
  }

  async create(input: NotificationRuleChanges, actor: string): Promise<SavedRule> {
    if (!input.name) throw new BadUserInputError('input.name', 'is required.');
    const fields: Partial<NotificationRuleEntity> = {
      name: input.name,
      enabled: input.enabled ?? true,
      kinds: input.kinds ?? [],
      minSeverity: input.minSeverity ?? 'LOW',
      channel: input.channel ?? null,
      accountId: input.accountId ?? null,
      emails: input.emails ?? [],
      userIds: input.userIds ?? [],
      webhookUrl: input.webhookUrl ?? null,
      mode: input.mode ?? 'IMMEDIATE',
      digestHour: input.digestHour ?? 8,
      quietFrom: input.quietFrom ?? null,
      quietTo: input.quietTo ?? null,
      timeZone: input.timeZone ?? (await this.accountZone(input.accountId ?? null)) ?? 'UTC',
      createdBy: actor,
    };
    await this.check(fields);
    const secret = fields.webhookUrl ? newWebhookSecret() : null;
    const rule = await this.tx.run(async (em) => {
      const saved = await this.rules.insert({ ...fields, webhookSecret: secret ? this.seal(secret) : null }, em);
      await this.audit.record(em, this.event('created', saved, actor));
      return saved;
    });
    return { rule, webhookSecret: secret };
  }

  async update(id: string, input: NotificationRuleChanges, actor: string): Promise<SavedRule> {
    const rule = await this.get(id);
    const { newWebhookSecret: rotate, ...changes } = input;
    const given: Partial<NotificationRuleEntity> = Object.fromEntries(
      Object.entries(changes).filter(([, v]) => v !== undefined),
    );
    const next: NotificationRuleEntity = { ...rule, ...given };
    await this.check(next);
    const secret = next.webhookUrl && (rotate || !rule.webhookSecret) ? newWebhookSecret() : null;
    if (secret) next.webhookSecret = this.seal(secret);
    if (!next.webhookUrl) next.webhookSecret = null;
    const saved = await this.tx.run(async (em) => {
      const after = await this.rules.save(next, em);
      await this.audit.record(em, { ...this.event('updated', after, actor), before: described(rule) });
      return after;
    });
    return { rule: saved, webhookSecret: secret };
  }

  async remove(id: string, actor: string): Promise<boolean> {
    const rule = await this.get(id);
    await this.tx.run(async (em) => {
      await this.rules.remove(id, em);
      await this.audit.record(em, { ...this.event('removed', rule, actor), after: null, before: described(rule) });
    });
    return true;
  }

  /** The webhook's signing secret in clear, for signing. */
  secretOf(rule: NotificationRuleEntity): string | null {
    return rule.webhookSecret ? (this.cipher.decrypt(rule.webhookSecret).secret ?? null) : null;
  }

  private event(what: string, rule: NotificationRuleEntity, actor: string): AuditRecord {
    return {
      actor,
      action: `notification_rule.${what}`,
      entityType: 'notification_rule',
      entityId: rule.id,
      after: described(rule),
    };
  }

  private seal(secret: string): Buffer {
    return this.cipher.encrypt({ secret });
  }

  private async accountZone(accountId: string | null): Promise<string | null> {
    return accountId ? ((await this.accounts.findById(accountId))?.timeZone ?? null) : null;
  }

  private async check(rule: Partial<NotificationRuleEntity>): Promise<void> {
    if (rule.accountId) {
      const account = await this.accounts.findById(rule.accountId);
      if (!account) throw new BadUserInputError('input.accountId', 'names no channel account of the hub.');
      if (rule.channel && account.channel !== rule.channel)
        throw new BadUserInputError(
          'input.channel',
          `does not match the account ${account.name} (${account.channel}).`,
        );
    }
    const userIds = rule.userIds ?? [];
    if (userIds.length) {
      const found = await this.users.findByIds(userIds);
      const i = userIds.findIndex((u) => !found.some((f) => f.id === u && f.status !== UserStatus.DISABLED));
      if (i >= 0) throw new BadUserInputError(`input.userIds.${i}`, 'names no active person of the hub.');
    }
    if (!rule.emails?.length && !userIds.length && !rule.webhookUrl)
      throw new BadUserInputError(
        'input.emails',
        'a rule needs someone to tell: an e-mail address, a person or a webhook URL.',
      );
    if (rule.mode === 'DAILY_DIGEST') {
      if (rule.webhookUrl)
        throw new BadUserInputError(
          'input.webhookUrl',
          'a daily digest goes by e-mail only; send webhooks from an IMMEDIATE rule.',
        );
      if (!rule.emails?.length && !userIds.length)
        throw new BadUserInputError('input.emails', 'a daily digest needs an e-mail address or a person to write to.');
    }
    if ((rule.quietFrom == null) !== (rule.quietTo == null))
      throw new BadUserInputError(
        rule.quietFrom == null ? 'input.quietFrom' : 'input.quietTo',
        'quiet hours need both a start and an end.',
      );
    if (rule.quietFrom && rule.quietFrom === rule.quietTo)
      throw new BadUserInputError('input.quietTo', 'must differ from quietFrom.');
  }
}

/** The rule as the audit log keeps it: everything but the secret. */
function described(rule: NotificationRuleEntity): Record<string, unknown> {
  const { webhookSecret: _secret, ...rest } = rule;
  return { ...rest, hasWebhookSecret: rule.webhookSecret !== null };
}
