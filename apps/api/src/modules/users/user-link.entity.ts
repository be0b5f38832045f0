import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { UserLinkPurpose } from '@order-hub/types';
import { UserEntity } from './user.entity';

/** A one-time link (invitation or password reset): only the hash of its secret is kept. Owned by the users module. */
@Entity('user_link')
@Index('ix_user_link_user', ['userId'])
export class UserLinkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_user_link' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_link_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  purpose: UserLinkPurpose;

  /** SHA-256 of the link's secret (hex). */
  @Column({ name: 'secret_hash', type: 'char', length: 64, unique: true })
  secretHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Set when used or superseded by a newer link of the same purpose. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
