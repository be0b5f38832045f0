import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import type { PurchaseOrderEntity } from './purchase-order.entity';
import type { SupplierEntity } from './supplier.entity';
import { SuppliersRepository } from './suppliers.repository';

export const supplierByIdLoader = defineLoader(
  'supplierById',
  (ds: DataSource) =>
    new DataLoader<string, SupplierEntity | null>(async (ids) => {
      const byId = new Map((await new SuppliersRepository(ds).findByIds(ids)).map((s) => [s.id, s]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/** Each order's purchase order that is not cancelled: Order.purchaseOrder. */
export const purchaseOrderByOrderLoader = defineLoader(
  'purchaseOrderByOrder',
  (ds: DataSource) =>
    new DataLoader<string, PurchaseOrderEntity | null>(async (orderIds) => {
      const byOrder = new Map((await new SuppliersRepository(ds).openForOrders(orderIds)).map((p) => [p.orderId, p]));
      return orderIds.map((id) => byOrder.get(id) ?? null);
    }),
);
