import { Injectable } from '@nestjs/common';
import { channelProfile, MCF_SPEEDS, routeUnavailableReason } from '@order-hub/rules';
import { OrderStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { AppError, ConflictError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AcknowledgeService } from 'src/modules/actions/acknowledge.service';
import { ActionReplays } from 'src/modules/actions/action-replay';
import { ActionableOrders } from 'src/modules/actions/order-action.support';
import { AmazonAdapter } from 'src/modules/channels/amazon/amazon.adapter';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { ChannelError } from 'src/modules/channels/channel-error';
import { AuditService } from 'src/modules/audit/audit.service';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxService } from 'src/modules/outbox/outbox.service';
import { McfRepository } from './mcf-order.repository';
import { MCF_PROVIDERS_LABEL, mcfCreatePayload, sellerFulfillmentOrderId, type McfSourceOrder } from './mcf-request';
import { routingRuleMatches } from './routing-match';
import type { RoutingRuleEntity } from './routing-rule.entity';
import { RoutingRuleRepository } from './routing-rule.repository';
import { McfSkuMapService } from './sku-map/mcf-sku-map.service';

export type RouteOutcome = 'ROUTED' | 'NOT_ROUTED' | 'REFUSED';

export interface RouteResult {
  orderId: string;
  outcome: RouteOutcome;
  /** Why not (no rule, preview unfulfillable or too slow, order not routable). */
  reason: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How soon the tracker looks at a new MCF order. */
const FIRST_POLL_MS = 5_000;

/**
 * Routes orders of other channels to Amazon MCF: the preview first (with BLOCK_AMZL and BLANK_BOX Required,
 * at the speed the order's promise needs), then the create call through the outbox.
 */
@Injectable()
export class McfRoutingService {
  constructor(
    private readonly tx: Transactions,
    private readonly mcfOrders: McfRepository,
    private readonly rules: RoutingRuleRepository,
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly shipments: ShipmentRepository,
    private readonly adapters: ChannelAdaptersService,
    private readonly outbox: OutboxService,
    private readonly acknowledge: AcknowledgeService,
    private readonly actionable: ActionableOrders,
    private readonly audit: AuditService,
    private readonly replays: ActionReplays,
    private readonly skuMap: McfSkuMapService,
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
          results.push({
            orderId,
            outcome: 'NOT_ROUTED',
            reason: `${MCF_PROVIDERS_LABEL}'s preview failed: ${err.summary()}`,
          });
        else throw err;
      }
    }
    return results;
  }

  /** New orders of the account that a rule applied on import matches (called after each pull). */
  async routeOnImport(accountId: string): Promise<number> {
    const rules = await this.rules.listAppliedOnImport(accountId);
    if (rules.length === 0) return 0;
    const open = await this.orders.idsByAccount(accountId, {
      statuses: [OrderStatus.CREATED, OrderStatus.ACKNOWLEDGED],
      methods: ['MERCHANT'],
    });
    const mcf = await this.mcfOrders.orderIdsWithRecord(open);
    const shipped = await this.shipments.orderIdsWithShipments(open);
    const candidates = open.filter((id) => !mcf.has(id) && !shipped.has(id));
    const results = await this.route(candidates, null, 'system:mcf-routing');
    return results.filter((r) => r.outcome === 'ROUTED').length;
  }

  private async routeOne(orderId: string, mcfAccountId: string | null, actor: string): Promise<RouteResult> {
    // The same routing again (a retry after a lost response) answers what the first did, before any check.
    const stored = UUID.test(orderId) ? await this.orders.findById(orderId) : null;
    const key = stored ? `mcf-create:${sellerFulfillmentOrderId(stored)}` : null;
    const routed = (rows: OutboxEntity[] | null) =>
      rows?.some(
        (r) => r.operation === 'MCF_CREATE' && r.createdBy === actor && (!mcfAccountId || r.accountId === mcfAccountId),
      ) ?? false;
    if (key && routed(await this.replays.find(key))) return { orderId, outcome: 'ROUTED', reason: null };
    const target = await this.tx.run((em) => this.actionable.load(em, orderId, 'orderIds'));
    const { order, lines } = target;
    const refuse = (reason: string): RouteResult => ({ orderId, outcome: 'REFUSED', reason });
    const unavailable = routeUnavailableReason({
      channel: order.channel,
      status: order.status,
      fulfillmentMethod: order.fulfillmentMethod,
      mcfOrder: await this.mcfOrders.findByOrderId(orderId),
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
        reason: `No routing rule matches this order; name the ${MCF_PROVIDERS_LABEL} account to route it to.`,
      };
    const mcfAccount = await this.accounts.findEnabledById(accountId);
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
    const amazonSkus = await this.skuMap.amazonSkus(
      mcfAccount.id,
      source.lines.map((l) => l.sku),
    );
    const draft = mcfCreatePayload(source, mcfAccount.marketplace, undefined, amazonSkus);
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

    const record = async (em: EntityManager): Promise<OutboxEntity[] | null> => {
      // Routings of one order take turns: the one that waited answers the other's result or CONFLICT.
      const fresh = await this.actionable.load(em, orderId, 'orderIds', true);
      if (routed(await this.replays.find(key!, em))) return null;
      if (fresh.order.version !== order.version)
        throw new ConflictError(`Order ${order.channelOrderId} changed while it was being routed; try again.`);
      const queued: OutboxEntity[] = [];
      const acknowledging =
        channelProfile(fresh.order.channel).needsAcknowledgement && fresh.order.status === OrderStatus.CREATED;
      if (acknowledging) {
        queued.push(await this.acknowledge.queueAcknowledgement(em, fresh, actor));
        await this.orders.saveLines(fresh.lines, em);
      }
      const moved = await this.orders.moveToMcf(orderId, fresh.order.version, acknowledging ? new Date() : null, em);
      if (!moved)
        throw new ConflictError(`Order ${order.channelOrderId} changed while it was being routed; try again.`);
      await this.mcfOrders.insertRouted(
        {
          orderId,
          mcfAccountId: mcfAccount.id,
          sellerFulfillmentOrderId: payload.sellerFulfillmentOrderId,
          shippingSpeed: payload.shippingSpeedCategory,
          nextPollAt: new Date(Date.now() + FIRST_POLL_MS),
          routedBy: actor,
          routingRuleId: rule?.mcfAccountId === mcfAccount.id ? rule.id : null,
        },
        em,
      );
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
    };
    const rows = await this.replays.guard(
      key!,
      () => this.tx.run(record),
      (found) => {
        if (routed(found)) return null;
        throw new ConflictError(`Order ${order.channelOrderId} was routed by another request meanwhile.`);
      },
    );
    if (rows) await this.outbox.kick(rows);
    return { orderId, outcome: 'ROUTED', reason: null };
  }

  private async matchingRule(order: OrderEntity, skus: string[]): Promise<RoutingRuleEntity | null> {
    const rules = await this.rules.listEnabled(order.accountId);
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
    await this.tx.run(async (em) => {
      await this.mcfOrders.upsertNotRouted(
        { orderId: order.id, mcfAccountId, sellerFulfillmentOrderId, shippingSpeed: speed, reason, routedBy: actor },
        em,
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
