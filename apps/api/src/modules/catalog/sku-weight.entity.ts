import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

/** What one unit of a SKU weighs, per account: a label's parcel weight is the box's plus its items'. */
@Entity('sku_weight')
export class SkuWeightEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_sku_weight' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_sku_weight_account' })
  account?: ChannelAccountEntity;

  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'pk_sku_weight' })
  sku: string;

  /** Ounces per unit (a SKU without a known weight has no row). */
  @Column({
    name: 'weight_oz',
    type: 'numeric',
    precision: 8,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  weightOz: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
