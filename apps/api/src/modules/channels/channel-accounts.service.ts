import { Injectable } from '@nestjs/common';
import { type Channel, type ChannelAccountSummary, ChannelEnvironment } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { InjectConfig } from 'src/config/app-config.token';
import { Transactions } from 'src/common/database/transactions';
import type { AppConfig } from 'src/config/app-config';
import { AuditService } from 'src/modules/audit/audit.service';
import type { ChannelAccountEntity } from './channel-account.entity';
import { ChannelAccountRepository } from './channel-account.repository';
import { checkCredentialsFollowBaseUrl, checkPublishedHosts } from './channel-hosts';
import { CredentialsCipher } from './credentials-cipher';

/** What an account is made of before it has an id, plus its write-only credentials. */
export type NewChannelAccount = Omit<ChannelAccountSummary, 'id'> & {
  credentials: Record<string, string>;
  autoAcknowledge?: boolean;
  mcfTrackingDelayMinutes?: number | null;
  holdTrackingUntilScan?: boolean;
};

@Injectable()
export class ChannelAccountsService {
  private readonly cipher: CredentialsCipher;
  private readonly allowCustomHosts: boolean;

  constructor(
    private readonly accounts: ChannelAccountRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    @InjectConfig() config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
    this.allowCustomHosts = config.allowCustomChannelHosts;
  }

  list(): Promise<ChannelAccountEntity[]> {
    return this.accounts.list();
  }

  count(): Promise<number> {
    return this.accounts.count();
  }

  async create(input: NewChannelAccount, actor: string, em?: EntityManager): Promise<ChannelAccountEntity> {
    validateTimeZone(input.timeZone);
    this.checkHosts(input.channel, input.environment, input.baseUrl, input.credentials);
    const run = async (m: EntityManager) => {
      const saved = await this.accounts.insert(
        {
          channel: input.channel,
          name: input.name,
          marketplace: input.marketplace,
          environment: input.environment,
          baseUrl: input.baseUrl,
          timeZone: input.timeZone,
          autoAcknowledge: input.autoAcknowledge ?? true,
          mcfTrackingDelayMinutes: input.mcfTrackingDelayMinutes ?? null,
          credentialsEncrypted: this.cipher.encrypt(input.credentials),
        },
        m,
      );
      await this.audit.record(m, {
        actor,
        action: 'channel_account.created',
        entityType: 'channel_account',
        entityId: saved.id,
        // Credentials never enter the audit log; only which keys were set.
        after: {
          channel: saved.channel,
          name: saved.name,
          marketplace: saved.marketplace,
          credentialKeys: Object.keys(input.credentials),
        },
      });
      return saved;
    };
    return em ? run(em) : this.tx.run(run);
  }

  async get(id: string): Promise<ChannelAccountEntity> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundError('Channel account', id);
    return account;
  }

  /**
   * Changes what is given; credentials, when given, replace the stored ones whole. A new baseUrl needs the
   * credentials with it, and a PRODUCTION account's URLs must stay the channel's published hosts.
   */
  async update(
    id: string,
    changes: Partial<Omit<NewChannelAccount, 'channel'>>,
    actor: string,
  ): Promise<ChannelAccountEntity> {
    if (changes.timeZone !== undefined) validateTimeZone(changes.timeZone);
    return this.tx.run(async (em) => {
      const account = await this.accounts.lockById(id, em);
      if (!account) throw new NotFoundError('Channel account', id);
      const { credentials, ...fields } = changes;
      checkCredentialsFollowBaseUrl(account.channel, account.baseUrl, fields.baseUrl, credentials);
      if (fields.baseUrl !== undefined || fields.environment !== undefined || credentials) {
        const stored = credentials ? null : await this.accounts.encryptedCredentialsOf(id, em);
        this.checkHosts(
          account.channel,
          fields.environment ?? account.environment,
          fields.baseUrl ?? account.baseUrl,
          credentials ?? (stored ? this.cipher.decrypt(stored) : null),
        );
      }
      const before = {
        name: account.name,
        marketplace: account.marketplace,
        environment: account.environment,
        baseUrl: account.baseUrl,
        timeZone: account.timeZone,
        autoAcknowledge: account.autoAcknowledge,
        mcfTrackingDelayMinutes: account.mcfTrackingDelayMinutes,
        holdTrackingUntilScan: account.holdTrackingUntilScan,
      };
      Object.assign(account, fields);
      if (credentials) account.credentialsEncrypted = this.cipher.encrypt(credentials);
      const saved = await this.accounts.save(account, em);
      await this.audit.record(em, {
        actor,
        action: 'channel_account.updated',
        entityType: 'channel_account',
        entityId: id,
        before,
        after: { ...fields, ...(credentials ? { credentialKeys: Object.keys(credentials) } : {}) },
      });
      return saved;
    });
  }

  /** Stops syncing and acting on the account; its orders stay. */
  async disable(id: string, actor: string): Promise<ChannelAccountEntity> {
    return this.tx.run(async (em) => {
      const account = await this.accounts.lockById(id, em);
      if (!account) throw new NotFoundError('Channel account', id);
      if (account.disabledAt) return account;
      account.disabledAt = new Date();
      const saved = await this.accounts.save(account, em);
      await this.audit.record(em, {
        actor,
        action: 'channel_account.disabled',
        entityType: 'channel_account',
        entityId: id,
      });
      return saved;
    });
  }

  private checkHosts(
    channel: Channel,
    environment: ChannelEnvironment,
    baseUrl: string,
    credentials: Record<string, string> | null,
  ): void {
    if (environment === ChannelEnvironment.PRODUCTION && !this.allowCustomHosts)
      checkPublishedHosts(channel, baseUrl, credentials);
  }

  /** Credentials for the channel adapters; never exposed through the API. */
  async credentialsOf(accountId: string): Promise<Record<string, string> | null> {
    const encrypted = await this.accounts.encryptedCredentialsOf(accountId);
    return encrypted ? this.cipher.decrypt(encrypted) : null;
  }
}

function validateTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new BadUserInputError(
      'input.timeZone',
      `"${timeZone}" is not an IANA time zone such as America/Los_Angeles.`,
    );
  }
}
