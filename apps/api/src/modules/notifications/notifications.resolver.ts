import { Args, ArgsType, Field, ID, InputType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole, NotificationDeliveryStatus } from '@order-hub/types';
import { z } from 'zod';
import { FieldCost, fixedComplexity, pagedComplexity } from 'src/common/graphql/cost-limit';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { NOTIFIABLE_ALERT_KINDS } from 'src/modules/alerts/alert-kinds';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationLogService } from './notification-log.service';
import { NotificationRuleInput, notificationRuleInputSchema } from './notification-rule.input';
import { NotificationRulesService, type SavedRule } from './notification-rules.service';
import { NotificationViews } from './notification-views';
import {
  NotificationAlertKindType,
  NotificationDeliveryConnectionType,
  NotificationDeliveryType,
  NotificationRuleResultType,
  NotificationRuleType,
} from './notification.types';

const PAGE_SIZE = 50;
const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const idArgs = z.object({ id: uuid });

@InputType('NotificationDeliveryFilter')
export class NotificationDeliveryFilter {
  @Field(() => ID, { nullable: true })
  ruleId?: string | null;

  @Field(() => NotificationDeliveryStatus, { nullable: true })
  status?: NotificationDeliveryStatus | null;
}

@ArgsType()
export class NotificationDeliveriesArgs {
  @Field(() => NotificationDeliveryFilter, { nullable: true })
  filter?: NotificationDeliveryFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: PAGE_SIZE, description: 'Page size, 1 to 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

const deliveriesArgs = z.object({
  filter: z.object({ ruleId: uuid.nullish(), status: z.nativeEnum(NotificationDeliveryStatus).nullish() }).nullish(),
  first: z
    .number()
    .int()
    .min(1, { message: 'must be between 1 and 200.' })
    .max(200, { message: 'must be between 1 and 200.' })
    .nullish(),
  after: z.string().nullish(),
});

/** Fields a client may send as null to mean "leave as it is" (only the clearable ones take null as a value). */
const NOT_CLEARABLE = [
  'name',
  'enabled',
  'kinds',
  'minSeverity',
  'emails',
  'userIds',
  'newWebhookSecret',
  'mode',
  'digestHour',
  'timeZone',
];

function ruleInput(input: NotificationRuleInput) {
  const given = Object.fromEntries(
    Object.entries({ ...input }).filter(([k, v]) => v !== undefined && !(v === null && NOT_CLEARABLE.includes(k))),
  );
  return parseInput(z.object({ input: notificationRuleInputSchema }), { input: given }).input;
}

/** Notification rules and their delivery log: read VIEWER, change ADMIN, test OPERATOR. */
@Resolver(() => NotificationRuleType)
export class NotificationsResolver {
  constructor(
    private readonly rules: NotificationRulesService,
    private readonly log: NotificationLogService,
    private readonly dispatcher: NotificationDispatcher,
    private readonly views: NotificationViews,
  ) {}

  @Query(() => [NotificationRuleType], { complexity: fixedComplexity(FieldCost.LOOKUP) })
  async notificationRules(): Promise<NotificationRuleType[]> {
    return this.views.rules(await this.rules.list());
  }

  @Query(() => [NotificationAlertKindType], { description: 'The alert kinds a rule may pick, with their words.' })
  notificationAlertKinds(): NotificationAlertKindType[] {
    return Object.entries(NOTIFIABLE_ALERT_KINDS).map(([kind, label]) => ({ kind, label }));
  }

  @Query(() => NotificationDeliveryConnectionType, {
    complexity: pagedComplexity(PAGE_SIZE, FieldCost.LOOKUP),
    description: 'Every message the rules sent or will send, newest first.',
  })
  async notificationDeliveries(@Args() args: NotificationDeliveriesArgs): Promise<NotificationDeliveryConnectionType> {
    const input = parseInput(deliveriesArgs, args);
    const page = await this.log.page(input.filter ?? {}, input.first ?? PAGE_SIZE, input.after ?? null);
    const nodes = await this.views.deliveries(page.rows.map((r) => r.delivery));
    return {
      edges: page.rows.map((r, i) => ({ cursor: r.cursor, node: nodes[i] })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: input.after != null,
        startCursor: page.rows[0]?.cursor ?? null,
        endCursor: page.rows.at(-1)?.cursor ?? null,
      },
    };
  }

  @Mutation(() => NotificationRuleResultType, {
    description: 'Creates a rule; with a webhook URL, the answer carries its signing secret this once.',
  })
  @RequireRole(ApiRole.ADMIN)
  async createNotificationRule(
    @Args('input', { type: () => NotificationRuleInput }) input: NotificationRuleInput,
    @CurrentCaller() caller: Caller,
  ): Promise<NotificationRuleResultType> {
    return this.result(await this.rules.create(ruleInput(input), actorOf(caller)));
  }

  @Mutation(() => NotificationRuleResultType, {
    description: 'Changes a rule (fields left out stay); a new signing secret, when issued, is in the answer once.',
  })
  @RequireRole(ApiRole.ADMIN)
  async updateNotificationRule(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => NotificationRuleInput }) input: NotificationRuleInput,
    @CurrentCaller() caller: Caller,
  ): Promise<NotificationRuleResultType> {
    parseInput(idArgs, { id });
    return this.result(await this.rules.update(id, ruleInput(input), actorOf(caller)));
  }

  @Mutation(() => Boolean, { description: 'Removes a rule and its delivery log.' })
  @RequireRole(ApiRole.ADMIN)
  removeNotificationRule(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<boolean> {
    return this.rules.remove(parseInput(idArgs, { id }).id, actorOf(caller));
  }

  @Mutation(() => [NotificationDeliveryType], {
    description:
      "Sends a made-up alert to each of the rule's targets now (quiet hours aside); the deliveries as they ended.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async testNotificationRule(@Args('id', { type: () => ID }) id: string): Promise<NotificationDeliveryType[]> {
    const rule = await this.rules.get(parseInput(idArgs, { id }).id);
    return this.views.deliveries(await this.dispatcher.test(rule));
  }

  private async result(saved: SavedRule): Promise<NotificationRuleResultType> {
    const [rule] = await this.views.rules([saved.rule]);
    return { rule, webhookSecret: saved.webhookSecret };
  }
}
