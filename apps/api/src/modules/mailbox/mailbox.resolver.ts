import { orderByIdLoader } from 'src/modules/orders/order-by-id.loader';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { countOnce } from 'src/common/graphql/connection-count';
import { FieldCost, pagedComplexity } from 'src/common/graphql/cost-limit';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { OrderType, toOrderType } from 'src/modules/orders/order.type';
import { MailMessageRepository } from './mail-message.repository';
import {
  ConnectMailboxInput,
  connectMailboxSchema,
  MAIL_PAGE_SIZE,
  MailMessagesArgs,
  mailMessagesArgsSchema,
  UpdateMailboxInput,
  updateMailboxSchema,
  uuid,
} from './mailbox.args';
import { mailByOrderLoader, mailSyncStateLoader } from './mailbox.loaders';
import { MailboxService } from './mailbox.service';
import { MailboxSyncService } from './mailbox-sync.service';
import {
  MailboxType,
  MailMessageConnectionType,
  MailMessageType,
  MailSyncStateType,
  toMailboxType,
  toMailMessageType,
  toMailSyncStateType,
} from './mailbox.type';

const undef = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

@Resolver(() => MailboxType)
export class MailboxResolver {
  constructor(
    private readonly service: MailboxService,
    private readonly syncService: MailboxSyncService,
  ) {}

  @Query(() => [MailboxType], { description: "The seller's mailboxes the hub reads." })
  async mailboxes(): Promise<MailboxType[]> {
    return (await this.service.list()).map(toMailboxType);
  }

  @Query(() => MailboxType, { nullable: true })
  async mailbox(@Args('id', { type: () => ID }) id: string): Promise<MailboxType | null> {
    parseInput(z.object({ id: uuid }), { id });
    const found = await this.service.findById(id);
    return found ? toMailboxType(found) : null;
  }

  @Mutation(() => MailboxType, {
    description:
      'Logs in to the mailbox, finds its folders and saves it; a refused login is an error naming the field.',
  })
  @RequireRole(ApiRole.ADMIN)
  async connectMailbox(
    @Args('input') input: ConnectMailboxInput,
    @CurrentCaller() caller: Caller,
  ): Promise<MailboxType> {
    const parsed = parseInput(connectMailboxSchema, input);
    return toMailboxType(await this.service.connect(parsed, actorOf(caller)));
  }

  @Mutation(() => MailboxType, { description: 'Changes a mailbox; new connection settings are tried before saving.' })
  @RequireRole(ApiRole.ADMIN)
  async updateMailbox(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateMailboxInput,
    @CurrentCaller() caller: Caller,
  ): Promise<MailboxType> {
    parseInput(z.object({ id: uuid }), { id });
    const p = parseInput(updateMailboxSchema, input);
    const saved = await this.service.update(
      id,
      {
        name: undef(p.name),
        host: undef(p.host),
        port: undef(p.port),
        secure: undef(p.secure),
        user: undef(p.user),
        password: undef(p.password),
        junkFolder: p.junkFolder === null ? undefined : p.junkFolder,
        sentFolder: p.sentFolder === null ? undefined : p.sentFolder,
        accountIds: undef(p.accountIds),
        enabled: undef(p.enabled),
      },
      actorOf(caller),
    );
    return toMailboxType(saved);
  }

  @Mutation(() => Boolean, { description: 'Forgets a mailbox and the evidence of the messages read from it.' })
  @RequireRole(ApiRole.ADMIN)
  async removeMailbox(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<boolean> {
    parseInput(z.object({ id: uuid }), { id });
    return this.service.remove(id, actorOf(caller));
  }

  @Mutation(() => MailSyncStateType, { description: 'Reads the mailbox now and answers where it stands.' })
  @RequireRole(ApiRole.OPERATOR)
  async refreshMailbox(@Args('id', { type: () => ID }) id: string): Promise<MailSyncStateType> {
    parseInput(z.object({ id: uuid }), { id });
    return toMailSyncStateType(await this.syncService.refreshNow(id));
  }

  @ResolveField(() => MailSyncStateType)
  async sync(@Parent() m: MailboxType, @Context() ctx: GraphqlContext): Promise<MailSyncStateType> {
    return toMailSyncStateType(await ctx.loaders.of(mailSyncStateLoader).load(m.id));
  }
}

@Resolver(() => MailMessageType)
export class MailMessageResolver {
  constructor(private readonly messages: MailMessageRepository) {}

  @Query(() => MailMessageConnectionType, {
    complexity: pagedComplexity(MAIL_PAGE_SIZE, FieldCost.AGGREGATE),
    description: 'The messages read from the mailboxes and what the hub did with each, newest first.',
  })
  async mailMessages(@Args() args: MailMessagesArgs): Promise<MailMessageConnectionType> {
    const input = parseInput(mailMessagesArgsSchema, args);
    const page = await this.messages.page(input.filter ?? {}, input.first ?? MAIL_PAGE_SIZE, input.after ?? null);
    return {
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: toMailMessageType(r.node) })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: input.after != null,
        startCursor: page.rows[0]?.cursor ?? null,
        endCursor: page.rows.at(-1)?.cursor ?? null,
      },
      count: page.count,
    };
  }

  @Query(() => MailMessageType, { nullable: true })
  async mailMessage(@Args('id', { type: () => ID }) id: string): Promise<MailMessageType | null> {
    parseInput(z.object({ id: uuid }), { id });
    const found = await this.messages.findById(id);
    return found ? toMailMessageType(found) : null;
  }

  @ResolveField(() => String, {
    description: 'The text the hub read (the HTML converted when there was no text part), up to 64 KB.',
  })
  text(@Parent() m: MailMessageType): string {
    return m.bodyText;
  }

  @ResolveField(() => [OrderType], { description: 'The orders the message was linked to.' })
  async orders(@Parent() m: MailMessageType, @Context() ctx: GraphqlContext): Promise<OrderType[]> {
    const orders = await ctx.loaders.of(orderByIdLoader).loadMany(m.orderIds);
    return orders.flatMap((o) => (o && !(o instanceof Error) ? [toOrderType(o)] : []));
  }
}

@Resolver(() => MailMessageConnectionType)
export class MailMessageConnectionResolver {
  @ResolveField(() => Int, { description: 'Messages matching the filter, across all pages.' })
  totalCount(@Parent() connection: MailMessageConnectionType): Promise<number> {
    return countOnce(connection);
  }
}

@Resolver(() => OrderType)
export class OrderMailMessagesResolver {
  @ResolveField(() => [MailMessageType], {
    description: 'Messages read from the mailbox that name this order, newest first.',
  })
  async mailMessages(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<MailMessageType[]> {
    return (await ctx.loaders.of(mailByOrderLoader).load(order.id)).map(toMailMessageType);
  }
}
