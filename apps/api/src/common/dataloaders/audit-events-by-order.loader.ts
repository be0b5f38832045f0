import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { AuditEventEntity } from '../../modules/audit/audit-event.entity';
import { groupByKeys } from './group-by';

export function auditEventsByOrderLoader(ds: DataSource) {
  return new DataLoader<string, AuditEventEntity[]>(async (orderIds) => {
    const rows = await ds.getRepository(AuditEventEntity).find({
      where: { orderId: In([...orderIds]) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    return groupByKeys(orderIds, rows, (r) => r.orderId!);
  });
}
