import { ArgsType, Field, Int } from '@nestjs/graphql';
import { OrderView } from '@order-hub/types';
import { z } from 'zod';
import { OrderFilter } from './dto/order-filter.input';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class OrdersArgs {
  @Field(() => OrderFilter, { nullable: true })
  filter?: OrderFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

export const orderFilterSchema = z
  .object({
    channel: z.string().nullish(),
    accountId: uuid.nullish(),
    view: z.string().nullish(),
    statuses: z.array(z.string()).min(1, { message: 'must name at least one status, or be left out.' }).nullish(),
    search: z
      .string()
      .trim()
      .min(1, { message: 'must not be blank.' })
      .max(100, { message: 'must be at most 100 characters.' })
      .nullish(),
  })
  .nullish();

export const ordersArgsSchema = z.object({
  filter: orderFilterSchema,
  first: z
    .number()
    .int()
    .min(1, { message: `must be between 1 and ${MAX_PAGE_SIZE}.` })
    .max(MAX_PAGE_SIZE, { message: `must be between 1 and ${MAX_PAGE_SIZE}.` })
    .nullish(),
  after: z.string().nullish(),
});

export interface OrderQuery {
  channel?: OrderFilter['channel'];
  accountId?: string | null;
  view: OrderView;
  statuses?: OrderFilter['statuses'];
  search?: string | null;
}

export function toOrderQuery(filter: z.output<typeof orderFilterSchema>): OrderQuery {
  return {
    channel: filter?.channel as OrderQuery['channel'],
    accountId: filter?.accountId ?? null,
    view: (filter?.view as OrderView | null | undefined) ?? OrderView.ALL,
    statuses: filter?.statuses as OrderQuery['statuses'],
    search: filter?.search ?? null,
  };
}
