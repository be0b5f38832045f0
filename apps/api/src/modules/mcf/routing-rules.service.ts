import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelProfile } from '@order-hub/rules';
import { OPEN_ORDER_STATUSES } from '@order-hub/types';
import { DataSource, In } from 'typeorm';
import { BadUserInputError, NotFoundError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ChannelAccountEntity } from '../channels/channel-account.entity';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';
import { McfOrderEntity } from './mcf-order.entity';
import { MCF_PROVIDERS_LABEL } from './mcf-request';
import { routingRuleMatches } from './routing-match';
import { RoutingRuleEntity } from './routing-rule.entity';

export type RoutingRuleInput = Pick<
  RoutingRuleEntity,
  | 'name'
  | 'accountId'
  | 'mcfAccountId'
  | 'enabled'
  | 'priority'
  | 'skus'
  | 'skuPattern'
  | 'countries'
  | 'requireStock'
  | 'applyOnImport'
>;

const PREVIEW_LIMIT = 500;

/** Routing rules: saved per account, previewed against open orders before they are saved. */
@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(accountId?: string | null): Promise<RoutingRuleEntity[]> {
    return this.ds
      .getRepository(RoutingRuleEntity)
      .find({ where: accountId ? { accountId } : {}, order: { priority: 'ASC', createdAt: 'ASC' } });
  }

  async save(id: string | null, input: RoutingRuleInput, actor: string): Promise<RoutingRuleEntity> {
    await this.checkAccounts(input);
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(RoutingRuleEntity);
      const rule = id ? await repo.findOneBy({ id }) : repo.create();
      if (!rule) throw new NotFoundError('Routing rule', id!);
      const before = id ? { ...rule } : null;
      Object.assign(rule, input);
      const saved = await repo.save(rule);
      await this.audit.record(em, {
        actor,
        action: id ? 'routing_rule.updated' : 'routing_rule.created',
        entityType: 'routing_rule',
        entityId: saved.id,
        before,
        after: { ...input },
      });
      return saved;
    });
  }

  async remove(id: string, actor: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const result = await em.getRepository(RoutingRuleEntity).delete({ id });
      if (!result.affected) throw new NotFoundError('Routing rule', id);
      await this.audit.record(em, { actor, action: 'routing_rule.deleted', entityType: 'routing_rule', entityId: id });
      return true;
    });
  }

  /** The open, seller-fulfilled, not yet routed orders the rule would route (stock is checked when routing). */
  async preview(
    input: Pick<RoutingRuleEntity, 'accountId' | 'enabled' | 'skus' | 'skuPattern' | 'countries'>,
  ): Promise<OrderEntity[]> {
    const orders = await this.ds.getRepository(OrderEntity).find({
      where: { accountId: input.accountId, status: In([...OPEN_ORDER_STATUSES]), fulfillmentMethod: 'MERCHANT' },
      order: { shipBy: 'ASC' },
      take: 5_000,
    });
    if (orders.length === 0) return [];
    const routed = new Set(
      (
        await this.ds
          .getRepository(McfOrderEntity)
          .find({ select: { orderId: true }, where: { orderId: In(orders.map((o) => o.id)) } })
      ).map((m) => m.orderId),
    );
    const lines = await this.ds
      .getRepository(OrderLineEntity)
      .find({ select: { orderId: true, sku: true }, where: { orderId: In(orders.map((o) => o.id)) } });
    const skus = new Map<string, string[]>();
    for (const l of lines) skus.set(l.orderId, [...(skus.get(l.orderId) ?? []), l.sku]);
    return orders
      .filter(
        (o) =>
          !routed.has(o.id) &&
          routingRuleMatches(
            { ...input, enabled: true },
            { countryCode: o.shipTo?.countryCode ?? null, skus: skus.get(o.id) ?? [] },
          ),
      )
      .slice(0, PREVIEW_LIMIT);
  }

  private async checkAccounts(input: RoutingRuleInput): Promise<void> {
    const accounts = await this.ds
      .getRepository(ChannelAccountEntity)
      .findBy({ id: In([input.accountId, input.mcfAccountId]) });
    const origin = accounts.find((a) => a.id === input.accountId);
    const mcf = accounts.find((a) => a.id === input.mcfAccountId);
    if (!origin) throw new BadUserInputError('input.accountId', 'is not a channel account.');
    const profile = channelProfile(origin.channel);
    if (!profile.mcf.origin)
      throw new BadUserInputError(
        'input.accountId',
        `routes ${profile.label} orders; MCF routing is for orders of other channels (${profile.label} orders use ${profile.channelFulfilmentLabel}).`,
      );
    if (!mcf || !channelProfile(mcf.channel).mcf.provider)
      throw new BadUserInputError(
        'input.mcfAccountId',
        `must be an ${MCF_PROVIDERS_LABEL} account (its MCF inventory fulfils the orders).`,
      );
    if (input.skuPattern !== null && input.skuPattern.trim() === '')
      throw new BadUserInputError('input.skuPattern', 'must not be empty; leave it out to match any SKU.');
  }
}
