import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

/**
 * The seller's product category of a SKU. Channel order APIs carry no category, and Amazon measures valid
 * tracking per category, so the seller maps each SKU once per account.
 */
@Entity('sku_category')
export class SkuCategoryEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_sku_category' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_sku_category_account' })
  account?: ChannelAccountEntity;

  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_sku_category' })
  sku: string;

  @Column({ type: 'varchar', length: 64 })
  category: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
