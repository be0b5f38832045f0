import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SyncPhase } from '@order-hub/types';
import type { AccountSyncStateEntity } from './account-sync-state.entity';
import type { LeaseHolder } from 'src/modules/jobs/lease-holder';
import type { QuarantineSummary } from './quarantine/order-quarantine.repository';

registerEnumType(SyncPhase, { name: 'SyncPhase' });

@ObjectType('QuarantinedOrder', {
  description: "An order of the channel a pull could not import, set aside with the channel's copy while the rest was.",
})
export class QuarantinedOrderType {
  @Field()
  channelOrderId: string;

  @Field({ description: "MAPPING: the channel's copy could not be read; STORAGE: the database refused it." })
  stage: string;

  @Field({ description: 'What was wrong, naming the field and the rule.' })
  reason: string;

  @Field(() => Date)
  firstSeenAt: Date;

  @Field(() => Date)
  lastSeenAt: Date;
}

@ObjectType('SyncState', { description: "Where the account's order import stands." })
export class SyncStateType {
  @Field(() => SyncPhase, { description: 'BACKFILL until the first full pull has finished, then INCREMENTAL.' })
  phase: SyncPhase;

  @Field({ description: 'A pull is running now: a live process holds the account and renews its lease.' })
  running: boolean;

  @Field({
    description:
      "A process that stopped (no heartbeat) still holds the account's lease: pulls resume when it runs out at leaseExpiresAt, or at once when a process on the holder's host sees it is gone.",
  })
  waitingForStoppedProcess: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The process holding the lease (host:pid:start time), while one does.',
  })
  leaseHolder: string | null;

  @Field(() => Date, { nullable: true, description: 'When the lease runs out unless its holder renews it.' })
  leaseExpiresAt: Date | null;

  @Field(() => Int, { description: 'Orders of the channel that could not be imported and wait in quarantine.' })
  quarantinedOrders: number;

  @Field(() => [QuarantinedOrderType], { description: 'The most recently seen quarantined orders (up to 5).' })
  quarantine: QuarantinedOrderType[];

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

/** How this process sees the account's lease: whose it is and whether its holder is alive. */
export interface LeaseView {
  holder: LeaseHolder;
  /** A holder whose last heartbeat is older than this is presumed stopped. */
  staleAfterMs: number;
}

const NO_QUARANTINE = { quarantinedOrders: 0, quarantine: [] };

export function toSyncStateType(
  s: AccountSyncStateEntity | null,
  lease: LeaseView,
  quarantine: QuarantineSummary | null = null,
  now = new Date(),
): SyncStateType {
  const quarantined = quarantine
    ? { quarantinedOrders: quarantine.open, quarantine: quarantine.latest.map((q) => ({ ...q })) }
    : NO_QUARANTINE;
  if (!s) {
    return {
      phase: 'BACKFILL',
      running: false,
      waitingForStoppedProcess: false,
      leaseHolder: null,
      leaseExpiresAt: null,
      ...quarantined,
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
  const leased = s.lockedUntil !== null && s.lockedUntil > now;
  const alive =
    !lease.holder.isStopped(s.leaseHolder, s.leaseHolderScope) &&
    s.leaseHeartbeatAt !== null &&
    now.getTime() - s.leaseHeartbeatAt.getTime() <= lease.staleAfterMs;
  const running = leased && alive;
  return {
    phase: s.phase,
    running,
    waitingForStoppedProcess: leased && !alive,
    leaseHolder: leased ? s.leaseHolder : null,
    leaseExpiresAt: leased ? s.lockedUntil : null,
    ...quarantined,
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
