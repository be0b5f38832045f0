import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDeliveryStatus } from '@order-hub/types';
import { DataSource, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';

export type NewDelivery = Pick<
  NotificationDeliveryEntity,
  'id' | 'ruleId' | 'kind' | 'alertId' | 'digestDate' | 'target' | 'status' | 'nextAttemptAt' | 'payload'
>;

/** The statuses a dispatcher still has to send. */
const TO_SEND: NotificationDeliveryStatus[] = ['PENDING', 'RETRYING', 'DEFERRED'];

/**
 * notification_delivery. Rows are written once per rule × alert (or digest day) × target, a second writer's copy
 * ignored; a sender claims due rows with FOR UPDATE SKIP LOCKED and a short lock, so no row is sent by two.
 */
@Injectable()
export class NotificationDeliveriesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(NotificationDeliveryEntity);
  }

  /** Inserts those not written yet; the ids of the rows this call wrote. */
  async insertNew(rows: readonly NewDelivery[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .into(NotificationDeliveryEntity)
      .values(rows.map((r) => ({ ...r }) as QueryDeepPartialEntity<NotificationDeliveryEntity>))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  /** Locks up to `limit` rows due by `now` (or these ids, whatever their time) until `until`; the rows it took. */
  async claim(
    now: Date,
    until: Date,
    limit: number,
    ids: readonly string[] | null = null,
  ): Promise<NotificationDeliveryEntity[]> {
    const [rows]: [{ id: string }[], number] = await this.ds.query(
      `UPDATE notification_delivery SET locked_until = $2
        WHERE id IN (SELECT id FROM notification_delivery
                      WHERE status = ANY($3::varchar[]) AND (locked_until IS NULL OR locked_until < $1)
                        AND ${ids ? 'id = ANY($5::uuid[])' : 'next_attempt_at <= $1'}
                      ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      ids ? [now, until, TO_SEND, limit, [...ids]] : [now, until, TO_SEND, limit],
    );
    return rows.length ? this.findByIds(rows.map((r) => r.id)) : [];
  }

  /** Saves a send's outcome and unlocks the row. */
  async finish(id: string, changes: Partial<NotificationDeliveryEntity>): Promise<void> {
    await this.repo.update({ id }, {
      ...changes,
      lockedUntil: null,
    } as QueryDeepPartialEntity<NotificationDeliveryEntity>);
  }

  findByIds(ids: readonly string[]): Promise<NotificationDeliveryEntity[]> {
    return ids.length ? this.repo.find({ where: { id: In([...ids]) }, order: { target: 'ASC' } }) : Promise.resolve([]);
  }

  /** Where the rule's last digest ended (the next one starts there), or null before its first. */
  async lastDigestEnd(ruleId: string): Promise<Date | null> {
    const [row]: { end: Date | null }[] = await this.ds.query(
      `SELECT max((payload->>'windowTo')::timestamptz) AS end FROM notification_delivery
        WHERE rule_id = $1 AND kind = 'DIGEST'`,
      [ruleId],
    );
    return row?.end ? new Date(row.end) : null;
  }

  /** Digest days already written for these rules. */
  async digestWritten(ruleIds: readonly string[], days: readonly string[]): Promise<Set<string>> {
    if (ruleIds.length === 0) return new Set();
    const rows: { rule_id: string; day: string }[] = await this.ds.query(
      `SELECT DISTINCT rule_id, to_char(digest_date, 'YYYY-MM-DD') AS day FROM notification_delivery
        WHERE kind = 'DIGEST' AND rule_id = ANY($1::uuid[]) AND digest_date = ANY($2::date[])`,
      [[...ruleIds], [...days]],
    );
    return new Set(rows.map((r) => `${r.rule_id}/${r.day}`));
  }

  /** Newest first (created time, then id), after the row at `after`. */
  page(
    filter: { ruleId?: string | null; status?: NotificationDeliveryStatus | null },
    limit: number,
    after: { at: string; id: string } | null,
  ): Promise<NotificationDeliveryEntity[]> {
    // Milliseconds, as a cursor carries them (created_at has microseconds).
    const qb = this.repo
      .createQueryBuilder('d')
      .orderBy(`date_trunc('milliseconds', d.created_at)`, 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit);
    if (filter.ruleId) qb.andWhere('d.rule_id = :ruleId', { ruleId: filter.ruleId });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (after)
      qb.andWhere(
        `(date_trunc('milliseconds', d.created_at), d.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))`,
        after,
      );
    return qb.getMany();
  }
}
