import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { McfSkuMappingEntity } from './mcf-sku-mapping.entity';

@ObjectType('McfStock', {
  description: 'Units Amazon can fulfil through MCF (getFeatureSKU), or why that is not known.',
})
export class McfStockType {
  @Field(() => Int, { nullable: true })
  units: number | null;

  @Field(() => String, { nullable: true, description: 'Why there is no figure, in words.' })
  unavailable: string | null;

  @Field()
  checkedAt: Date;
}

@ObjectType('McfSkuMapping', { description: "The Amazon seller SKU MCF ships for the seller's SKU on an order line." })
export class McfSkuMappingType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The Amazon account whose MCF stock ships it.' })
  mcfAccountId: string;

  @Field({ description: "The SKU on the origin order's line (a Walmart SKU)." })
  sellerSku: string;

  @Field()
  amazonSku: string;

  @Field()
  updatedBy: string;

  @Field()
  updatedAt: Date;
}

@InputType()
export class McfSkuMappingInput {
  @Field(() => ID)
  mcfAccountId: string;

  @Field()
  sellerSku: string;

  @Field()
  amazonSku: string;
}

export function toMcfSkuMappingType(e: McfSkuMappingEntity): McfSkuMappingType {
  return {
    id: e.id,
    mcfAccountId: e.mcfAccountId,
    sellerSku: e.sellerSku,
    amazonSku: e.amazonSku,
    updatedBy: e.updatedBy,
    updatedAt: e.updatedAt,
  };
}
