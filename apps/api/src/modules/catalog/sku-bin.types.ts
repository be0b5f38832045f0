import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from 'src/common/pagination/page-info.type';

@ObjectType('SkuBin', {
  description: 'Where the seller keeps a SKU (a shelf or bin label); the pick list is walked by bin.',
})
export class SkuBinType {
  @Field()
  sku: string;

  @Field()
  bin: string;

  @Field()
  updatedAt: Date;
}

@ObjectType('SkuBinEdge')
export class SkuBinEdgeType {
  @Field()
  cursor: string;

  @Field(() => SkuBinType)
  node: SkuBinType;
}

@ObjectType('SkuBinConnection')
export class SkuBinConnectionType {
  @Field(() => [SkuBinEdgeType])
  edges: SkuBinEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

@InputType('SkuBinInput')
export class SkuBinInput {
  @Field({ description: '1–100 characters.' })
  sku: string;

  @Field({ description: 'Up to 32 characters; blank removes the SKU’s bin.' })
  bin: string;
}

@ObjectType('SetSkuBinsResult')
export class SetSkuBinsResultType {
  @Field(() => [SkuBinType], { description: 'The bins now in place for the SKUs given one.' })
  set: SkuBinType[];

  @Field(() => [String], { description: 'SKUs whose bin was removed.' })
  removed: string[];
}
