import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { InboxColumn } from '@order-hub/types';
import { UserEntity } from 'src/modules/users/user.entity';

/** The inbox columns a person chose; without a row they see DEFAULT_INBOX_COLUMNS. Owned by saved-views. */
@Entity('inbox_preference')
export class InboxPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_inbox_preference' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_inbox_preference_user' })
  user?: UserEntity;

  @Column({ type: 'jsonb' })
  columns: InboxColumn[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
