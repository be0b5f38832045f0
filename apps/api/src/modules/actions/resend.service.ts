import { Injectable } from '@nestjs/common';
import type { CancelPayload, RefundPayload, ShipPayload, Violation } from '@order-hub/types';
import { isDeepStrictEqual } from 'node:util';
import { BadUserInputError, ConflictError, NotFoundError, RuleViolationError } from 'src/common/errors/app-error';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { Transactions } from 'src/common/database/transactions';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import { fixedPayload, OutboxAdminService, type OutboxFix } from 'src/modules/outbox/outbox-admin.service';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxRepository } from 'src/modules/outbox/outbox.repository';
import { RulesService } from 'src/modules/rules/rules.service';
import { cancellationViolations } from './cancel.service';
import { ActionableOrders, type ActionableOrder } from './order-action.support';
import { RefundReturnService } from './refund-return.service';
import { RefundService } from './refund.service';

/** Fields of a fix, as the operator's form names them: `fix.carrier`, `fix.trackingNumber`, `fix.reason`… */
const FIX_FIELDS = new Set(['carrier', 'carrierName', 'trackingNumber', 'trackingUrl', 'service', 'reason']);

/**
 * Fix and resend: a refused (or dead) channel call goes out again, corrected, only once the channel's rules pass on
 * what will be sent — the same rules the action ran, over the order as the channel holds it.
 */
@Injectable()
export class ResendService {
  constructor(
    private readonly tx: Transactions,
    private readonly actionable: ActionableOrders,
    private readonly outboxRows: OutboxRepository,
    private readonly shipments: ShipmentRepository,
    private readonly admin: OutboxAdminService,
    private readonly rules: RulesService,
    private readonly refund: RefundService,
    private readonly returnRefund: RefundReturnService,
    private readonly orders: OrderRepository,
    private readonly audit: AuditService,
  ) {}

  async resend(id: string, fix: OutboxFix | null, actor: string): Promise<OutboxEntity> {
    const entry = await this.outboxRows.findById(id);
    if (!entry) throw new NotFoundError('Outbox entry', id);
    // The same resend again (a retry after a lost response) answers the entry as the first left it, before any rule.
    if (await this.alreadyResent(entry, fix)) return entry;
    const target = await this.tx.run((em) => this.actionable.load(em, entry.orderId, 'id'));
    const payload = fixedPayload(entry, target.order.channel, fix);
    const violations = (await this.violations(entry, payload, target)).map((v) => ({ ...v, field: fixField(v.field) }));
    if (violations.some((v) => v.severity === 'BLOCK')) throw new RuleViolationError(violations);
    try {
      return await this.admin.retry(id, payload === entry.payload ? null : payload, actor);
    } catch (err) {
      // A concurrent identical resend got there first.
      const now = err instanceof ConflictError ? await this.outboxRows.findById(id) : null;
      if (now && (await this.alreadyResent(now, fix))) return now;
      throw err;
    }
  }

  /**
   * The entry is on its way again (or delivered) with this fix already applied: a resend of it changes nothing.
   * Only an entry that was refused and resent qualifies; one never refused is not resent.
   */
  private async alreadyResent(entry: OutboxEntity, fix: OutboxFix | null): Promise<boolean> {
    if (entry.status === 'FAILED' || entry.status === 'DEAD') return false;
    const order = await this.orders.findById(entry.orderId);
    if (!order) return false;
    let payload: OutboxEntity['payload'];
    try {
      payload = fixedPayload(entry, order.channel, fix);
    } catch {
      return false;
    }
    return (
      isDeepStrictEqual(payload, entry.payload) &&
      (await this.tx.run((em) => this.audit.hasEvent(em, 'outbox', entry.id, 'outbox.retried')))
    );
  }

  private async violations(
    entry: OutboxEntity,
    payload: OutboxEntity['payload'],
    target: ActionableOrder,
  ): Promise<Violation[]> {
    switch (entry.operation) {
      case 'SHIP':
      case 'UPDATE_TRACKING': {
        const ship = payload as ShipPayload;
        // A shipment still recorded (a tracking correction, or a row refused before refusals were taken back) is checked as a correction.
        const recorded = entry.shipmentId ? await this.shipments.findById(entry.shipmentId) : null;
        return asFixInput(() =>
          this.rules.validateShipment({
            orderId: entry.orderId,
            shipmentId: recorded?.id ?? null,
            lines: ship.lines,
            carrier: ship.carrier,
            carrierName: ship.carrierName,
            service: ship.service,
            trackingNumber: ship.trackingNumber,
            trackingUrl: ship.trackingUrl,
            shippedAt: new Date(ship.shippedAt),
            package: entry.reverted?.shipment
              ? { type: entry.reverted.shipment.packageType, ...dimensions(entry.reverted.shipment) }
              : null,
          }),
        );
      }
      case 'CANCEL': {
        const cancel = payload as CancelPayload;
        return entry.reverted ? cancellationViolations(target, cancel.lines, cancel.lines[0]?.reason ?? '') : [];
      }
      case 'REFUND': {
        const refund = payload as RefundPayload;
        if (!entry.reverted) return [];
        return [
          ...(await this.refund.violations(target, refund.lines, entry.id)),
          ...(await this.returnRefund.resendViolations(entry)),
        ];
      }
      case 'RETURN_REFUND':
        return entry.reverted ? this.returnRefund.resendViolations(entry) : [];
      case 'ACKNOWLEDGE':
      case 'MCF_CREATE':
      case 'MCF_CANCEL':
        return [];
    }
  }
}

/** The shipment input checks name `input.trackingUrl`; what the operator typed is `fix.trackingUrl`. */
async function asFixInput<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (!(err instanceof BadUserInputError)) throw err;
    const field = err.extensions.field;
    if (typeof field !== 'string' || !field.startsWith('input.')) throw err;
    const named = fixField(field.slice('input.'.length));
    throw new BadUserInputError(named, err.message.slice(field.length + 2));
  }
}

/** A rule's field as the fix names it; a reason is one for every line of the call. */
function fixField(field: string): string {
  const plain = field.replace(/^lines\[\d+\]\.reason$/, 'reason');
  return FIX_FIELDS.has(plain) ? `fix.${plain}` : field;
}

function dimensions(s: {
  weightOz: number | null;
  lengthIn: number | null;
  widthIn: number | null;
  heightIn: number | null;
}) {
  return { weightOz: s.weightOz, lengthIn: s.lengthIn, widthIn: s.widthIn, heightIn: s.heightIn };
}
