import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelAccountSummary } from '@order-hub/types';
import { DataSource, type EntityManager } from 'typeorm';
import { BadUserInputError, NotFoundError } from '../../common/errors/app-error';
import { InjectConfig } from '../../config/app-config.token';
import type { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { ChannelAccountEntity } from './channel-account.entity';
import { CredentialsCipher } from './credentials-cipher';

/** What an account is made of before it has an id, plus its write-only credentials. */
export type NewChannelAccount = Omit<ChannelAccountSummary, 'id'> & {
  credentials: Record<string, string>;
  autoAcknowledge?: boolean;
  mcfTrackingDelayMinutes?: number | null;
};

@Injectable()
export class ChannelAccountsService {
  private readonly cipher: CredentialsCipher;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @InjectConfig() config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
  }

  list(): Promise<ChannelAccountEntity[]> {
    return this.ds.getRepository(ChannelAccountEntity).find({ order: { channel: 'ASC', name: 'ASC' } });
  }

  count(): Promise<number> {
    return this.ds.getRepository(ChannelAccountEntity).count();
  }

  async create(input: NewChannelAccount, actor: string, em?: EntityManager): Promise<ChannelAccountEntity> {
    validateTimeZone(input.timeZone);
    const run = async (m: EntityManager) => {
      const repo = m.getRepository(ChannelAccountEntity);
      const saved = await repo.save(
        repo.create({
          channel: input.channel,
          name: input.name,
          marketplace: input.marketplace,
          environment: input.environment,
          baseUrl: input.baseUrl,
          timeZone: input.timeZone,
          autoAcknowledge: input.autoAcknowledge ?? true,
          mcfTrackingDelayMinutes: input.mcfTrackingDelayMinutes ?? null,
          credentialsEncrypted: this.cipher.encrypt(input.credentials),
        }),
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
    return em ? run(em) : this.ds.transaction(run);
  }

  async get(id: string): Promise<ChannelAccountEntity> {
    const account = await this.ds.getRepository(ChannelAccountEntity).findOneBy({ id });
    if (!account) throw new NotFoundError('Channel account', id);
    return account;
  }

  /** Changes what is given; credentials, when given, replace the stored ones whole. */
  async update(
    id: string,
    changes: Partial<Omit<NewChannelAccount, 'channel'>>,
    actor: string,
  ): Promise<ChannelAccountEntity> {
    if (changes.timeZone !== undefined) validateTimeZone(changes.timeZone);
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(ChannelAccountEntity);
      const account = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw new NotFoundError('Channel account', id);
      const { credentials, ...fields } = changes;
      const before = {
        name: account.name,
        marketplace: account.marketplace,
        environment: account.environment,
        baseUrl: account.baseUrl,
        timeZone: account.timeZone,
        autoAcknowledge: account.autoAcknowledge,
      };
      Object.assign(account, fields);
      if (credentials) account.credentialsEncrypted = this.cipher.encrypt(credentials);
      const saved = await repo.save(account);
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
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(ChannelAccountEntity);
      const account = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw new NotFoundError('Channel account', id);
      if (account.disabledAt) return account;
      account.disabledAt = new Date();
      const saved = await repo.save(account);
      await this.audit.record(em, {
        actor,
        action: 'channel_account.disabled',
        entityType: 'channel_account',
        entityId: id,
      });
      return saved;
    });
  }

  /** Credentials for the channel adapters; never exposed through the API. */
  async credentialsOf(accountId: string): Promise<Record<string, string> | null> {
    const row = await this.ds
      .getRepository(ChannelAccountEntity)
      .createQueryBuilder('a')
      .addSelect('a.credentialsEncrypted')
      .where('a.id = :accountId', { accountId })
      .getOne();
    return row?.credentialsEncrypted ? this.cipher.decrypt(row.credentialsEncrypted) : null;
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
