import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ChannelAccountEntity } from 'src/modules/channels/channel-account.entity';

/** One counted fact kind of an hour bucket, as stored in `compliance_hour_count.counts`. */
export interface DayCountEntry {
  kind: string;
  category: string | null;
  n: number;
  latest_ship_by: string | null;
}

/**
 * The compliance facts of one account, facts group and policy version anchored in one hour, counted per
 * (kind, category). Written by ComplianceDayCountsService for closed hours; a row exists once the hour was counted
 * (an empty `counts` is an hour with no facts). Migration: ComplianceDayCounts1795512336290.
 */
@Entity('compliance_hour_count')
export class ComplianceHourCountEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_compliance_hour_count' })
  accountId: string;

  @ManyToOne(() => ChannelAccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_compliance_hour_count_account' })
  account?: ChannelAccountEntity;

  @PrimaryColumn({
    name: 'fact_key',
    type: 'varchar',
    length: 48,
    primaryKeyConstraintName: 'pk_compliance_hour_count',
  })
  factKey: string;

  @PrimaryColumn({
    name: 'policy_version',
    type: 'varchar',
    length: 48,
    primaryKeyConstraintName: 'pk_compliance_hour_count',
  })
  policyVersion: string;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'pk_compliance_hour_count' })
  hour: Date;

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
