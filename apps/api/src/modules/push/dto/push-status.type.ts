import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { POLL_MODES, PUSH_STATES, type PollMode, type PushState } from '@order-hub/types';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const PushTransportEnum = asEnum(['WEBHOOK', 'QUEUE'] as const);
export type PushTransport = keyof typeof PushTransportEnum;
export const PushStateEnum = asEnum(PUSH_STATES);
export const PollModeEnum = asEnum(POLL_MODES);

registerEnumType(PushTransportEnum, {
  name: 'PushTransport',
  description: 'WEBHOOK: the channel posts to the hub (Walmart); QUEUE: the hub reads a queue (Amazon through SQS).',
});
registerEnumType(PushStateEnum, { name: 'PushState' });
registerEnumType(PollModeEnum, {
  name: 'PollMode',
  description: 'NORMAL: polling is how orders arrive; RECONCILE: pushes arrive, polling only catches what they missed.',
});

@ObjectType('PushStatus', { description: "The account's order pushes and how its polling is paced by them." })
export class PushStatusType {
  @Field(() => PushTransportEnum)
  transport: PushTransport;

  @Field(() => PushStateEnum)
  state: PushState;

  @Field({ description: 'False when the setting pushes need (PUBLIC_URL, PUSH_QUEUE_URL/ARN) is not configured.' })
  available: boolean;

  @Field(() => String, { nullable: true, description: 'Why pushes are unavailable, naming the setting.' })
  unavailableReason: string | null;

  @Field(() => String, { nullable: true, description: 'Where the channel delivers webhooks (WEBHOOK only).' })
  webhookUrl: string | null;

  @Field(() => Date, { nullable: true })
  subscribedAt: Date | null;

  @Field(() => String, { nullable: true })
  subscribedBy: string | null;

  @Field(() => Date, { nullable: true })
  lastEventAt: Date | null;

  @Field(() => Int, { description: "Pushes received since midnight in the account's time zone." })
  eventsToday: number;

  @Field(() => Int, { description: 'Orders a poll found today that no push announced.' })
  missedToday: number;

  @Field(() => Int)
  missedLast7Days: number;

  @Field(() => Int, { description: 'Pushes whose order is still to be read.' })
  pendingEvents: number;

  @Field(() => Int, { description: 'FAILED, NOT_FOUND and MALFORMED pushes in the last 7 days.' })
  failedLast7Days: number;

  @Field(() => Int, { description: 'Queue messages that failed too often (DEAD_LETTER), last 7 days.' })
  deadLetters: number;

  @Field(() => String, { nullable: true, description: 'The last refusal of a subscribe, unsubscribe or test call.' })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  lastErrorAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastTestAt: Date | null;

  @Field(() => PollModeEnum)
  pollMode: PollMode;

  @Field(() => Int)
  pollIntervalSeconds: number;

  @Field()
  pollModeReason: string;
}
