import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BuyerMessageState, Channel } from '@order-hub/types';
import { PageInfoType } from 'src/common/pagination/page-info.type';
import { z } from 'zod';
import type { BuyerMessageEntity } from './buyer-message.entity';

export const BuyerMessageKindEnum = { BUYER_MESSAGE: 'BUYER_MESSAGE', PERFORMANCE_ALERT: 'PERFORMANCE_ALERT' } as const;

registerEnumType(BuyerMessageKindEnum, {
  name: 'BuyerMessageKind',
  valuesMap: {
    BUYER_MESSAGE: { description: "A buyer's message through the channel's relay (Walmart) or messaging (Amazon)." },
    PERFORMANCE_ALERT: { description: "A channel's performance e-mail (it also becomes a channel warning)." },
  },
});
registerEnumType(BuyerMessageState, {
  name: 'BuyerMessageState',
  valuesMap: {
    OPEN: { description: "Unanswered, more than the policy's warning hours left." },
    DUE_SOON: { description: "Unanswered, the policy's warning hours or less left." },
    OVERDUE: { description: 'Unanswered past its deadline.' },
    ANSWERED: { description: 'A reply was seen in Sent, or a person marked it answered.' },
  },
});

@ObjectType('BuyerMessage', {
  description:
    "A buyer's message or a channel's performance e-mail read from the seller's mailbox, with its response clock (the policy in force at receipt). The hub never answers it itself: replyUrl is the channel's own page.",
})
export class BuyerMessageType {
  @Field(() => ID)
  id: string;

  @Field(() => Channel)
  channel: Channel;

  @Field(() => BuyerMessageKindEnum)
  kind: BuyerMessageEntity['kind'];

  @Field({ description: 'The sender: the relay address of the buyer, or the channel.' })
  from: string;

  @Field()
  subject: string;

  @Field({ description: 'The start of its fresh text (the quoted history left out).' })
  excerpt: string;

  @Field()
  receivedAt: Date;

  @Field({
    description: 'receivedAt + the hours the policy gives (Walmart buyer messages 48, Amazon 24, warnings 24).',
  })
  respondBy: Date;

  @Field({ description: 'The policy version the clock comes from.' })
  policyVersion: string;

  @Field(() => [String], { description: 'Order numbers found in it (a performance e-mail: the flagged orders).' })
  orderNumbers: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Why it is linked to no order (or no account), in words; null when linked.',
  })
  unlinkedReason: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: '"mail:<Message-ID>" when the reply was seen in Sent, else who marked it answered.',
  })
  answeredBy: string | null;

  @Field(() => String, { nullable: true, description: 'The note of whoever marked it answered by hand.' })
  answerNote: string | null;

  @Field(() => ID, { nullable: true, description: 'The mailbox evidence it was read from (MailMessage.id).' })
  mailMessageId: string | null;

  @Field(() => ID, { nullable: true, description: 'The channel warning a performance e-mail became.' })
  channelWarningId: string | null;

  accountId: string | null;
  orderId: string | null;
  entity: BuyerMessageEntity;
}

export function toBuyerMessageType(e: BuyerMessageEntity): BuyerMessageType {
  return {
    id: e.id,
    channel: e.channel,
    kind: e.kind,
    from: e.fromAddress,
    subject: e.subject,
    excerpt: e.excerpt,
    receivedAt: e.receivedAt,
    respondBy: e.respondBy,
    policyVersion: e.policyVersion,
    orderNumbers: e.orderNumbers,
    unlinkedReason: e.unlinkedReason,
    answeredAt: e.answeredAt,
    answeredBy: e.answeredBy,
    answerNote: e.answerNote,
    mailMessageId: e.mailId,
    channelWarningId: e.channelWarningId,
    accountId: e.accountId,
    orderId: e.orderId,
    entity: e,
  };
}

@ObjectType('BuyerMessageEdge')
export class BuyerMessageEdgeType {
  @Field()
  cursor: string;

  @Field(() => BuyerMessageType)
  node: BuyerMessageType;
}

@ObjectType('BuyerMessageConnection')
export class BuyerMessageConnectionType {
  @Field(() => [BuyerMessageEdgeType])
  edges: BuyerMessageEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** Counted on demand (the totalCount field). */
  count: () => Promise<number>;
}

@ObjectType('BuyerMessageCounts', { description: 'Unanswered buyer messages (not performance e-mails) by clock.' })
export class BuyerMessageCountsType {
  @Field(() => Int, { description: 'Unanswered, more than the warning hours left.' })
  open: number;

  @Field(() => Int)
  dueSoon: number;

  @Field(() => Int)
  overdue: number;
}

@InputType('BuyerMessageFilter')
export class BuyerMessageFilter {
  @Field(() => Channel, { nullable: true })
  channel?: Channel | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => BuyerMessageState, { nullable: true })
  state?: BuyerMessageState | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;

  @Field(() => BuyerMessageKindEnum, { nullable: true })
  kind?: BuyerMessageEntity['kind'] | null;
}

export const BUYER_MESSAGES_PAGE_SIZE = 50;
const MAX_PAGE = 200;

@ArgsType()
export class BuyerMessagesArgs {
  @Field(() => BuyerMessageFilter, { nullable: true })
  filter?: BuyerMessageFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: BUYER_MESSAGES_PAGE_SIZE,
    description: `Page size, 1 to ${MAX_PAGE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

export const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

export const buyerMessagesArgsSchema = z.object({
  filter: z
    .object({
      channel: z.nativeEnum(Channel).nullish(),
      accountId: uuid.nullish(),
      state: z.nativeEnum(BuyerMessageState).nullish(),
      orderId: uuid.nullish(),
      kind: z.nativeEnum(BuyerMessageKindEnum).nullish(),
    })
    .nullish(),
  first: z
    .number()
    .int()
    .min(1, { message: `must be between 1 and ${MAX_PAGE}.` })
    .max(MAX_PAGE, { message: `must be between 1 and ${MAX_PAGE}.` })
    .nullish(),
  after: z.string().nullish(),
});

export const markAnsweredSchema = z.object({
  id: uuid,
  note: z
    .string()
    .trim()
    .min(1, { message: 'must say how it was answered (where, by whom).' })
    .max(2_000, { message: 'is at most 2,000 characters.' }),
});
