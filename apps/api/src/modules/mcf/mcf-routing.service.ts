import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelProfile, MCF_SPEEDS, routeUnavailableReason } from '@order-hub/rules';
import { OrderStatus } from '@order-hub/types';
import { DataSource, IsNull } from 'typeorm';
import { AppError, ConflictError } from '../../common/errors/app-error';
import { AcknowledgeService } from '../actions/acknowledge.service';
import { ActionableOrders } from '../actions/order-action.support';
import { AmazonAdapter } from '../channels/amazon/amazon.adapter';
import { ChannelAccountEntity } from '../channels/channel-account.entity';
import { ChannelAdaptersService } from '../channels/channel-adapters.service';
import { ChannelError } from '../channels/channel-error';
import { AuditService } from '../audit/audit.service';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';
import type { OutboxEntity } from '../outbox/outbox.entity';
import { OutboxService } from '../outbox/outbox.service';
import { McfOrderEntity } from './mcf-order.entity';
import { MCF_PROVIDERS_LABEL, mcfCreatePayload, type McfSourceOrder } from './mcf-request';
import { routingRuleMatches } from './routing-match';
import { RoutingRuleEntity } from './routing-rule.entity';

export type RouteOutcome = 'ROUTED' | 'NOT_ROUTED' | 'REFUSED';

export interface RouteResult {
  orderId: string;
  outcome: RouteOutcome;
  /** Why not (no rule, preview unfulfillable or too slow, order not routable). */
  reason: string | null;
}

/** How soon the tracker looks at a new MCF order. */
const FIRST_POLL_MS = 5_000;

/**
 * Routes orders of other channels to Amazon MCF: the preview first (with BLOCK_AMZL and BLANK_BOX Required,
 * at the speed the order's promise needs), then the create call through the outbox.
 */
@Injectable()
export class McfRoutingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly adapters: ChannelAdaptersService,
    private readonly outbox: OutboxService,
    private readonly acknowledge: AcknowledgeService,
    private readonly actionable: ActionableOrders,
    private readonly audit: AuditService,
  ) {}

  /** Routes each order by the first matching rule of its account, or to `mcfAccountId` when given. */
  async route(orderIds: readonly string[], mcfAccountId: string | null, actor: string): Promise<RouteResult[]> {
    const results: RouteResult[] = [];
    for (const orderId of orderIds) {
      try {
        results.push(await this.routeOne(orderId, mcfAccountId, actor));
      } catch (err) {
        if (err instanceof AppError) results.push({ orderId, outcome: 'REFUSED', reason: err.message });
        else if (err instanceof ChannelError)
          results.push({ orderId, outcome: 'NOT_ROUTED', reason: `Amazon's preview failed: ${err.summary()}` });
        else throw err;
      }
    }
    return results;
  }

  /** New orders of the account that a rule applied on import matches (called after each pull). */
  async routeOnImport(accountId: string): Promise<number> {
    const rules = await this.ds
      .getRepository(RoutingRuleEntity)
      .findBy({ accountId, enabled: true, applyOnImport: true });
    if (rules.length === 0) return 0;
    const candidates = await this.ds
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where('o.account_id = :accountId AND o.fulfillment_method = :merchant AND o.status IN (:...open)', {
        accountId,
        merchant: 'MERCHANT',
        open: ['CREATED', 'ACKNOWLEDGED'],
      })
      .andWhere('NOT EXISTS (SELECT 1 FROM mcf_order m WHERE m.order_id = o.id)')
      .andWhere('NOT EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = o.id)')
      .getRawMany<{ id: string }>();
    const results = await this.route(
      candidates.map((c) => c.id),
      null,
      'system:mcf-routing',
    );
    return results.filter((r) => r.outcome === 'ROUTED').length;
  }

  private async routeOne(orderId: string, mcfAccountId: string | null, actor: string): Promise<RouteResult> {
    const target = await this.ds.transaction((em) => this.actionable.load(em, orderId, 'orderIds'));
    const { order, lines } = target;
    const refuse = (reason: string): RouteResult => ({ orderId, outcome: 'REFUSED', reason });
    const unavailable = routeUnavailableReason({
      channel: order.channel,
      status: order.status,
      fulfillmentMethod: order.fulfillmentMethod,
      mcfOrder: await this.ds.getRepository(McfOrderEntity).findOneBy({ orderId }),
    });
    if (unavailable) return refuse(unavailable);
    if (lines.some((l) => l.quantityShipped > 0)) return refuse('Only open orders with nothing shipped can be routed.');
    if (!order.shipTo) return refuse('The order has no ship-to address.');

    const rule = await this.matchingRule(
      order,
      lines.map((l) => l.sku),
    );
    const accountId = mcfAccountId ?? rule?.mcfAccountId;
    if (!accountId)
      return {
        orderId,
        outcome: 'NOT_ROUTED',
        reason: 'No routing rule matches this order; name the Amazon account to route it to.',
      };
    const mcfAccount = await this.ds
      .getRepository(ChannelAccountEntity)
      .findOneBy({ id: accountId, disabledAt: IsNull() });
    if (!mcfAccount || !channelProfile(mcfAccount.channel).mcf.provider)
      return refuse(`The MCF account must be an enabled ${MCF_PROVIDERS_LABEL} account.`);
    const adapter = (await this.adapters.forAccount(mcfAccount)) as AmazonAdapter;

    const source: McfSourceOrder = {
      id: order.id,
      channel: order.channel,
      channelOrderId: order.channelOrderId,
      customerOrderId: order.customerOrderId,
      orderedAt: order.orderedAt,
      shipMethod: order.shipMethod,
      shipTo: order.shipTo,
      lines: lines.map((l) => ({
        lineNumber: l.lineNumber,
        sku: l.sku,
        open: l.quantityOrdered - l.quantityShipped - l.quantityCancelled,
      })),
    };
    const draft = mcfCreatePayload(source, mcfAccount.marketplace);
    const previews = await adapter.mcf.preview(draft.destinationAddress, draft.items, draft.featureConstraints);
    const notRouted = (reason: string) =>
      this.recordNotRouted(
        order,
        mcfAccount.id,
        draft.sellerFulfillmentOrderId,
        draft.shippingSpeedCategory,
        reason,
        actor,
      );
    // The slowest speed, from what the ship method asks for, that Amazon can fulfil in time for the promise.
    const candidates = MCF_SPEEDS.slice(MCF_SPEEDS.indexOf(draft.shippingSpeedCategory)).map((speed) =>
      previews.find((p) => p.shippingSpeedCategory.toLowerCase() === speed.toLowerCase()),
    );
    const fulfillable = candidates.filter((p): p is NonNullable<typeof p> => Boolean(p?.isFulfillable));
    if (fulfillable.length === 0) {
      const unfulfillable = candidates.flatMap((p) => p?.unfulfillable ?? []);
      return notRouted(
        `Amazon cannot fulfil it with Amazon Logistics blocked and a blank box${unfulfillable.length ? `: ${[...new Set(unfulfillable)].join('; ')}` : ''}.`,
      );
    }
    const inTime = fulfillable.find(
      (p) => !order.deliverBy || !p.latestArrivalDate || new Date(p.latestArrivalDate) <= order.deliverBy,
    );
    if (!inTime) {
      const fastest = fulfillable.at(-1)!;
      return notRouted(
        `Too slow: at ${fastest.shippingSpeedCategory} Amazon would deliver by ${fastest.latestArrivalDate}, the order promises ${order.deliverBy!.toISOString()}.`,
      );
    }
    const payload = {
      ...draft,
      shippingSpeedCategory: inTime.shippingSpeedCategory as typeof draft.shippingSpeedCategory,
    };

    const rows = await this.ds.transaction(async (em) => {
      const fresh = await this.actionable.load(em, orderId, 'orderIds');
      const queued: OutboxEntity[] = [];
      const acknowledging =
        channelProfile(fresh.order.channel).needsAcknowledgement && fresh.order.status === OrderStatus.CREATED;
      if (acknowledging) {
        queued.push(await this.acknowledge.queueAcknowledgement(em, fresh, actor));
        await em.getRepository(OrderLineEntity).save(fresh.lines);
      }
      const moved = await em
        .createQueryBuilder()
        .update(OrderEntity)
        .set({
          fulfillmentMethod: 'MCF',
          ...(acknowledging ? { status: 'ACKNOWLEDGED', acknowledgedAt: new Date() } : {}),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version AND fulfillment_method = :merchant', {
          id: orderId,
          version: fresh.order.version,
          merchant: 'MERCHANT',
        })
        .execute();
      if (!moved.affected)
        throw new ConflictError(`Order ${order.channelOrderId} changed while it was being routed; try again.`);
      await em.getRepository(McfOrderEntity).delete({ orderId, status: 'NOT_ROUTED' });
      await em.getRepository(McfOrderEntity).insert({
        orderId,
        mcfAccountId: mcfAccount.id,
        sellerFulfillmentOrderId: payload.sellerFulfillmentOrderId,
        status: 'ROUTED',
        shippingSpeed: payload.shippingSpeedCategory,
        packages: [],
        nextPollAt: new Date(Date.now() + FIRST_POLL_MS),
        routedBy: actor,
      });
      queued.push(
        await this.outbox.add(em, {
          accountId: mcfAccount.id,
          orderId,
          operation: 'MCF_CREATE',
          payload,
          idempotencyKey: `mcf-create:${payload.sellerFulfillmentOrderId}`,
          actor,
        }),
      );
      await this.audit.record(em, {
        actor,
        action: 'order.routed_to_mcf',
        entityType: 'order',
        entityId: orderId,
        orderId,
        after: {
          mcfAccount: mcfAccount.name,
          rule: rule?.name ?? null,
          speed: payload.shippingSpeedCategory,
          sellerFulfillmentOrderId: payload.sellerFulfillmentOrderId,
        },
      });
      return queued;
    });
    await this.outbox.kick(rows);
    return { orderId, outcome: 'ROUTED', reason: null };
  }

  private async matchingRule(order: OrderEntity, skus: string[]): Promise<RoutingRuleEntity | null> {
    const rules = await this.ds
      .getRepository(RoutingRuleEntity)
      .find({ where: { accountId: order.accountId, enabled: true }, order: { priority: 'ASC', createdAt: 'ASC' } });
    return rules.find((r) => routingRuleMatches(r, { countryCode: order.shipTo?.countryCode ?? null, skus })) ?? null;
  }

  /** Keeps the preview's answer on the order so the operator sees why it stays theirs. */
  private async recordNotRouted(
    order: OrderEntity,
    mcfAccountId: string,
    sellerFulfillmentOrderId: string,
    speed: string,
    reason: string,
    actor: string,
  ): Promise<RouteResult> {
    await this.ds.transaction(async (em) => {
      await em.query(
        `INSERT INTO mcf_order (order_id, mcf_account_id, seller_fulfillment_order_id, status, shipping_speed, reason, routed_by) VALUES ($1, $2, $3, 'NOT_ROUTED', $4, $5, $6)
         ON CONFLICT (order_id) DO UPDATE SET reason = EXCLUDED.reason, updated_at = now()`,
        [order.id, mcfAccountId, sellerFulfillmentOrderId, speed, reason, actor],
      );
      await this.audit.record(em, {
        actor,
        action: 'order.mcf_not_routed',
        entityType: 'order',
        entityId: order.id,
        orderId: order.id,
        after: { reason },
      });
    });
    return { orderId: order.id, outcome: 'NOT_ROUTED', reason };
  }
}
