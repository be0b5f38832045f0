import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The one row id: the hub has one tracking provider setting. */
export const SETTING_ROW_ID = 1;
/** The row's id in the audit log, whose entity ids are uuids. */
export const SETTING_AUDIT_ID = '00000000-0000-0000-0000-000000000001';

/** The tracking provider's settings: a single row, owned by TrackingProviderSettingRepository. */
@Entity('tracking_provider_setting')
@Check('ck_tracking_provider_setting_singleton', `"id" = 1`)
export class TrackingProviderSettingEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_tracking_provider_setting' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  provider: string;

  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  /** AES-256-GCM ciphertext of `{ apiKey }` (the channel credentials cipher); never leaves the api. */
  @Column({ name: 'api_key_encrypted', type: 'bytea', nullable: true, select: false })
  apiKeyEncrypted: Buffer | null;

  /** AES-256-GCM ciphertext of `{ webhookSecret }`; never leaves the api. */
  @Column({ name: 'webhook_secret_encrypted', type: 'bytea', nullable: true, select: false })
  webhookSecretEncrypted: Buffer | null;

  @Column({ name: 'base_url', type: 'varchar', length: 500 })
  baseUrl: string;

  /** Goes up with every change of what the provider is built from, so each process rebuilds its client. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
