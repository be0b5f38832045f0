import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { AlertEntity, type AlertSeverity } from './alert.entity';
import type { AlertListFilter } from './dto/alerts.args';

export interface RaisedAlert {
  conditionKey: string;
  kind: string;
  severity: AlertSeverity;
  message: string;
  action?: string | null;
  orderId?: string | null;
  accountId?: string | null;
}

export interface AlertPage {
  rows: { alert: AlertEntity; cursor: string }[];
  hasNextPage: boolean;
}

const SORT = 'alerts:opened_at_desc';
/** opened_at has microseconds (default now()); the cursor keeps them all so a page never skips a row. */
const CURSOR_AT = `to_char(a.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Opens an alert once per condition (raising it again updates it), and resolves it when the condition clears. */
@Injectable()
export class AlertsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async raise(alert: RaisedAlert, em: EntityManager = this.ds.manager): Promise<void> {
    await em.query(
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

  async resolve(conditionKey: string, em: EntityManager = this.ds.manager): Promise<void> {
    await em.getRepository(AlertEntity).update({ conditionKey, resolvedAt: IsNull() }, { resolvedAt: new Date() });
  }

  /** Newest first (opened time, then id), `first` at a time after the cursor. */
  async page(filter: AlertListFilter, first: number, after: string | null): Promise<AlertPage> {
    const qb = this.filtered(filter)
      .addSelect(CURSOR_AT, 'cursor_at')
      .orderBy('a.opened_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(first + 1);
    if (after) {
      const [at, id] = decodeCursor(after, SORT);
      qb.andWhere('(a.opened_at, a.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_at: string }>();
    const rows = entities
      .slice(0, first)
      .map((alert, i) => ({ alert, cursor: encodeCursor(SORT, [raw[i].cursor_at, alert.id]) }));
    return { rows, hasNextPage: entities.length > first };
  }

  count(filter: AlertListFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  async acknowledge(id: string, actor: string): Promise<AlertEntity> {
    const repo = this.ds.getRepository(AlertEntity);
    const alert = await repo.findOneBy({ id });
    if (!alert) throw new NotFoundError('Alert', id);
    if (!alert.acknowledgedAt) Object.assign(alert, { acknowledgedAt: new Date(), acknowledgedBy: actor });
    return repo.save(alert);
  }

  private filtered(filter: AlertListFilter): SelectQueryBuilder<AlertEntity> {
    const qb = this.ds.getRepository(AlertEntity).createQueryBuilder('a');
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
    if (filter.channel)
      qb.andWhere('a.account_id IN (SELECT id FROM channel_account WHERE channel = :channel)', {
        channel: filter.channel,
      });
    return qb;
  }
}
