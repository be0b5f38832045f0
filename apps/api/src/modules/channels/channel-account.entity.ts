import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Channel, ChannelEnvironment } from '@order-hub/types';

@Entity('channel_account')
export class ChannelAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  marketplace: string;

  @Column({ type: 'varchar', length: 16 })
  environment: ChannelEnvironment;

  @Column({ name: 'base_url', type: 'varchar', length: 500 })
  baseUrl: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'America/Los_Angeles' })
  timeZone: string;

  /** AES-256-GCM ciphertext (iv | tag | data); never leaves the api. */
  @Column({ name: 'credentials_encrypted', type: 'bytea', nullable: true, select: false })
  credentialsEncrypted: Buffer | null;

  /** Acknowledge new orders as they are imported (Walmart requires it within 4 hours). */
  @Column({ name: 'auto_acknowledge', type: 'boolean', default: true })
  autoAcknowledge: boolean;

  /**
   * MCF orders of this account pass tracking on this many minutes after Amazon shipped, even before a carrier
   * event; null waits for the carrier event (the safe default).
   */
  @Column({ name: 'mcf_tracking_delay_minutes', type: 'integer', nullable: true })
  mcfTrackingDelayMinutes: number | null;

  /**
   * Hub shipment confirmations wait for the parcel's first carrier scan (or a deadline before ship-by) before they go
   * to the channel, so a number the carrier has not seen never counts against valid tracking.
   */
  @Column({ name: 'hold_tracking_until_scan', type: 'boolean', default: false })
  holdTrackingUntilScan: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
