import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ChannelAccountEntity } from '../channels/channel-account.entity';

/** One counted fact kind of a day bucket, as stored in `compliance_day_count.counts`. */
export interface DayCountEntry {
  kind: string;
  category: string | null;
  n: number;
  latest_ship_by: string | null;
}

/**
 * The compliance facts of one account, facts group and policy version anchored on one UTC day, counted per
 * (kind, category). Written by ComplianceDayCountsService for closed days; a row exists once the day was counted
 * (an empty `counts` is a day with no facts). Migration: ComplianceDayCounts1795512336290.
 */
@Entity('compliance_day_count')
export class ComplianceDayCountEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_compliance_day_count' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_compliance_day_count_account' })
  account?: ChannelAccountEntity;

  @PrimaryColumn({ name: 'fact_key', type: 'varchar', length: 48, primaryKeyConstraintName: 'pk_compliance_day_count' })
  factKey: string;

  @PrimaryColumn({ name: 'policy_version', type: 'varchar', length: 48, primaryKeyConstraintName: 'pk_compliance_day_count' })
  policyVersion: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_compliance_day_count' })
  day: string;

  @Column({ type: 'jsonb' })
  counts: DayCountEntry[];

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;
}

/** An (account, day) whose buckets a change may have moved, written by triggers; day null: every day of the account. */
@Entity('compliance_dirty_day')
export class ComplianceDirtyDayEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_compliance_dirty_day' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'date', nullable: true })
  day: string | null;
}
