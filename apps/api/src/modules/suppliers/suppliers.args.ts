import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { PurchaseOrderFormat, PurchaseOrderMethod, SupplierTrackingState } from '@order-hub/types';
import { z } from 'zod';

export const PURCHASE_ORDERS_PAGE_SIZE = 50;
export const PURCHASE_ORDERS_MAX_PAGE_SIZE = 200;

export const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

@InputType('SupplierInput')
export class SupplierInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Where purchase orders are e-mailed (needed for EMAIL).' })
  email?: string | null;

  @Field(() => [String], { nullable: true, description: 'Addresses (ops@acme.com) or domains (@acme.com).' })
  senderAddresses?: string[] | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Int, { nullable: true, description: 'Default 1.' })
  leadTimeBusinessDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours before ship-by the tracking is due; default 0 (at ship-by).',
  })
  trackingDeadlineHours?: number | null;

  @Field(() => PurchaseOrderMethod, { nullable: true, description: 'Default EMAIL.' })
  poMethod?: PurchaseOrderMethod | null;

  @Field(() => PurchaseOrderFormat, { nullable: true, description: 'Default CSV.' })
  poFormat?: PurchaseOrderFormat | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true; an inactive supplier gets no orders routed.' })
  active?: boolean | null;
}

@InputType('SupplierUpdateInput')
export class SupplierUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => [String], { nullable: true })
  senderAddresses?: string[] | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Int, { nullable: true })
  leadTimeBusinessDays?: number | null;

  @Field(() => Int, { nullable: true })
  trackingDeadlineHours?: number | null;

  @Field(() => PurchaseOrderMethod, { nullable: true })
  poMethod?: PurchaseOrderMethod | null;

  @Field(() => PurchaseOrderFormat, { nullable: true })
  poFormat?: PurchaseOrderFormat | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType('SupplierSkuInput')
export class SupplierSkuInput {
  @Field()
  sku: string;

  @Field(() => ID, { nullable: true, description: 'Null: in every account.' })
  accountId?: string | null;
}

@InputType('PurchaseOrderFilter')
export class PurchaseOrderFilterInput {
  @Field(() => ID, { nullable: true })
  supplierId?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Sent and without tracking, soonest due first: the "Waiting for supplier" view.',
  })
  waiting?: boolean | null;

  @Field(() => SupplierTrackingState, { nullable: true })
  state?: SupplierTrackingState | null;
}

@ArgsType()
export class PurchaseOrdersArgs {
  @Field(() => PurchaseOrderFilterInput, { nullable: true })
  filter?: PurchaseOrderFilterInput | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: PURCHASE_ORDERS_PAGE_SIZE,
    description: `Page size, 1 to ${PURCHASE_ORDERS_MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be blank.' })
    .max(max, { message: `must be at most ${max} characters.` });
const email = z.string().trim().email({ message: 'must be an e-mail address.' }).max(320);
const sender = z
  .string()
  .trim()
  .regex(/^([^\s@]+@[^\s@]+\.[^\s@]+|@[^\s@]+\.[^\s@]+)$/, { message: 'must be an e-mail address or an @domain.' });
const hours = z
  .number()
  .int()
  .min(0, { message: 'must be 0 or more hours.' })
  .max(720, { message: 'must be at most 720 hours.' });
const days = z
  .number()
  .int()
  .min(0, { message: 'must be 0 or more days.' })
  .max(60, { message: 'must be at most 60 days.' });

const supplierFields = {
  contactName: text(200).nullish(),
  email: email.nullish(),
  senderAddresses: z.array(sender).max(50, { message: 'must list at most 50 addresses.' }).nullish(),
  phone: text(50).nullish(),
  leadTimeBusinessDays: days.nullish(),
  trackingDeadlineHours: hours.nullish(),
  poMethod: z.nativeEnum(PurchaseOrderMethod).nullish(),
  poFormat: z.nativeEnum(PurchaseOrderFormat).nullish(),
  active: z.boolean().nullish(),
};

const emailNeeded = (v: { poMethod?: string | null; email?: string | null }) => v.poMethod !== 'EMAIL' || !!v.email;

export const createSupplierSchema = z.object({
  input: z
    .object({ name: text(200), ...supplierFields })
    .refine((v) => emailNeeded({ poMethod: v.poMethod ?? 'EMAIL', email: v.email }), {
      message: 'is needed to e-mail purchase orders (or choose LINK).',
      path: ['email'],
    }),
});

export const updateSupplierSchema = z.object({
  id: uuid,
  input: z.object({ name: text(200).nullish(), ...supplierFields }),
});

export const setSupplierSkusSchema = z.object({
  supplierId: uuid,
  skus: z
    .array(z.object({ sku: text(100), accountId: uuid.nullish() }))
    .max(5000, { message: 'must list at most 5000 SKUs.' }),
});

export const sendPurchaseOrdersSchema = z.object({
  orderIds: z
    .array(uuid)
    .min(1, { message: 'must name at least one order.' })
    .max(200, { message: 'must name at most 200 orders.' }),
});

export const purchaseOrdersArgsSchema = z.object({
  filter: z
    .object({
      supplierId: uuid.nullish(),
      orderId: uuid.nullish(),
      waiting: z.boolean().nullish(),
      state: z.nativeEnum(SupplierTrackingState).nullish(),
    })
    .nullish(),
  first: z
    .number()
    .int()
    .min(1, { message: `must be between 1 and ${PURCHASE_ORDERS_MAX_PAGE_SIZE}.` })
    .max(PURCHASE_ORDERS_MAX_PAGE_SIZE, { message: `must be between 1 and ${PURCHASE_ORDERS_MAX_PAGE_SIZE}.` })
    .nullish(),
  after: z.string().nullish(),
});

/** Drops the fields left out (null or undefined), so an update changes only what it names. */
export function given<T extends Record<string, unknown>>(v: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}
