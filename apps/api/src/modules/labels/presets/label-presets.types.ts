import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { LabelParcelType } from '../labels.types';

@ObjectType('PackagePreset', { description: 'A box the seller ships in; a label for an order proposes one.' })
export class PackagePresetType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Float, { description: 'Inches.' })
  lengthIn: number;

  @Field(() => Float, { description: 'Inches.' })
  widthIn: number;

  @Field(() => Float, { description: 'Inches.' })
  heightIn: number;

  @Field(() => Float, { description: 'The empty box with its packing, in ounces.' })
  boxWeightOz: number;

  @Field(() => [String], { description: 'SKUs this box is meant for; empty for a general box.' })
  skus: string[];

  @Field({ description: 'Proposed for an order none of whose SKUs a preset names; at most one preset is.' })
  isDefault: boolean;

  @Field()
  updatedAt: Date;
}

@InputType('PackagePresetInput')
export class PackagePresetInput {
  @Field(() => ID, { nullable: true, description: 'The preset to replace; none creates one.' })
  id?: string | null;

  @Field({ description: '1–100 characters, unique.' })
  name: string;

  @Field(() => Float, { description: 'Inches, above 0 and at most 108.' })
  lengthIn: number;

  @Field(() => Float, { description: 'Inches, above 0 and at most 108.' })
  widthIn: number;

  @Field(() => Float, { description: 'Inches, above 0 and at most 108.' })
  heightIn: number;

  @Field(() => Float, { description: 'Ounces, 0 to 2400.' })
  boxWeightOz: number;

  @Field(() => [String], { nullable: true, description: 'SKUs this box is meant for (at most 200).' })
  skus?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Makes it the default preset (the previous default stops being one).',
  })
  isDefault?: boolean | null;
}

@ObjectType('ProposedParcel', { description: "The package preset the hub proposes for an order's open units." })
export class ProposedParcelType {
  @Field(() => PackagePresetType)
  preset: PackagePresetType;

  @Field({ description: 'SKU: the preset names one of the order’s SKUs; DEFAULT: it is the default preset.' })
  matchedBy: string;

  @Field(() => LabelParcelType, {
    nullable: true,
    description: 'The box with the box’s and the units’ weight; null while a SKU has no weight (weigh the parcel).',
  })
  parcel: LabelParcelType | null;

  @Field(() => [String], { description: 'The order’s SKUs without a known weight.' })
  missingWeights: string[];
}
