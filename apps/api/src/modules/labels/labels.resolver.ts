import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { NotFoundError } from 'src/common/errors/app-error';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { ChannelAccountType, toChannelAccountType } from 'src/modules/channels/channel-account.type';
import { AddressType, OrderType } from 'src/modules/orders/order.type';
import { ShipmentLineInput } from 'src/modules/rules/dto/shipment.input';
import { LabelPurchaseService } from './label-purchase.service';
import { LabelRatesService } from './label-rates.service';
import { LabelVoidService } from './label-void.service';
import { labelsByOrderLoader, shipFromLoader } from './labels.loaders';
import {
  AddressCheckType,
  BuyLabelInputType,
  LabelParcelInput,
  LabelRateQuoteType,
  LabelShipToInput,
  ShipFromInput,
  ShippingLabelType,
  toLabelRateType,
  toShippingLabelType,
} from './labels.types';
import { ShipFromService } from './ship-from.service';
import { UUID } from 'src/common/validation/uuid';

@Resolver(() => ShippingLabelType)
export class LabelsResolver {
  constructor(
    private readonly rates: LabelRatesService,
    private readonly purchase: LabelPurchaseService,
    private readonly voids: LabelVoidService,
    private readonly shipFrom: ShipFromService,
  ) {}

  @Query(() => LabelRateQuoteType, {
    description:
      "Rates for one package of the order: the parcel given, else the preset's, else the order's default preset.",
  })
  async labelRates(
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('parcel', { type: () => LabelParcelInput, nullable: true }) parcel: LabelParcelInput | null,
    @Args('presetId', { type: () => ID, nullable: true }) presetId: string | null,
    @Args('shipTo', {
      type: () => LabelShipToInput,
      nullable: true,
      description: "The carrier's correction of the ship-to, when the operator accepted it (verifyShipTo.suggested).",
    })
    shipTo: LabelShipToInput | null,
    @Args('lines', {
      type: () => [ShipmentLineInput],
      nullable: true,
      description: "The units in this package (several packages: one label each); none: all the order's open units.",
    })
    lines: ShipmentLineInput[] | null,
  ): Promise<LabelRateQuoteType> {
    const quote = await this.rates.rates(
      orderId,
      parcel ? { ...parcel } : null,
      presetId ?? null,
      shipTo ? { ...shipTo } : null,
      lines ? lines.map((l) => ({ lineNumber: l.lineNumber, quantity: l.quantity })) : null,
    );
    return {
      ...quote,
      expiresAt: quote.expiresAt ? new Date(quote.expiresAt) : null,
      rates: quote.rates.map(toLabelRateType),
    };
  }

  @Query(() => AddressCheckType, { description: "The label seller's check of the order's ship-to address." })
  verifyShipTo(@Args('orderId', { type: () => ID }) orderId: string): Promise<AddressCheckType> {
    return this.rates.verifyShipTo(orderId);
  }

  @Mutation(() => ShippingLabelType, {
    description:
      'Buys the rate picked from labelRates and records the shipment; the same request again answers the first label.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async buyLabel(
    @Args('input', { type: () => BuyLabelInputType }) input: BuyLabelInputType,
    @CurrentCaller() caller: Caller,
  ): Promise<ShippingLabelType> {
    const parcel = { ...input.parcel };
    const shipTo = input.shipTo ? { ...input.shipTo } : null;
    const lines = input.lines ? input.lines.map((l) => ({ lineNumber: l.lineNumber, quantity: l.quantity })) : null;
    return toShippingLabelType(await this.purchase.buy({ ...input, parcel, shipTo, lines }, actorOf(caller)));
  }

  @Mutation(() => ShippingLabelType, {
    description: 'Voids the label and puts the order back in the queue; refused once the channel has the tracking.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async voidLabel(
    @Args('labelId', { type: () => ID }) labelId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ShippingLabelType> {
    if (!UUID.test(labelId)) throw new NotFoundError('Label', labelId);
    return toShippingLabelType(await this.voids.void(labelId, actorOf(caller)));
  }

  @Mutation(() => ChannelAccountType, { description: "Sets where the account's parcels ship from." })
  @RequireRole(ApiRole.ADMIN)
  async setShipFrom(
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args('address', { type: () => ShipFromInput }) address: ShipFromInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelAccountType> {
    if (!UUID.test(accountId)) throw new NotFoundError('Channel account', accountId);
    return toChannelAccountType(await this.shipFrom.set(accountId, { ...address }, actorOf(caller)));
  }
}

@Resolver(() => OrderType)
export class OrderLabelsResolver {
  @ResolveField(() => [ShippingLabelType], { description: 'Labels bought in the hub for the order, newest first.' })
  async labels(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<ShippingLabelType[]> {
    return (await ctx.loaders.of(labelsByOrderLoader).load(order.id)).map(toShippingLabelType);
  }
}

@Resolver(() => ChannelAccountType)
export class AccountShipFromResolver {
  @ResolveField(() => AddressType, { nullable: true, description: "Where the account's labels ship from." })
  async shipFrom(@Parent() account: ChannelAccountType, @Context() ctx: GraphqlContext): Promise<AddressType | null> {
    const row = await ctx.loaders.of(shipFromLoader).load(account.id);
    return row
      ? {
          name: row.name,
          line1: row.line1,
          line2: row.line2,
          city: row.city,
          stateOrRegion: row.stateOrRegion,
          postalCode: row.postalCode,
          countryCode: row.countryCode,
          phone: row.phone,
        }
      : null;
  }
}
