import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from 'src/common/pagination/page-info.type';

@ObjectType('SkuCategory', {
  description: "A SKU's product category, set by the seller (Amazon measures valid tracking per category).",
})
export class SkuCategoryType {
  @Field()
  sku: string;

  @Field()
  category: string;

  @Field()
  updatedAt: Date;
}

@ObjectType('SkuCategoryEdge')
export class SkuCategoryEdgeType {
  @Field()
  cursor: string;

  @Field(() => SkuCategoryType)
  node: SkuCategoryType;
}

@ObjectType('SkuCategoryConnection')
export class SkuCategoryConnectionType {
  @Field(() => [SkuCategoryEdgeType])
  edges: SkuCategoryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}

@InputType('SkuCategoryInput')
export class SkuCategoryInput {
  @Field({ description: '1–64 characters.' })
  sku: string;

  @Field({ description: '1–64 characters; empty removes the mapping (the SKU counts as "Uncategorized").' })
  category: string;
}

@ObjectType('SetSkuCategoriesResult')
export class SetSkuCategoriesResultType {
  @Field(() => [SkuCategoryType], { description: 'The mappings now in place for the SKUs given a category.' })
  set: SkuCategoryType[];

  @Field(() => [String], { description: 'SKUs whose mapping was removed.' })
  removed: string[];
}
