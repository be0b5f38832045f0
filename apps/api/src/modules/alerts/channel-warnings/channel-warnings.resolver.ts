import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { parseInput } from 'src/common/validation/parse-input';
import { z } from 'zod';
import { ChannelWarningsService } from './channel-warnings.service';
import {
  ChannelWarningFilter,
  ChannelWarningType,
  channelWarningsArgsSchema,
  LogChannelWarningInput,
  logChannelWarningSchema,
  respondSchema,
  toChannelWarningType,
} from './channel-warning.type';

@Resolver(() => ChannelWarningType)
export class ChannelWarningsResolver {
  constructor(private readonly service: ChannelWarningsService) {}

  @Query(() => [ChannelWarningType], {
    complexity: ({ args, childComplexity }) => 1 + (args.first ?? 50) * Math.max(childComplexity, 1),
    description: 'Unanswered first (nearest deadline first), then answered ones.',
  })
  async channelWarnings(
    @Args('filter', { type: () => ChannelWarningFilter, nullable: true }) filter: ChannelWarningFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
  ): Promise<ChannelWarningType[]> {
    const input = parseInput(channelWarningsArgsSchema, { filter, first });
    const now = new Date();
    return (await this.service.list(input.filter ?? {}, input.first ?? 50)).map((w) => toChannelWarningType(w, now));
  }

  @Mutation(() => ChannelWarningType, {
    description: 'Logs a warning the seller received; its answer is due 24 h after receivedAt.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async logChannelWarning(
    @Args('input', { type: () => LogChannelWarningInput }) input: LogChannelWarningInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelWarningType> {
    const now = new Date();
    const parsed = parseInput(z.object({ input: logChannelWarningSchema(now) }), { input }).input;
    return toChannelWarningType(await this.service.log(parsed, actorOf(caller), now), now);
  }

  @Mutation(() => ChannelWarningType, {
    description: 'Records that the warning was answered (who, when, and the note); its alerts resolve.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async respondToChannelWarning(
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelWarningType> {
    const parsed = parseInput(respondSchema, { id, note });
    return toChannelWarningType(await this.service.respond(parsed.id, parsed.note, actorOf(caller)), new Date());
  }
}
