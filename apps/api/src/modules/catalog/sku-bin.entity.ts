import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

/** Where the seller keeps a SKU (a shelf or bin label), per account: the pick list is sorted by it. */
@Entity('sku_bin')
export class SkuBinEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_sku_bin' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_sku_bin_account' })
  account?: ChannelAccountEntity;

  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'pk_sku_bin' })
  sku: string;

  @Column({ type: 'varchar', length: 32 })
  bin: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
