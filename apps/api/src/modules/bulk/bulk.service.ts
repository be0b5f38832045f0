import { Injectable, Logger } from '@nestjs/common';
import { openUnits } from '@order-hub/rules';
import type { Violation } from '@order-hub/types';
import { AppError, ErrorCode } from 'src/common/errors/app-error';
import { AcknowledgeService } from 'src/modules/actions/acknowledge.service';
import { CancelService } from 'src/modules/actions/cancel.service';
import { ShipService } from 'src/modules/actions/ship.service';
import { McfRoutingService } from 'src/modules/mcf/mcf-routing.service';
import type { OrderEntity, OrderLineEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { checkShipmentInput, type ShipmentInput } from 'src/modules/rules/dto/shipment.input';
import type { BulkShipRowInput } from './dto/bulk-ship-row.input';

export interface BulkOrderResult {
  orderId: string;
  channelOrderId: string | null;
  ok: boolean;
  message: string | null;
  code: string | null;
  buyerAskedToCancel: boolean;
}

export interface BulkResult {
  total: number;
  succeeded: number;
  failed: number;
  results: BulkOrderResult[];
}

type Outcome = Pick<BulkOrderResult, 'ok' | 'message' | 'code'>;

const ACKNOWLEDGE_NOTES: Record<string, string | null> = {
  QUEUED: null,
  ALREADY_ACKNOWLEDGED: 'Already acknowledged.',
  NOT_NEEDED: 'This channel needs no acknowledgement.',
};

/**
 * Bulk actions over many orders, each order through the same service as its single action (same rules, same audit,
 * same outbox) and on its own: one order's refusal is reported in its result and never stops the others.
 */
@Injectable()
export class BulkService {
  private readonly logger = new Logger(BulkService.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly acknowledgement: AcknowledgeService,
    private readonly ship: ShipService,
    private readonly cancel: CancelService,
    private readonly routing: McfRoutingService,
  ) {}

  async acknowledge(orderIds: readonly string[], actor: string): Promise<BulkResult> {
    const done = await this.acknowledgement.acknowledge(orderIds, actor);
    const outcomes = new Map<string, Outcome>(
      done.map((r) =>
        r.outcome === 'REFUSED'
          ? [r.orderId, { ok: false, message: r.message, code: r.outcome }]
          : [r.orderId, { ok: true, message: ACKNOWLEDGE_NOTES[r.outcome] ?? null, code: r.outcome }],
      ),
    );
    return this.report(orderIds, (id) => Promise.resolve(outcomes.get(id)!));
  }

  /** Cancels every open unit of each order with one reason; orders whose channel does not take it fail in words. */
  cancelAll(orderIds: readonly string[], reason: string, actor: string): Promise<BulkResult> {
    return this.report(orderIds, async (orderId, order, lines) => {
      const open = lines.filter((l) => openUnits(l) > 0);
      if (open.length === 0)
        return refused('NOTHING_OPEN', `Order ${order.channelOrderId} has nothing left to cancel.`);
      await this.cancel.cancelLines(
        { orderId, reason, lines: open.map((l) => ({ lineNumber: l.lineNumber, quantity: openUnits(l) })) },
        actor,
      );
      return { ok: true, message: null, code: null };
    });
  }

  /** Confirms one package per row with all of the order's open lines, checked by the same rules as a single shipment. */
  shipRows(rows: readonly BulkShipRowInput[], actor: string, now = new Date()): Promise<BulkResult> {
    const byOrder = new Map(rows.map((r) => [r.orderId, r]));
    return this.report(
      rows.map((r) => r.orderId),
      async (orderId, order, lines) => {
        const row = byOrder.get(orderId)!;
        const open = lines.filter((l) => openUnits(l) > 0);
        if (open.length === 0)
          return refused('NOTHING_OPEN', `Order ${order.channelOrderId} has nothing left to ship.`);
        const input: ShipmentInput = {
          orderId,
          lines: open.map((l) => ({ lineNumber: l.lineNumber, quantity: openUnits(l) })),
          carrier: row.carrier,
          carrierName: row.carrierName,
          service: row.service,
          trackingNumber: row.trackingNumber,
          trackingUrl: row.trackingUrl,
          shippedAt: row.shippedAt ?? now,
          intentToCancelOverride: row.intentToCancelOverride ?? false,
          expectedVersion: row.expectedVersion,
        };
        checkShipmentInput(input);
        const result = await this.ship.confirmShipment(input, actor);
        const warnings = result.warnings.map((w) => w.message);
        return { ok: true, message: warnings.length ? warnings.join(' ') : null, code: null };
      },
    );
  }

  async routeToMcf(orderIds: readonly string[], mcfAccountId: string | null, actor: string): Promise<BulkResult> {
    const routed = new Map((await this.routing.route(orderIds, mcfAccountId, actor)).map((r) => [r.orderId, r]));
    return this.report(orderIds, (id) => {
      const r = routed.get(id)!;
      return Promise.resolve({ ok: r.outcome === 'ROUTED', message: r.reason, code: r.outcome });
    });
  }

  /** The orders, in the order of `orderIds` (unknown ids left out). */
  async ordersOf(orderIds: readonly string[]): Promise<OrderEntity[]> {
    const found = new Map((await this.orders.findByIds(orderIds)).map((o) => [o.id, o]));
    return orderIds.map((id) => found.get(id)).filter((o): o is OrderEntity => o !== undefined);
  }

  /** Runs `act` on each order in turn (unknown ids fail without it) and tallies the results in input order. */
  private async report(
    orderIds: readonly string[],
    act: (orderId: string, order: OrderEntity, lines: OrderLineEntity[]) => Promise<Outcome>,
  ): Promise<BulkResult> {
    const found = new Map((await this.orders.findByIds(orderIds)).map((o) => [o.id, o]));
    const results: BulkOrderResult[] = [];
    for (const orderId of orderIds) {
      const order = found.get(orderId);
      let outcome: Outcome;
      if (!order) outcome = refused(ErrorCode.NOT_FOUND, `Order ${orderId} does not exist.`);
      else {
        try {
          outcome = await act(orderId, order, await this.orders.linesOf(orderId));
        } catch (err) {
          outcome = this.failure(err, order);
        }
      }
      results.push({
        orderId,
        channelOrderId: order?.channelOrderId ?? null,
        buyerAskedToCancel: order?.cancellationRequested ?? false,
        ...outcome,
      });
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { total: results.length, succeeded, failed: results.length - succeeded, results };
  }

  private failure(err: unknown, order: OrderEntity): Outcome {
    if (err instanceof AppError) {
      const code = String(err.extensions.code);
      const violations = err.extensions.violations as Violation[] | undefined;
      const blocking = violations?.filter((v) => v.severity === 'BLOCK').map((v) => v.message);
      return refused(code, blocking?.length ? blocking.join(' ') : err.message);
    }
    this.logger.error(`Bulk action on order ${order.id} failed unexpectedly`, err instanceof Error ? err.stack : err);
    return refused(
      ErrorCode.INTERNAL,
      'The hub hit an unexpected error on this order and changed nothing for it; the error is logged.',
    );
  }
}

function refused(code: string, message: string): Outcome {
  return { ok: false, message, code };
}
