import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The hub's sign-in policy: a single row (id 1), owned by the users module. */
@Entity('security_setting')
@Check('ck_security_setting_singleton', `"id" = 1`)
export class SecuritySettingEntity {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_security_setting' })
  id: number;

  /** "Require MFA for everyone": null until an admin chooses (then the default applies, see `mfaRequired`). */
  @Column({ name: 'require_mfa', type: 'boolean', nullable: true })
  requireMfa: boolean | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
