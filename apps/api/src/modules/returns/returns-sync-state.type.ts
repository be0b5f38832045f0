import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ReturnSyncStateEntity } from './return-sync-state.entity';

@ObjectType('RejectedReturn', { description: 'A return of the channel the hub could not read, set aside.' })
export class RejectedReturnType {
  @Field(() => String, { nullable: true })
  channelReturnId: string | null;

  @Field({ description: 'What was wrong, naming the field and the rule.' })
  reason: string;
}

@ObjectType('ReturnsSyncState', { description: "Where the account's returns import stands." })
export class ReturnsSyncStateType {
  @Field({ description: 'A pull of returns is running now.' })
  running: boolean;

  @Field(() => Date, { nullable: true, description: 'Returns the channel changed up to this instant are in the hub.' })
  watermark: Date | null;

  @Field(() => Date, { nullable: true })
  lastStartedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The last failure (or returns set aside), in the channel's words; null when the last pull was clean.",
  })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  lastErrorAt: Date | null;

  @Field(() => Int, { description: 'Failed pulls in a row; each doubles the wait (1, 2, 4 … 60 minutes).' })
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'When the next pull is due.' })
  nextRunAt: Date | null;

  @Field(() => Int)
  returnsImported: number;

  @Field(() => Int)
  returnsUpdated: number;

  @Field(() => [RejectedReturnType], { description: 'Returns of the last pull that could not be read.' })
  rejected: RejectedReturnType[];
}

export function toReturnsSyncStateType(s: ReturnSyncStateEntity, now = new Date()): ReturnsSyncStateType {
  return {
    running: s.lockedUntil !== null && s.lockedUntil > now,
    watermark: s.watermark,
    lastStartedAt: s.lastStartedAt,
    lastSuccessAt: s.lastSuccessAt,
    lastError: s.lastError,
    lastErrorAt: s.lastErrorAt,
    attempts: s.attempts,
    nextRunAt: s.nextRunAt,
    returnsImported: s.returnsImported,
    returnsUpdated: s.returnsUpdated,
    rejected: s.rejected ?? [],
  };
}
