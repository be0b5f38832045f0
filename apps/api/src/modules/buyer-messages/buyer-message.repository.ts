import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BuyerMessageState, Channel } from '@order-hub/types';
import { DataSource, In, IsNull, LessThanOrEqual, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { BuyerMessageEntity, type BuyerMessageKind } from './buyer-message.entity';

export interface BuyerMessageQuery {
  channel?: Channel | null;
  accountId?: string | null;
  state?: BuyerMessageState | null;
  orderId?: string | null;
  kind?: BuyerMessageKind | null;
}

/** The buyer_message table: every read and write of it goes through here. */
@Injectable()
export class BuyerMessageRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private messages(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(BuyerMessageEntity);
  }

  create(row: Omit<Partial<BuyerMessageEntity>, 'id'>, em?: EntityManager): Promise<BuyerMessageEntity> {
    return this.messages(em).save(this.messages(em).create(row));
  }

  save(row: BuyerMessageEntity, em?: EntityManager): Promise<BuyerMessageEntity> {
    return this.messages(em).save(row);
  }

  findById(id: string, em?: EntityManager): Promise<BuyerMessageEntity | null> {
    return this.messages(em).findOneBy({ id });
  }

  lockById(id: string, em: EntityManager): Promise<BuyerMessageEntity | null> {
    return this.messages(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The message already recorded from this evidence row or with this Message-ID (a message is taken once). */
  findByMailOrMessageId(mailId: string | null, messageId: string, em?: EntityManager) {
    const where: { mailId?: string; messageId?: string }[] = [{ messageId }];
    if (mailId) where.push({ mailId });
    return this.messages(em).findOne({ where });
  }

  /** Unanswered messages of the thread: any of whose Message-ID or References is among `ids`. */
  findUnansweredInThread(ids: readonly string[], em?: EntityManager): Promise<BuyerMessageEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.messages(em)
      .createQueryBuilder('m')
      .where('m.answered_at IS NULL')
      .andWhere('m.thread_ids && CAST(:ids AS text[])', { ids: [...ids] })
      .getMany();
  }

  /** Unanswered messages from one of these addresses received before `before` (the "Re: subject" fallback). */
  findUnansweredFrom(addresses: readonly string[], before: Date, em?: EntityManager): Promise<BuyerMessageEntity[]> {
    if (addresses.length === 0) return Promise.resolve([]);
    return this.messages(em)
      .createQueryBuilder('m')
      .where('m.answered_at IS NULL')
      .andWhere('lower(m.from_address) = ANY(CAST(:addresses AS text[]))', {
        addresses: addresses.map((a) => a.toLowerCase()),
      })
      .andWhere('m.received_at <= :before', { before })
      .getMany();
  }

  /** Unanswered buyer messages due soon or overdue by `now`: the alarm scan's candidates. */
  findClockCandidates(now: Date, em?: EntityManager): Promise<BuyerMessageEntity[]> {
    return this.messages(em).findBy({ kind: 'BUYER_MESSAGE', answeredAt: IsNull(), dueSoonAt: LessThanOrEqual(now) });
  }

  /** Buyer messages whose answer fell due in [from, to), for the response rate. */
  findDueBetween(
    from: Date,
    to: Date,
    scope: { channel: Channel; accountId: string | null },
    em?: EntityManager,
  ): Promise<Pick<BuyerMessageEntity, 'respondBy' | 'answeredAt'>[]> {
    const qb = this.messages(em)
      .createQueryBuilder('m')
      .select(['m.respondBy', 'm.answeredAt'])
      .where("m.kind = 'BUYER_MESSAGE'")
      .andWhere('m.channel = :channel', { channel: scope.channel })
      .andWhere('m.respond_by >= :from AND m.respond_by < :to', { from, to });
    if (scope.accountId) qb.andWhere('m.account_id = :accountId', { accountId: scope.accountId });
    return qb.getMany();
  }

  byOrderIds(orderIds: readonly string[], em?: EntityManager): Promise<BuyerMessageEntity[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.messages(em).find({ where: { orderId: In([...orderIds]) }, order: { receivedAt: 'DESC' } });
  }

  /** A page in received order (newest first), after the (receivedAt, id) key of the last row seen. */
  async page(
    query: BuyerMessageQuery,
    now: Date,
    first: number,
    after: { receivedAt: string; id: string } | null,
  ): Promise<{ rows: BuyerMessageEntity[]; hasNextPage: boolean }> {
    const qb = this.filtered(query, now);
    if (after)
      qb.andWhere('(m.received_at < :afterAt OR (m.received_at = :afterAt AND m.id < :afterId))', {
        afterAt: after.receivedAt,
        afterId: after.id,
      });
    const rows = await qb
      .orderBy('m.receivedAt', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  count(query: BuyerMessageQuery, now: Date): Promise<number> {
    return this.filtered(query, now).getCount();
  }

  private filtered(query: BuyerMessageQuery, now: Date): SelectQueryBuilder<BuyerMessageEntity> {
    const qb = this.messages().createQueryBuilder('m');
    if (query.channel) qb.andWhere('m.channel = :channel', { channel: query.channel });
    if (query.accountId) qb.andWhere('m.account_id = :accountId', { accountId: query.accountId });
    if (query.orderId) qb.andWhere('m.order_id = :orderId', { orderId: query.orderId });
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    switch (query.state) {
      case 'ANSWERED':
        qb.andWhere('m.answered_at IS NOT NULL');
        break;
      case 'OVERDUE':
        qb.andWhere('m.answered_at IS NULL AND m.respond_by <= :now', { now });
        break;
      case 'DUE_SOON':
        qb.andWhere('m.answered_at IS NULL AND m.due_soon_at <= :now AND m.respond_by > :now', { now });
        break;
      case 'OPEN':
        qb.andWhere('m.answered_at IS NULL AND m.due_soon_at > :now', { now });
        break;
      case null:
      case undefined:
        break;
    }
    return qb;
  }
}
