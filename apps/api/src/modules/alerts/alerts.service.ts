import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { AlertEntity, type AlertSeverity } from './alert.entity';

export interface RaisedAlert {
  conditionKey: string;
  kind: string;
  severity: AlertSeverity;
  message: string;
  action?: string | null;
  orderId?: string | null;
  accountId?: string | null;
}

/** Opens an alert once per condition (raising it again updates it), and resolves it when the condition clears. */
@Injectable()
export class AlertsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async raise(alert: RaisedAlert, em: EntityManager = this.ds.manager): Promise<void> {
    await em.query(
      `INSERT INTO alert (kind, severity, condition_key, order_id, account_id, message, action) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (condition_key) WHERE resolved_at IS NULL DO UPDATE SET severity = EXCLUDED.severity, message = EXCLUDED.message, action = EXCLUDED.action`,
      [alert.kind, alert.severity, alert.conditionKey, alert.orderId ?? null, alert.accountId ?? null, alert.message, alert.action ?? null],
    );
  }

  async resolve(conditionKey: string, em: EntityManager = this.ds.manager): Promise<void> {
    await em.getRepository(AlertEntity).update({ conditionKey, resolvedAt: IsNull() }, { resolvedAt: new Date() });
  }

  list(filter: { open?: boolean | null; orderId?: string | null }): Promise<AlertEntity[]> {
    return this.ds.getRepository(AlertEntity).find({
      where: { ...(filter.open === true ? { resolvedAt: IsNull() } : {}), ...(filter.orderId ? { orderId: filter.orderId } : {}) },
      order: { openedAt: 'DESC' },
      take: 500,
    });
  }

  async acknowledge(id: string, actor: string): Promise<AlertEntity> {
    const repo = this.ds.getRepository(AlertEntity);
    const alert = await repo.findOneBy({ id });
    if (!alert) throw new NotFoundError('Alert', id);
    if (!alert.acknowledgedAt) Object.assign(alert, { acknowledgedAt: new Date(), acknowledgedBy: actor });
    return repo.save(alert);
  }
}
