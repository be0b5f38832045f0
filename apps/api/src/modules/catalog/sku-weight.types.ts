import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('SkuWeight', {
  description: 'What one unit of a SKU weighs; a label parcel weighs its box plus its units.',
})
export class SkuWeightType {
  @Field()
  sku: string;

  @Field(() => Float, { description: 'Ounces per unit.' })
  weightOz: number;

  @Field()
  updatedAt: Date;
}

@InputType('SkuWeightInput')
export class SkuWeightInput {
  @Field({ description: '1–100 characters.' })
  sku: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Ounces per unit, above 0 and at most 2400 (150 lb); null removes it.',
  })
  weightOz: number | null;
}

@ObjectType('SetSkuWeightsResult')
export class SetSkuWeightsResultType {
  @Field(() => [SkuWeightType], { description: 'The weights now in place for the SKUs given one.' })
  set: SkuWeightType[];

  @Field(() => [String], { description: 'SKUs whose weight was removed.' })
  removed: string[];
}
