import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from '../../common/auth/caller';
import { CurrentCaller } from '../../common/auth/current-caller.decorator';
import { RequireRole } from '../../common/auth/roles.decorator';
import { parseInput } from '../../common/validation/parse-input';
import { AlertType, toAlertType } from './alert.type';
import { AlertsService } from './alerts.service';

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

@Resolver(() => AlertType)
export class AlertsResolver {
  constructor(private readonly service: AlertsService) {}

  @Query(() => [AlertType], { description: 'Newest first; open: true for those not resolved yet.' })
  async alerts(
    @Args('open', { type: () => Boolean, nullable: true }) open?: boolean | null,
    @Args('orderId', { type: () => ID, nullable: true }) orderId?: string | null,
  ): Promise<AlertType[]> {
    parseInput(z.object({ orderId: uuid.nullish() }), { orderId });
    return (await this.service.list({ open, orderId })).map(toAlertType);
  }

  @Mutation(() => AlertType)
  @RequireRole(ApiRole.OPERATOR)
  async acknowledgeAlert(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<AlertType> {
    parseInput(z.object({ id: uuid }), { id });
    return toAlertType(await this.service.acknowledge(id, actorOf(caller)));
  }
}
