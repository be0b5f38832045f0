import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiRole, UserStatus } from '@order-hub/types';

/** A person who signs in to the console: owned by the users module (UsersRepository). */
@Entity('app_user')
@Index('uq_app_user_email', ['emailKey'], { unique: true })
@Index('uq_app_user_sso_subject', ['ssoSubject'], { unique: true, where: '"sso_subject" IS NOT NULL' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_app_user' })
  id: string;

  /** As typed at invitation (shown); sign-in matches on `emailKey`. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  /** The e-mail lower-cased and trimmed: one account per address whatever its case. */
  @Column({ name: 'email_key', type: 'varchar', length: 320 })
  emailKey: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: ApiRole;

  @Column({ type: 'varchar', length: 16 })
  status: UserStatus;

  /** argon2id PHC string; null until the invitation is accepted, or for SSO-only people. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash: string | null;

  /** AES-256-GCM ciphertext of `{ secret }` (the credentials cipher); set while enrolling, kept once confirmed. */
  @Column({ name: 'totp_secret_encrypted', type: 'bytea', nullable: true, select: false })
  totpSecretEncrypted: Buffer | null;

  /** When TOTP enrolment was confirmed with a first code; null: no second factor yet. */
  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The last TOTP time step accepted, so one code cannot be replayed within its window. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false })
  totpLastStep: string | null;

  /** SHA-256 hashes of the unused recovery codes. */
  @Column({ name: 'recovery_code_hashes', type: 'jsonb', default: () => "'[]'", select: false })
  recoveryCodeHashes: string[];

  /** The OpenID Connect `sub` (prefixed with the issuer) once the person signed in by SSO. */
  @Column({ name: 'sso_subject', type: 'varchar', length: 500, nullable: true })
  ssoSubject: string | null;

  /** Refused sign-ins in a row (password or second factor); reset by a successful one. */
  @Column({ name: 'failed_sign_ins', type: 'integer', default: 0 })
  failedSignIns: number;

  /** Sign-in refused before this, whatever the password (backoff after repeated failures). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
