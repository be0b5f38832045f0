import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** How a buyer's data was read: through GraphQL (the order and evidence pages), a CSV download or a printed PDF. */
export type BuyerDataAccessVia = 'GRAPHQL' | 'CSV' | 'PDF';

/** One request's read of one order's buyer data (address, raw channel payload): who, when, from where. */
@Entity('buyer_data_access')
@Index('ix_buyer_data_access_at', ['occurredAt', 'id'])
@Index('ix_buyer_data_access_user', ['userId', 'occurredAt'])
@Index('ix_buyer_data_access_order', ['orderId', 'occurredAt'])
export class BuyerDataAccessEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_buyer_data_access' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** `user:<e-mail>` or `token:<name>`, as in the audit trail. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'token_id', type: 'uuid', nullable: true })
  tokenId: string | null;

  /** No foreign key: the log outlives anything done to the order. */
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  /** What was read, comma-separated GraphQL field names (`shipTo,rawPayload`). */
  @Column({ type: 'varchar', length: 200 })
  fields: string;

  @Column({ type: 'varchar', length: 16 })
  via: BuyerDataAccessVia;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
