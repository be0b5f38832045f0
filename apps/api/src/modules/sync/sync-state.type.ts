import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SyncPhase } from '@order-hub/types';
import type { AccountSyncStateEntity } from './account-sync-state.entity';

registerEnumType(SyncPhase, { name: 'SyncPhase' });

@ObjectType('SyncState', { description: "Where the account's order import stands." })
export class SyncStateType {
  @Field(() => SyncPhase, { description: 'BACKFILL until the first full pull has finished, then INCREMENTAL.' })
  phase: SyncPhase;

  @Field({ description: 'A pull is running now.' })
  running: boolean;

  @Field(() => Date, { nullable: true, description: 'Orders changed up to this instant are in the hub.' })
  watermark: Date | null;

  @Field(() => Date, { nullable: true })
  lastStartedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;

  @Field(() => String, { nullable: true, description: "The last failure, with the channel's own message." })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  lastErrorAt: Date | null;

  @Field(() => Date, { nullable: true })
  nextRunAt: Date | null;

  @Field(() => Int, { description: 'Orders created in the hub by import, all time.' })
  ordersImported: number;

  @Field(() => Int, { description: 'Changes the channel made to orders the hub already had, all time.' })
  ordersUpdated: number;

  @Field(() => Int, { description: 'Pages done in the current (or last) pull.' })
  pagesDone: number;

  @Field(() => Int, { nullable: true, description: 'Pages the current pull has in all, when the channel says.' })
  pagesEstimated: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Backfill progress from 0 to 1, while backfilling and when known.',
  })
  backfillProgress: number | null;
}

export function toSyncStateType(s: AccountSyncStateEntity | null, now = new Date()): SyncStateType {
  if (!s) {
    return {
      phase: 'BACKFILL',
      running: false,
      watermark: null,
      lastStartedAt: null,
      lastSuccessAt: null,
      lastError: null,
      lastErrorAt: null,
      nextRunAt: null,
      ordersImported: 0,
      ordersUpdated: 0,
      pagesDone: 0,
      pagesEstimated: null,
      backfillProgress: null,
    };
  }
  const running = s.lockedUntil !== null && s.lockedUntil > now;
  return {
    phase: s.phase,
    running,
    watermark: s.watermark,
    lastStartedAt: s.lastStartedAt,
    lastSuccessAt: s.lastSuccessAt,
    lastError: s.lastError,
    lastErrorAt: s.lastErrorAt,
    nextRunAt: s.nextRunAt,
    ordersImported: s.ordersImported,
    ordersUpdated: s.ordersUpdated,
    pagesDone: s.pagesDone,
    pagesEstimated: s.pagesEstimated,
    backfillProgress:
      s.phase === 'BACKFILL' && s.pagesEstimated
        ? Math.min(1, s.pagesDone / s.pagesEstimated)
        : s.phase === 'BACKFILL'
          ? null
          : 1,
  };
}
