import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AlertEntity, type AlertSeverity } from './alert.entity';
import type { AlertKind } from './alert-kinds';
import type { AlertListFilter } from './dto/alerts.args';

/** The rows this repository returns, for modules that hold them (they never query the table). */
export type { AlertEntity } from './alert.entity';

/** A condition as a scan or a service raises it: opening it again refreshes its severity, message and action. */
export interface RaisedAlert {
  conditionKey: string;
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  action?: string | null;
  orderId?: string | null;
  accountId?: string | null;
}

/** The list filter with its channel resolved to that channel's account ids by the caller. */
export type AlertRowFilter = Omit<AlertListFilter, 'channel'> & { channelAccountIds?: readonly string[] | null };

/** opened_at has microseconds (default now()); the cursor keeps them all so a page never skips a row. */
const CURSOR_AT = `to_char(a.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The alert table: every read and write of it goes through here. */
@Injectable()
export class AlertRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private alerts(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(AlertEntity);
  }

  /** Opens the condition's alert, or refreshes the open one. */
  async raise(alert: RaisedAlert, em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager).query(
      `INSERT INTO alert (kind, severity, condition_key, order_id, account_id, message, action) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (condition_key) WHERE resolved_at IS NULL DO UPDATE SET severity = EXCLUDED.severity, message = EXCLUDED.message, action = EXCLUDED.action`,
      [
        alert.kind,
        alert.severity,
        alert.conditionKey,
        alert.orderId ?? null,
        alert.accountId ?? null,
        alert.message,
        alert.action ?? null,
      ],
    );
  }

  async resolve(conditionKey: string | readonly string[], em?: EntityManager): Promise<void> {
    const keys = typeof conditionKey === 'string' ? [conditionKey] : [...conditionKey];
    if (keys.length === 0) return;
    await this.alerts(em).update({ conditionKey: In(keys), resolvedAt: IsNull() }, { resolvedAt: new Date() });
  }

  /** Changes the severity of the condition's open alert. */
  async setSeverity(conditionKey: string, severity: AlertSeverity, em?: EntityManager): Promise<void> {
    await this.alerts(em).update({ conditionKey, resolvedAt: IsNull() }, { severity });
  }

  /** Condition keys of the open alerts of these kinds. */
  async openConditionKeys(kinds: readonly string[], em?: EntityManager): Promise<string[]> {
    const rows: { condition_key: string }[] = await (em ?? this.ds.manager).query(
      `SELECT condition_key FROM alert WHERE resolved_at IS NULL AND kind = ANY($1)`,
      [kinds],
    );
    return rows.map((r) => r.condition_key);
  }

  /** The open alerts of one kind that name an order. */
  findOpenWithOrder(kind: string, em?: EntityManager): Promise<AlertEntity[]> {
    return this.alerts(em)
      .createQueryBuilder('a')
      .where('a.kind = :kind AND a.resolved_at IS NULL AND a.order_id IS NOT NULL', { kind })
      .getMany();
  }

  /** Alerts opened from `from` (inclusive) until `to` (exclusive; null: now), oldest first, at most `limit`. */
  findOpenedBetween(from: Date, to: Date | null, limit: number): Promise<AlertEntity[]> {
    const qb = this.alerts()
      .createQueryBuilder('a')
      .where('a.opened_at >= :from', { from })
      .orderBy('a.opened_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit);
    if (to) qb.andWhere('a.opened_at < :to', { to });
    return qb.getMany();
  }

  findById(id: string, em?: EntityManager): Promise<AlertEntity | null> {
    return this.alerts(em).findOneBy({ id });
  }

  exists(id: string, em?: EntityManager): Promise<boolean> {
    return this.alerts(em).existsBy({ id });
  }

  save(alert: AlertEntity, em?: EntityManager): Promise<AlertEntity> {
    return this.alerts(em).save(alert);
  }

  /**
   * Newest first (opened time, then id), at most `limit`, after the row at (`after.at`, `after.id`); each with its
   * opened time to the microsecond, for the next cursor.
   */
  async findPage(
    filter: AlertRowFilter,
    limit: number,
    after: { at: string; id: string } | null,
  ): Promise<{ alert: AlertEntity; cursorAt: string }[]> {
    const qb = this.filtered(filter)
      .addSelect(CURSOR_AT, 'cursor_at')
      .orderBy('a.opened_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit);
    if (after) qb.andWhere('(a.opened_at, a.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', after);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_at: string }>();
    return entities.map((alert, i) => ({ alert, cursorAt: raw[i].cursor_at }));
  }

  /** Per kind, how many match and how many of those no one marked seen; most first. */
  async countByKind(filter: AlertRowFilter): Promise<{ kind: string; count: number; unseen: number }[]> {
    const rows: { kind: string; n: string; unseen: string }[] = await this.filtered(filter)
      .select('a.kind', 'kind')
      .addSelect('count(*)', 'n')
      .addSelect('count(*) FILTER (WHERE a.acknowledged_at IS NULL)', 'unseen')
      .groupBy('a.kind')
      .orderBy('n', 'DESC')
      .addOrderBy('a.kind')
      .getRawMany();
    return rows.map((r) => ({ kind: r.kind, count: Number(r.n), unseen: Number(r.unseen) }));
  }

  /** Marks seen every unresolved, unseen alert with one of these ids or of one of these kinds; how many it marked. */
  async markSeen(
    target: { ids: readonly string[]; kinds: readonly string[] },
    actor: string,
    em?: EntityManager,
  ): Promise<number> {
    if (target.ids.length === 0 && target.kinds.length === 0) return 0;
    const rows: unknown[] = await (em ?? this.ds.manager).query(
      `UPDATE alert SET acknowledged_at = now(), acknowledged_by = $3
        WHERE resolved_at IS NULL AND acknowledged_at IS NULL
          AND (id = ANY(CAST($1 AS uuid[])) OR kind = ANY(CAST($2 AS varchar[])))
        RETURNING id`,
      [[...target.ids], [...target.kinds], actor],
    );
    return Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
  }

  count(filter: AlertRowFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(filter: AlertRowFilter): SelectQueryBuilder<AlertEntity> {
    const qb = this.alerts().createQueryBuilder('a');
    if (filter.statuses?.length) {
      const wanted = new Set(filter.statuses);
      const parts = [
        wanted.has('OPEN') ? 'a.resolved_at IS NULL AND a.acknowledged_at IS NULL' : null,
        wanted.has('ACKNOWLEDGED') ? 'a.resolved_at IS NULL AND a.acknowledged_at IS NOT NULL' : null,
        wanted.has('RESOLVED') ? 'a.resolved_at IS NOT NULL' : null,
      ].filter(Boolean);
      qb.andWhere(`((${parts.join(') OR (')}))`);
    }
    if (filter.severities?.length) qb.andWhere('a.severity IN (:...severities)', { severities: filter.severities });
    if (filter.kinds?.length) qb.andWhere('a.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.accountId) qb.andWhere('a.account_id = :accountId', { accountId: filter.accountId });
    if (filter.orderId) qb.andWhere('a.order_id = :orderId', { orderId: filter.orderId });
    if (filter.channelAccountIds)
      qb.andWhere('a.account_id = ANY(CAST(:channelAccountIds AS uuid[]))', {
        channelAccountIds: [...filter.channelAccountIds],
      });
    return qb;
  }
}
