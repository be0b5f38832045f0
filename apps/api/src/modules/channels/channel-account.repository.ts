import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel } from '@order-hub/types';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { ChannelAccountEntity } from './channel-account.entity';

/** The rows this repository returns, for modules that hold them (they never query the table). */
export type { ChannelAccountEntity } from './channel-account.entity';

/** The only way into the `channel_account` table; every method joins the caller's transaction when given `em`. */
@Injectable()
export class ChannelAccountRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private accounts(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(ChannelAccountEntity);
  }

  findById(id: string, em?: EntityManager): Promise<ChannelAccountEntity | null> {
    return this.accounts(em).findOneBy({ id });
  }

  /** Throws TypeORM's EntityNotFoundError when the account is gone (callers that hold its id from another row). */
  getById(id: string, em?: EntityManager): Promise<ChannelAccountEntity> {
    return this.accounts(em).findOneByOrFail({ id });
  }

  findByIds(ids: readonly string[], em?: EntityManager): Promise<ChannelAccountEntity[]> {
    return ids.length ? this.accounts(em).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** The account when it exists and is not disabled. */
  findEnabledById(id: string, em?: EntityManager): Promise<ChannelAccountEntity | null> {
    return this.accounts(em).findOneBy({ id, disabledAt: IsNull() });
  }

  exists(id: string, em?: EntityManager): Promise<boolean> {
    return this.accounts(em).existsBy({ id });
  }

  /** Every account, by channel then name. */
  list(em?: EntityManager): Promise<ChannelAccountEntity[]> {
    return this.accounts(em).find({ order: { channel: 'ASC', name: 'ASC' } });
  }

  /** The enabled accounts, by name. */
  listEnabled(em?: EntityManager): Promise<ChannelAccountEntity[]> {
    return this.accounts(em).find({ where: { disabledAt: IsNull() }, order: { name: 'ASC' } });
  }

  count(em?: EntityManager): Promise<number> {
    return this.accounts(em).count();
  }

  /** Ids of the channel's accounts (only `accountId` when given; only enabled ones when `enabledOnly`), by id. */
  async idsOfChannel(
    channel: Channel,
    filter: { accountId?: string | null; enabledOnly?: boolean } = {},
    em?: EntityManager,
  ): Promise<string[]> {
    const rows = await this.accounts(em).find({
      select: { id: true },
      where: {
        channel,
        ...(filter.accountId ? { id: filter.accountId } : {}),
        ...(filter.enabledOnly ? { disabledAt: IsNull() } : {}),
      },
      order: { id: 'ASC' },
    });
    return rows.map((r) => r.id);
  }

  /** Ids of the enabled accounts (any order). */
  async enabledIds(em?: EntityManager): Promise<string[]> {
    const rows = await this.accounts(em).find({ select: { id: true }, where: { disabledAt: IsNull() } });
    return rows.map((r) => r.id);
  }

  /** The account locked FOR UPDATE until the transaction ends; null when there is none. */
  lockById(id: string, em: EntityManager): Promise<ChannelAccountEntity | null> {
    return this.accounts(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a new account; returns it with its id and timestamps. */
  insert(fields: Partial<ChannelAccountEntity>, em?: EntityManager): Promise<ChannelAccountEntity> {
    const repo = this.accounts(em);
    return repo.save(repo.create(fields));
  }

  /** Writes the changed columns of an account the caller loaded (and refreshes its timestamps). */
  save(account: ChannelAccountEntity, em?: EntityManager): Promise<ChannelAccountEntity> {
    return this.accounts(em).save(account);
  }

  /** The encrypted credentials (never selected otherwise); null when none are stored. */
  async encryptedCredentialsOf(id: string, em?: EntityManager): Promise<Buffer | null> {
    const row = await this.accounts(em)
      .createQueryBuilder('a')
      .addSelect('a.credentialsEncrypted')
      .where('a.id = :id', { id })
      .getOne();
    return row?.credentialsEncrypted ?? null;
  }

  /** When the current day ends in each account's time zone (PostgreSQL does the DST arithmetic), for all accounts. */
  async dayEnds(now: Date, em?: EntityManager): Promise<{ accountId: string; dayEnd: Date }[]> {
    const rows: { id: string; day_end: Date }[] = await (em ?? this.ds.manager).query(
      `SELECT id, (date_trunc('day', $1::timestamptz AT TIME ZONE time_zone) + interval '1 day') AT TIME ZONE time_zone AS day_end
         FROM channel_account`,
      [now],
    );
    return rows.map((r) => ({ accountId: r.id, dayEnd: new Date(r.day_end) }));
  }
}
