import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Which Amazon seller SKU MCF ships for the seller's own SKU (the one on the origin order's line), per MCF account. */
@Entity('mcf_sku_mapping')
@Index('uq_mcf_sku_mapping_account_sku', ['mcfAccountId', 'sellerSku'], { unique: true })
export class McfSkuMappingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mcf_sku_mapping' })
  id: string;

  @Column({ name: 'mcf_account_id', type: 'uuid' })
  mcfAccountId: string;

  /** The SKU on the origin order's line (a Walmart SKU). */
  @Column({ name: 'seller_sku', type: 'varchar', length: 100 })
  sellerSku: string;

  /** The Amazon seller SKU whose MCF stock fulfils it. */
  @Column({ name: 'amazon_sku', type: 'varchar', length: 100 })
  amazonSku: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
