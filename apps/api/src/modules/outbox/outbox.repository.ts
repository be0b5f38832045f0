import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboxStatus } from '@order-hub/types';
import { DataSource, In, IsNull, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxAttemptEntity } from './outbox-attempt.entity';
import { OutboxEntity } from './outbox.entity';

/** The rows this repository returns, for modules that hold them (they never query the table). */
export type { OutboxEntity } from './outbox.entity';

/** Which rows a page of the outbox queue lists. */
export interface OutboxPageFilter {
  statuses?: OutboxStatus[] | null;
  accountId?: string | null;
  orderId?: string | null;
  /** Only rows created before this one (its `seq`): the next page, newest first. */
  beforeSeq?: string | null;
}

export type NewOutboxAttempt = Omit<OutboxAttemptEntity, 'id' | 'outbox'>;

/** The outbox and outbox_attempt tables: every read and write of them goes through here. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private rows(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(OutboxEntity);
  }

  private attempts(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(OutboxAttemptEntity);
  }

  findById(id: string, em?: EntityManager): Promise<OutboxEntity | null> {
    return this.rows(em).findOneBy({ id });
  }

  findByIdOrFail(id: string, em?: EntityManager): Promise<OutboxEntity> {
    return this.rows(em).findOneByOrFail({ id });
  }

  /** The row, locked for the caller's transaction. */
  lockById(id: string, em: EntityManager): Promise<OutboxEntity | null> {
    return this.rows(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByKey(idempotencyKey: string, em?: EntityManager): Promise<OutboxEntity | null> {
    return this.rows(em).findOneBy({ idempotencyKey });
  }

  /** Inserts a new row and returns it as saved (id, seq and timestamps filled in). */
  create(row: Omit<Partial<OutboxEntity>, 'id' | 'seq'>, em?: EntityManager): Promise<OutboxEntity> {
    return this.rows(em).save(this.rows(em).create(row));
  }

  /** Writes the changed columns of a row the caller loaded. */
  save(row: OutboxEntity, em?: EntityManager): Promise<OutboxEntity> {
    return this.rows(em).save(row);
  }

  async update(id: string, changes: QueryDeepPartialEntity<OutboxEntity>, em?: EntityManager): Promise<void> {
    await this.rows(em).update(id, changes);
  }

  /** A page of the queue, newest first; `limit` rows at most. */
  findPage(filter: OutboxPageFilter, limit: number, em?: EntityManager): Promise<OutboxEntity[]> {
    const where: FindOptionsWhere<OutboxEntity> = {};
    if (filter.statuses?.length) where.status = In(filter.statuses);
    if (filter.accountId) where.accountId = filter.accountId;
    if (filter.orderId) where.orderId = filter.orderId;
    if (filter.beforeSeq) where.seq = LessThan(filter.beforeSeq);
    return this.rows(em).find({ where, order: { seq: 'DESC' }, take: limit });
  }

  /** Refunds of the order still on their way or refused (PENDING, SENDING or FAILED), and those the channel took (DELIVERED). */
  findRefunds(orderId: string, em?: EntityManager): Promise<OutboxEntity[]> {
    return this.rows(em).find({
      where: { orderId, operation: 'REFUND', status: In(['PENDING', 'SENDING', 'FAILED', 'DELIVERED']) },
    });
  }

  /**
   * Refunds of the hub's return `returnId` on their way (PENDING, SENDING, or FAILED with nothing taken back): its
   * returns refunds (RETURN_REFUND) and the order refunds that refund it (REFUND naming the return). A refusal the
   * hub took back is not on its way until it is resent.
   */
  findOpenByReturn(returnId: string, em?: EntityManager): Promise<OutboxEntity[]> {
    return this.findOpenByReturns([returnId], em);
  }

  /** The open refunds of several returns in one query (a page of returns), oldest first. */
  findOpenByReturns(returnIds: readonly string[], em?: EntityManager): Promise<OutboxEntity[]> {
    if (!returnIds.length) return Promise.resolve([]);
    return this.rows(em)
      .createQueryBuilder('o')
      .where(`(o.status IN ('PENDING', 'SENDING') OR (o.status = 'FAILED' AND o.reverted IS NULL))`)
      .andWhere(`o.operation IN ('RETURN_REFUND', 'REFUND')`)
      .andWhere(`o.payload ->> 'returnId' IN (:...returnIds)`, { returnIds })
      .orderBy('o.seq', 'ASC')
      .getMany();
  }

  /** Rows the channel refused (FAILED), or given up on after every retry and not discarded by an operator. */
  findUnsettledFailures(em?: EntityManager): Promise<OutboxEntity[]> {
    return this.rows(em).find({ where: [{ status: 'FAILED' }, { status: 'DEAD', discardReason: IsNull() }] });
  }

  /**
   * Takes a due PENDING row for one attempt for `holder`, holding it until `leaseUntil`; null when it is not due, not
   * pending, or waits behind an earlier row of its order (see OutboxDeliveryService.claim).
   */
  async claim(
    id: string,
    leaseUntil: Date,
    now: Date,
    holder: string,
    em?: EntityManager,
  ): Promise<OutboxEntity | null> {
    const rows: { id: string }[] = await (em ?? this.ds.manager).query(
      `UPDATE outbox o SET status = 'SENDING', attempts = o.attempts + 1, next_attempt_at = $2, updated_at = $3, holder = $4
        WHERE o.id = $1 AND o.status = 'PENDING' AND o.next_attempt_at <= $3
          AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.order_id = o.order_id AND e.seq < o.seq 
            AND (e.status IN ('PENDING', 'SENDING') OR (e.status = 'FAILED' AND (e.reverted IS NULL OR e.operation NOT IN ('SHIP', 'CANCEL', 'REFUND', 'RETURN_REFUND')))))
        RETURNING o.id`,
      [id, leaseUntil, now, holder],
    );
    const claimed = Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : rows;
    return claimed.length ? this.findByIdOrFail(id, em) : null;
  }

  /** Heartbeat: the rows `holder` still holds among `ids` are held until `leaseUntil`; returns how many. */
  async renewLeases(ids: string[], holder: string, leaseUntil: Date, em?: EntityManager): Promise<number> {
    if (!ids.length) return 0;
    const result = await this.rows(em).update(
      { id: In(ids), status: 'SENDING', holder },
      { nextAttemptAt: leaseUntil },
    );
    return result.affected ?? 0;
  }

  /**
   * Writes the changes of a row only while `holder` still holds it (SENDING under its name); false when the hold
   * lapsed and another process may have taken the row.
   */
  async updateHeld(
    id: string,
    holder: string,
    changes: QueryDeepPartialEntity<OutboxEntity>,
    em?: EntityManager,
  ): Promise<boolean> {
    const result = await this.rows(em).update({ id, status: 'SENDING', holder }, changes);
    return (result.affected ?? 0) > 0;
  }

  /** SENDING rows whose hold ran out before `now` (their holder stopped renewing it) become PENDING and due. */
  async releaseExpiredLeases(now: Date, em?: EntityManager): Promise<number> {
    const result = await (em ?? this.ds.manager)
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ status: 'PENDING', nextAttemptAt: now, holder: null })
      .where(`status = 'SENDING' AND next_attempt_at < :now`, { now })
      .execute();
    return result.affected ?? 0;
  }

  /** Those of `ids` still PENDING, never attempted and due after `now` are due at `now`; returns their ids. */
  async makeHeldDue(ids: readonly string[], now: Date, em?: EntityManager): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.rows(em)
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ nextAttemptAt: now })
      .where(`id IN (:...ids) AND status = 'PENDING' AND attempts = 0 AND next_attempt_at > :now`, { ids, now })
      .returning('id')
      .execute()
      .then((r) => r.raw as { id: string }[]);
    return rows.map((r) => r.id);
  }

  /** PENDING rows due by `now`, oldest first. */
  async dueIds(now: Date, limit: number, em?: EntityManager): Promise<string[]> {
    const rows = await this.rows(em)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where(`o.status = 'PENDING' AND o.next_attempt_at <= :now`, { now })
      .orderBy('o.seq', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async insertAttempt(attempt: NewOutboxAttempt, em?: EntityManager): Promise<void> {
    await this.attempts(em).insert(attempt as QueryDeepPartialEntity<OutboxAttemptEntity>);
  }
}
