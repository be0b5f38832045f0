import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far the dispatcher has read the alerts (opened time, then id), and who reads them now (a lease). */
@Entity('notification_cursor')
export class NotificationCursorEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId: string | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'lease_holder', type: 'varchar', length: 200, nullable: true })
  leaseHolder: string | null;
}
