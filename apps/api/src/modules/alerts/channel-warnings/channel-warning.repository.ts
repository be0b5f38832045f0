import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { ChannelWarningEntity } from './channel-warning.entity';

/** The list filter with its channel resolved to that channel's account ids by the caller. */
export interface WarningRowFilter {
  answered?: boolean | null;
  accountId?: string | null;
  channelAccountIds?: readonly string[] | null;
}

/** The channel_warning table: every read and write of it goes through here. */
@Injectable()
export class ChannelWarningRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private warnings(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(ChannelWarningEntity);
  }

  /** Inserts a new warning and returns it as saved. */
  create(warning: Omit<Partial<ChannelWarningEntity>, 'id'>, em?: EntityManager): Promise<ChannelWarningEntity> {
    return this.warnings(em).save(this.warnings(em).create(warning));
  }

  save(warning: ChannelWarningEntity, em?: EntityManager): Promise<ChannelWarningEntity> {
    return this.warnings(em).save(warning);
  }

  /** The warning locked FOR UPDATE until the transaction ends; null when there is none. */
  lockById(id: string, em: EntityManager): Promise<ChannelWarningEntity | null> {
    return this.warnings(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Unanswered warnings whose answer is due by `dueBy`. */
  findUnansweredDueBy(dueBy: Date, em?: EntityManager): Promise<ChannelWarningEntity[]> {
    return this.warnings(em).findBy({ respondedAt: IsNull(), respondBy: LessThanOrEqual(dueBy) });
  }

  /** Unanswered first, the nearest deadline first; then answered ones, the latest answer first; `first` at most. */
  list(filter: WarningRowFilter, first: number, em?: EntityManager): Promise<ChannelWarningEntity[]> {
    const qb = this.warnings(em).createQueryBuilder('w');
    if (filter.answered === true) qb.andWhere('w.responded_at IS NOT NULL');
    if (filter.answered === false) qb.andWhere('w.responded_at IS NULL');
    if (filter.channelAccountIds)
      qb.andWhere('w.account_id = ANY(CAST(:channelAccountIds AS uuid[]))', {
        channelAccountIds: [...filter.channelAccountIds],
      });
    if (filter.accountId) qb.andWhere('w.account_id = :accountId', { accountId: filter.accountId });
    return qb
      .orderBy('w.respondedAt', 'DESC', 'NULLS FIRST')
      .addOrderBy('w.respondBy', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(first)
      .getMany();
  }
}
