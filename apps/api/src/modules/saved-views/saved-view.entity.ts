import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { InboxColumn, OrderSortField, SortDirection } from '@order-hub/types';
import { UserEntity } from 'src/modules/users/user.entity';
import type { SavedViewFilterValue } from './saved-view-input';

/** A person's saved inbox view (filter, columns, sort), listed in their sidebar by position. Owned by saved-views. */
@Entity('saved_view')
@Index('uq_saved_view_user_name', ['userId', 'nameKey'], { unique: true })
export class SavedViewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_saved_view' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_saved_view_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** The name trimmed and lower-cased: a person's names are unique regardless of case. */
  @Column({ name: 'name_key', type: 'varchar', length: 60 })
  nameKey: string;

  @Column({ type: 'jsonb' })
  filter: SavedViewFilterValue;

  @Column({ type: 'jsonb' })
  columns: InboxColumn[];

  @Column({ type: 'jsonb', nullable: true })
  sort: { field: OrderSortField; direction: SortDirection } | null;

  @Column({ type: 'int' })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
