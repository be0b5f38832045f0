import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InboxColumn } from '@order-hub/types';
import { z } from 'zod';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { parseInput } from 'src/common/validation/parse-input';
import type { Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { CountEstimateType } from 'src/modules/orders/order-connection.type';
import type { SavedViewEntity } from './saved-view.entity';
import { inboxColumnsSchema, SAVED_VIEWS_MAX, savedViewInputSchema } from './saved-view-input';
import { SavedViewInput, SavedViewType } from './saved-view.types';
import { SavedViewsService } from './saved-views.service';

const idArgs = z.object({ id: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }) });
const columnsArgs = z.object({ columns: inboxColumnsSchema });

/** Saved views and column choice belong to the signed-in person; VIEWER may keep their own (they change no order). */
@Resolver(() => SavedViewType)
export class SavedViewsResolver {
  constructor(private readonly service: SavedViewsService) {}

  @Query(() => [SavedViewType], {
    description: 'Your saved inbox views, in your order; none for an API token.',
    complexity: ({ childComplexity }: { childComplexity: number }) => 1 + SAVED_VIEWS_MAX * childComplexity,
  })
  async savedViews(@CurrentCaller() caller: Caller): Promise<SavedViewType[]> {
    return (await this.service.list(caller)).map(toSavedViewType);
  }

  @Mutation(() => SavedViewType, { description: 'Saves a new view, or changes one of yours (with id).' })
  async saveView(
    @Args('input', { type: () => SavedViewInput }) input: SavedViewInput,
    @CurrentCaller() caller: Caller,
  ): Promise<SavedViewType> {
    const value = parseInput(z.object({ input: savedViewInputSchema }), { input }).input;
    return toSavedViewType(await this.service.save(caller, value));
  }

  @Mutation(() => Boolean, { description: 'Deletes one of your saved views.' })
  async deleteSavedView(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<boolean> {
    return this.service.delete(caller, parseInput(idArgs, { id }).id);
  }

  @Query(() => [InboxColumn], { description: 'The inbox columns you chose (the defaults until you choose).' })
  inboxColumns(@CurrentCaller() caller: Caller): Promise<InboxColumn[]> {
    return this.service.columns(caller);
  }

  @Mutation(() => [InboxColumn], { description: 'Chooses your inbox columns, in the order shown.' })
  setInboxColumns(
    @Args('columns', { type: () => [InboxColumn] }) columns: InboxColumn[],
    @CurrentCaller() caller: Caller,
  ): Promise<InboxColumn[]> {
    return this.service.setColumns(caller, parseInput(columnsArgs, { columns }).columns);
  }

  @ResolveField(() => CountEstimateType, {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description: 'Orders the view matches now: exact, except an estimate for every order unfiltered.',
  })
  count(@Parent() view: SavedViewType, @Context() ctx: GraphqlContext): Promise<CountEstimateType> {
    return ctx.loaders.of(this.service.countLoader).load(view.filter);
  }
}

function toSavedViewType(v: SavedViewEntity): SavedViewType {
  return {
    id: v.id,
    name: v.name,
    filter: {
      ...v.filter,
      view: (v.filter.view ?? 'ALL') as SavedViewType['filter']['view'],
    } as SavedViewType['filter'],
    columns: v.columns,
    sort: v.sort,
  };
}
