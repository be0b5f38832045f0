import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { LabelPresetsService } from './label-presets.service';
import { PackagePresetInput, PackagePresetType, ProposedParcelType } from './label-presets.types';

const id = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const inches = z
  .number()
  .positive({ message: 'must be above 0 inches.' })
  .max(108, { message: 'must be at most 108 inches, the longest a parcel carrier takes.' });
const presetInput = z.object({
  id: id.nullish(),
  name: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty.' })
    .max(100, { message: 'must be at most 100 characters.' }),
  lengthIn: inches,
  widthIn: inches,
  heightIn: inches,
  boxWeightOz: z
    .number()
    .min(0, { message: 'must be 0 ounces or more.' })
    .max(2400, { message: 'must be at most 2400 ounces (150 lb), the most a parcel carrier takes.' }),
  skus: z
    .array(
      z
        .string()
        .trim()
        .min(1, { message: 'must not be empty.' })
        .max(100, { message: 'must be at most 100 characters.' }),
    )
    .max(200, { message: 'at most 200 SKUs per preset.' })
    .nullish()
    .transform((s) => s ?? []),
  isDefault: z
    .boolean()
    .nullish()
    .transform((d) => d ?? false),
});

/** Package presets: anyone signed in reads them (the ship dialog), an admin keeps them. */
@Resolver()
export class LabelPresetsResolver {
  constructor(private readonly service: LabelPresetsService) {}

  @Query(() => [PackagePresetType], { description: 'Every package preset, the default first, then by name.' })
  packagePresets(): Promise<PackagePresetType[]> {
    return this.service.list();
  }

  @Query(() => ProposedParcelType, {
    nullable: true,
    description: 'The preset proposed for the order (one naming its SKUs, else the default); null when there is none.',
  })
  proposedParcel(@Args('orderId', { type: () => ID }) orderId: string): Promise<ProposedParcelType | null> {
    return this.service.choiceForOrder(parseInput(z.object({ orderId: id }), { orderId }).orderId);
  }

  @Mutation(() => PackagePresetType, { description: 'Creates a package preset (no id) or replaces one.' })
  @RequireRole(ApiRole.ADMIN)
  savePackagePreset(
    @Args('input', { type: () => PackagePresetInput }) input: PackagePresetInput,
    @CurrentCaller() caller: Caller,
  ): Promise<PackagePresetType> {
    return this.service.save(parseInput(z.object({ input: presetInput }), { input }).input, actorOf(caller));
  }

  @Mutation(() => Boolean, { description: 'Deletes a package preset.' })
  @RequireRole(ApiRole.ADMIN)
  deletePackagePreset(
    @Args('id', { type: () => ID }) idArg: string,
    @CurrentCaller() caller: Caller,
  ): Promise<boolean> {
    return this.service.delete(parseInput(z.object({ id }), { id: idArg }).id, actorOf(caller));
  }
}
