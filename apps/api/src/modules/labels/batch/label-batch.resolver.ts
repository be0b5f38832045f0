import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ApiRole, LabelFormat } from '@order-hub/types';
import { z } from 'zod';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { toShippingLabelType } from '../labels.types';
import { BATCH_MAX_LABELS, LabelBatchService } from './label-batch.service';
import { BuyLabelsInputType, BuyLabelsResultType, LabelChoiceEnum } from './label-batch.types';

const buyLabelsInput = z.object({
  orderIds: z
    .array(z.string().uuid({ message: 'must be order ids returned by the API (UUIDs).' }))
    .min(1, { message: 'must name at least one order.' })
    .max(BATCH_MAX_LABELS, { message: `at most ${BATCH_MAX_LABELS} orders at a time.` }),
  choice: z.nativeEnum(LabelChoiceEnum),
  format: z
    .nativeEnum(LabelFormat)
    .nullish()
    .transform((f) => f ?? 'PDF'),
});

@Resolver()
export class LabelBatchResolver {
  constructor(private readonly batch: LabelBatchService) {}

  @Mutation(() => BuyLabelsResultType, {
    description:
      'Buys a label for each order (its preset parcel, the chosen rate); an order that fails is told in words and the others go on. The same orders again answer the labels they have.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async buyLabels(
    @Args('input', { type: () => BuyLabelsInputType }) input: BuyLabelsInputType,
    @CurrentCaller() caller: Caller,
  ): Promise<BuyLabelsResultType> {
    const args = parseInput(z.object({ input: buyLabelsInput }), { input }).input;
    const result = await this.batch.buy(args.orderIds, args.choice, args.format, actorOf(caller));
    return { ...result, bought: result.bought.map(toShippingLabelType) };
  }
}
