import { Injectable } from '@nestjs/common';
import {
  checkTrackingNumber,
  cleanTrackingNumber,
  policyFor,
  validateShipment,
  type TrackingUse,
} from '@order-hub/rules';
import type { ShipmentInput as RuleShipmentInput, Violation } from '@order-hub/types';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { checkShipmentInput, type ShipmentInput } from './dto/shipment.input';
import { UUID } from 'src/common/validation/uuid';

const DAY_MS = 86_400_000;

/** Loads what the pure rules need from the database and runs them. */
@Injectable()
export class RulesService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly shipments: ShipmentRepository,
  ) {}

  async validateShipment(input: ShipmentInput, now = new Date()): Promise<Violation[]> {
    checkShipmentInput(input);
    const order = await this.findOrder(input.orderId);
    const account = await this.accounts.getById(order.accountId);
    const lines = await this.orders.linesOf(order.id);
    const policy = policyFor(order.channel, account.marketplace, now);

    let existingShipment: { confirmedAt: Date } | null = null;
    if (input.shipmentId) {
      const shipment = UUID.test(input.shipmentId)
        ? await this.shipments.findOnOrder(input.shipmentId, order.id)
        : null;
      if (!shipment) throw new NotFoundError('Shipment', input.shipmentId);
      existingShipment = { confirmedAt: shipment.createdAt };
    }

    const shipment: RuleShipmentInput = {
      channel: order.channel,
      order: {
        channelOrderId: order.channelOrderId,
        customerOrderId: order.customerOrderId,
        orderedAt: order.orderedAt,
        status: order.status,
        // The exemption compares the price of the goods with shipping, before tax (the channel total includes tax).
        totalCents: order.merchandiseCents ?? order.totalCents,
        lines: lines.map((l) => ({
          lineNumber: l.lineNumber,
          quantityOrdered: l.quantityOrdered,
          quantityShipped: l.quantityShipped,
          quantityCancelled: l.quantityCancelled,
          quantityRefunded: l.quantityRefunded,
        })),
      },
      lines: input.lines.map((l) => ({ lineNumber: l.lineNumber, quantity: l.quantity })),
      carrier: input.carrier,
      carrierName: input.carrierName ?? null,
      service: input.service ?? null,
      trackingNumber: input.trackingNumber,
      trackingUrl: input.trackingUrl ?? null,
      shippedAt: input.shippedAt,
      package: input.package ?? null,
    };
    const recentTrackingUses =
      policy.trackingReuseWindowDays === null
        ? []
        : await this.recentUses(input, order.id, new Date(now.getTime() - policy.trackingReuseWindowDays * DAY_MS));
    return validateShipment(shipment, { now, policy, recentTrackingUses, existingShipment });
  }

  private async findOrder(id: string): Promise<OrderEntity> {
    if (!UUID.test(id)) throw new BadUserInputError('input.orderId', 'must be an id returned by the API (a UUID).');
    const order = await this.orders.findById(id);
    if (!order) throw new NotFoundError('Order', id);
    return order;
  }

  /** Shipments on other orders since `since` whose tracking number is the input's, as typed or normalised. */
  private async recentUses(input: ShipmentInput, orderId: string, since: Date): Promise<TrackingUse[]> {
    const candidates = new Set([input.trackingNumber.trim(), cleanTrackingNumber(input.trackingNumber)]);
    candidates.add(checkTrackingNumber(input.trackingNumber, input.carrier).normalized);
    candidates.delete('');
    if (candidates.size === 0) return [];
    const rows = await this.shipments.findTrackingUses([...candidates], orderId, since, 50);
    return rows.map((s) => ({
      trackingNumber: s.trackingNumber!,
      channelOrderId: s.order!.channelOrderId,
      usedAt: s.shippedAt,
    }));
  }
}
