import { PurchaseOrderEntity } from './purchase-order.entity';
import { SupplierSkuEntity } from './supplier-sku.entity';
import { SupplierEntity } from './supplier.entity';

/** The entities this module owns (listed in src/database/entities.ts). */
export const SUPPLIER_ENTITIES: (new () => object)[] = [SupplierEntity, SupplierSkuEntity, PurchaseOrderEntity];
