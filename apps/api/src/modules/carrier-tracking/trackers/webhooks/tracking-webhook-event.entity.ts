import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A verified webhook event of the tracking provider, waiting to be applied (processed_at null) or applied. The
 * provider's event id is the key, so a retried delivery is stored once and applied once. `snapshot` is the tracker as
 * the provider mapped it (TrackerSnapshot, dates as ISO strings).
 */
@Entity('tracking_webhook_event')
@Index('ix_tracking_webhook_event_pending', ['receivedAt'], { where: 'processed_at IS NULL' })
export class TrackingWebhookEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_tracking_webhook_event' })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  provider: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'jsonb' })
  snapshot: unknown;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
