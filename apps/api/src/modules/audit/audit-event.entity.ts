import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record, and when, with the record before and after. */
@Entity('audit_event')
@Index('ix_audit_event_order', ['orderId', 'occurredAt'])
@Index('ix_audit_event_entity', ['entityType', 'entityId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** `token:<name>` for API callers, `system:<job>` for the hub itself. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  /** Dotted verb, e.g. `order.imported`, `api_token.revoked`. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
