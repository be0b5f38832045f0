import { Injectable } from '@nestjs/common';
import { channelProfile } from '@order-hub/rules';
import { OPEN_ORDER_STATUSES } from '@order-hub/types';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { McfRepository } from './mcf-order.repository';
import { MCF_PROVIDERS_LABEL } from './mcf-request';
import { routingRuleMatches } from './routing-match';
import type { RoutingRuleEntity } from './routing-rule.entity';
import { RoutingRuleRepository } from './routing-rule.repository';

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
/** How many open orders of the account the preview looks at. */
const PREVIEW_SCAN = 5_000;

/** Routing rules: saved per account, previewed against open orders before they are saved. */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly tx: Transactions,
    private readonly rules: RoutingRuleRepository,
    private readonly mcfOrders: McfRepository,
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly audit: AuditService,
  ) {}

  list(accountId?: string | null): Promise<RoutingRuleEntity[]> {
    return this.rules.list(accountId);
  }

  async save(id: string | null, input: RoutingRuleInput, actor: string): Promise<RoutingRuleEntity> {
    await this.checkAccounts(input);
    return this.tx.run(async (em) => {
      const rule = id ? await this.rules.findById(id, em) : this.rules.create(em);
      if (!rule) throw new NotFoundError('Routing rule', id!);
      const before = id ? { ...rule } : null;
      Object.assign(rule, input);
      const saved = await this.rules.save(rule, em);
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
    return this.tx.run(async (em) => {
      if (!(await this.rules.delete(id, em))) throw new NotFoundError('Routing rule', id);
      await this.audit.record(em, { actor, action: 'routing_rule.deleted', entityType: 'routing_rule', entityId: id });
      return true;
    });
  }

  /** The open, seller-fulfilled, not yet routed orders the rule would route (stock is checked when routing). */
  async preview(
    input: Pick<RoutingRuleEntity, 'accountId' | 'enabled' | 'skus' | 'skuPattern' | 'countries'>,
  ): Promise<OrderEntity[]> {
    const orders = await this.orders.findByAccountStatus(
      input.accountId,
      OPEN_ORDER_STATUSES,
      'MERCHANT',
      PREVIEW_SCAN,
    );
    if (orders.length === 0) return [];
    const ids = orders.map((o) => o.id);
    const routed = await this.mcfOrders.orderIdsWithRecord(ids);
    const skus = await this.orders.skusByOrder(ids);
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
    const accounts = await this.accounts.findByIds([input.accountId, input.mcfAccountId]);
    const origin = accounts.find((a) => a.id === input.accountId);
    const mcf = accounts.find((a) => a.id === input.mcfAccountId);
    if (!origin) throw new BadUserInputError('input.accountId', 'is not a channel account.');
    const profile = channelProfile(origin.channel);
    if (!profile.mcf.origin)
      throw new BadUserInputError(
        'input.accountId',
        `routes ${profile.label} orders; MCF routing is for orders of other channels, and ${profile.label}'s own are fulfilled by ${profile.channelFulfilmentLabel}.`,
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
