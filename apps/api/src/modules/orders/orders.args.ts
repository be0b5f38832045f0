import { ArgsType, Field, Int } from '@nestjs/graphql';
import {
  BULK_MAX_ORDERS,
  OrderView,
  type FulfillmentMethod,
  type OrderSortField,
  type SortDirection,
} from '@order-hub/types';
import { z } from 'zod';
import { OrderFilter, OrderSort } from './dto/order-filter.input';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class OrdersArgs {
  @Field(() => OrderFilter, { nullable: true })
  filter?: OrderFilter | null;

  @Field(() => OrderSort, {
    nullable: true,
    description: "Sort order; without it each view's own (ship-by soonest first where deadlines matter, else newest).",
  })
  sort?: OrderSort | null;

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
    skus: textList('SKU', 64).nullish(),
    shipMethods: textList('ship method', 64).nullish(),
    shipToStates: textList('state', 64).nullish(),
    fulfillment: z.array(z.string()).min(1, { message: 'must name at least one, or be left out.' }).nullish(),
    buyerRequestedCancel: z.boolean().nullish(),
    channelRefused: z.boolean().nullish(),
    shippedNoScan: z.boolean().nullish(),
  })
  .nullish();

function textList(what: string, max: number) {
  return z
    .array(
      z
        .string()
        .trim()
        .min(1, { message: `each ${what} must not be blank.` })
        .max(100, { message: `each ${what} must be at most 100 characters.` }),
    )
    .min(1, { message: `must name at least one ${what}, or be left out.` })
    .max(max, { message: `at most ${max} at a time.` });
}

export const orderSortSchema = z.object({ field: z.string(), direction: z.enum(['ASC', 'DESC']) }).nullish();

export const bulkTargetSchema = z
  .object({
    orderIds: z
      .array(uuid)
      .min(1, { message: 'must name at least one order.' })
      .max(BULK_MAX_ORDERS, { message: `at most ${BULK_MAX_ORDERS} orders at a time.` })
      .nullish(),
    filter: orderFilterSchema,
    expectedCount: z.number().int().min(0, { message: 'must be 0 or more.' }).nullish(),
  })
  .refine((t) => (t.orderIds ? 1 : 0) + (t.filter ? 1 : 0) === 1, {
    message: 'name either orderIds or filter, not both and not neither.',
    path: ['orderIds'],
  })
  .refine((t) => !t.filter || t.expectedCount != null, {
    message: 'is required with filter: the number of orders the person saw matching.',
    path: ['expectedCount'],
  });

export const ordersArgsSchema = z.object({
  filter: orderFilterSchema,
  sort: orderSortSchema,
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
  skus?: string[] | null;
  shipMethods?: string[] | null;
  shipToStates?: string[] | null;
  fulfillment?: FulfillmentMethod[] | null;
  buyerRequestedCancel?: boolean | null;
  channelRefused?: boolean | null;
  shippedNoScan?: boolean | null;
  sort?: { field: OrderSortField; direction: SortDirection } | null;
}

export function toOrderQuery(filter: z.output<typeof orderFilterSchema>): OrderQuery {
  return {
    channel: filter?.channel as OrderQuery['channel'],
    accountId: filter?.accountId ?? null,
    view: (filter?.view as OrderView | null | undefined) ?? OrderView.ALL,
    statuses: filter?.statuses as OrderQuery['statuses'],
    search: filter?.search ?? null,
    skus: filter?.skus ?? null,
    shipMethods: filter?.shipMethods ?? null,
    shipToStates: filter?.shipToStates ?? null,
    fulfillment: (filter?.fulfillment as FulfillmentMethod[] | null | undefined) ?? null,
    buyerRequestedCancel: filter?.buyerRequestedCancel ?? null,
    channelRefused: filter?.channelRefused ?? null,
    shippedNoScan: filter?.shippedNoScan ?? null,
  };
}
