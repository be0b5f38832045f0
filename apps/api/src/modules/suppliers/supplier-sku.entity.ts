import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';
import { SupplierEntity } from './supplier.entity';

/** A SKU the supplier ships, in one account or (account null) in any: orders of it are routed to the supplier. */
@Entity('supplier_sku')
@Index('ix_supplier_sku_supplier_id', ['supplierId'])
// One supplier per SKU and account scope: unique on (sku, coalesce(account_id)) (migration Suppliers).
@Index('uq_supplier_sku_scope', { synchronize: false })
export class SupplierSkuEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: SupplierEntity;

  @Column({ type: 'varchar', length: 100 })
  sku: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: ChannelAccountEntity;
}
