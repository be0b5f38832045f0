import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Channel, RefundedBy, ReturnStatus } from '@order-hub/types';
import { z } from 'zod';
import type { ReturnQuery } from './returns-query';

export const RETURNS_PAGE_SIZE = 50;
export const RETURNS_MAX_PAGE_SIZE = 200;

@InputType('ReturnFilter')
export class ReturnFilter {
  @Field(() => Channel, { nullable: true })
  channel?: Channel | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => [ReturnStatus], { nullable: true })
  statuses?: ReturnStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Received and not fully refunded, oldest receipt first: the "Refunds due" view.',
  })
  refundsDue?: boolean | null;

  @Field(() => RefundedBy, { nullable: true })
  refundedBy?: RefundedBy | null;

  @Field(() => ID, { nullable: true, description: "The hub's order the return (or one of its lines) belongs to." })
  orderId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of an RMA, an order number or a SKU.' })
  search?: string | null;
}

@ArgsType()
export class ReturnsArgs {
  @Field(() => ReturnFilter, { nullable: true })
  filter?: ReturnFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: RETURNS_PAGE_SIZE,
    description: `Page size, 1 to ${RETURNS_MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

export const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

export const returnsArgsSchema = z.object({
  filter: z
    .object({
      channel: z.string().nullish(),
      accountId: uuid.nullish(),
      statuses: z.array(z.string()).min(1, { message: 'must name at least one status, or be left out.' }).nullish(),
      refundsDue: z.boolean().nullish(),
      refundedBy: z.string().nullish(),
      orderId: uuid.nullish(),
      search: z
        .string()
        .trim()
        .min(1, { message: 'must not be blank.' })
        .max(100, { message: 'must be at most 100 characters.' })
        .nullish(),
    })
    .nullish(),
  first: z
    .number()
    .int()
    .min(1, { message: `must be between 1 and ${RETURNS_MAX_PAGE_SIZE}.` })
    .max(RETURNS_MAX_PAGE_SIZE, { message: `must be between 1 and ${RETURNS_MAX_PAGE_SIZE}.` })
    .nullish(),
  after: z.string().nullish(),
});

export function toReturnQuery(filter: z.output<typeof returnsArgsSchema>['filter']): ReturnQuery {
  return {
    channel: (filter?.channel as Channel | null | undefined) ?? null,
    accountId: filter?.accountId ?? null,
    statuses: (filter?.statuses as ReturnStatus[] | null | undefined) ?? null,
    refundsDue: filter?.refundsDue ?? null,
    refundedBy: (filter?.refundedBy as RefundedBy | null | undefined) ?? null,
    orderId: filter?.orderId ?? null,
    search: filter?.search ?? null,
  };
}
