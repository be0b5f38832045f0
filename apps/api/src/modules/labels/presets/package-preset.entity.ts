import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

const decimal = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A box the seller ships in: its inside size, its own weight, and the SKUs it is meant for (empty: any). */
@Entity('package_preset')
@Index('ux_package_preset_default', ['isDefault'], { unique: true, where: 'is_default' })
export class PackagePresetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_package_preset' })
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  name: string;

  @Column({ name: 'length_in', type: 'numeric', precision: 7, scale: 2, transformer: decimal })
  lengthIn: number;

  @Column({ name: 'width_in', type: 'numeric', precision: 7, scale: 2, transformer: decimal })
  widthIn: number;

  @Column({ name: 'height_in', type: 'numeric', precision: 7, scale: 2, transformer: decimal })
  heightIn: number;

  @Column({ name: 'box_weight_oz', type: 'numeric', precision: 8, scale: 2, transformer: decimal })
  boxWeightOz: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skus: string[];

  /** The box proposed for an order none of whose SKUs a preset names; at most one. */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
