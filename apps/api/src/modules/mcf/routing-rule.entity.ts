import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Which orders of an account go to Amazon MCF: all criteria that are set must hold. */
@Entity('routing_rule')
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** The account whose orders the rule routes (a Walmart account). */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** The Amazon account whose MCF inventory fulfils them. */
  @Column({ name: 'mcf_account_id', type: 'uuid' })
  mcfAccountId: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Lower runs first; the first matching rule routes the order. */
  @Column({ type: 'integer', default: 100 })
  priority: number;

  /** Exact SKUs; empty: any. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  skus: string[];

  /** A glob (`MUG-*`) every line's SKU must match; null: any. */
  @Column({ name: 'sku_pattern', type: 'varchar', length: 200, nullable: true })
  skuPattern: string | null;

  /** ISO alpha-2 ship-to countries; empty: any. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  countries: string[];

  /** Route only when Amazon's preview says the order is fulfillable from MCF stock. */
  @Column({ name: 'require_stock', type: 'boolean', default: true })
  requireStock: boolean;

  /** Apply to new orders as they are imported. */
  @Column({ name: 'apply_on_import', type: 'boolean', default: true })
  applyOnImport: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
