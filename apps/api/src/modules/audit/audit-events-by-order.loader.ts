import DataLoader from 'dataloader';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { In, type DataSource } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { groupByKeys } from 'src/common/dataloaders/group-by';

export const auditEventsByOrderLoader = defineLoader(
  'auditEventsByOrder',
  (ds: DataSource) =>
    new DataLoader<string, AuditEventEntity[]>(async (orderIds) => {
      const rows = await ds.getRepository(AuditEventEntity).find({
        where: { orderId: In([...orderIds]) },
        order: { occurredAt: 'ASC', id: 'ASC' },
      });
      return groupByKeys(orderIds, rows, (r) => r.orderId!);
    }),
);
