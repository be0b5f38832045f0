import { Injectable } from '@nestjs/common';
import { channelCarrierName, checkTrackingNumber } from '@order-hub/rules';
import type {
  CancelPayload,
  CarrierCode,
  Channel,
  OutboxPayload,
  OutboxStatus,
  RefundPayload,
  ShipPayload,
} from '@order-hub/types';
import { BadUserInputError, ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import type { OutboxEntity } from './outbox.entity';
import { OutboxHubChange, shipmentFieldsOf } from './outbox-hub-change';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

const SORT = 'outbox:seq-desc';

export interface OutboxListFilter {
  statuses?: OutboxStatus[] | null;
  accountId?: string | null;
  orderId?: string | null;
}

/** What an operator corrects on a refused call before sending it again. */
export interface OutboxFix {
  carrier?: CarrierCode | null;
  carrierName?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  service?: string | null;
  /** A cancellation's or refund's reason, for every line of the call. */
  reason?: string | null;
  /** Walmart: ship lines the buyer asked to cancel anyway. */
  intentToCancelOverride?: boolean | null;
}

/** The payload a refused call is sent again with: the fix laid over what was sent, for the fields the call has. */
export function fixedPayload(
  entry: Pick<OutboxEntity, 'operation' | 'payload'>,
  channel: Channel,
  fix: OutboxFix | null,
): OutboxPayload {
  const given = Object.entries(fix ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => k);
  if (given.length === 0) return entry.payload;
  const shipment = entry.operation === 'SHIP' || entry.operation === 'UPDATE_TRACKING';
  const reasoned = entry.operation === 'CANCEL' || entry.operation === 'REFUND';
  for (const field of given) {
    const fits =
      field === 'reason' ? reasoned : shipment && (field !== 'intentToCancelOverride' || entry.operation === 'SHIP');
    if (!fits)
      throw new BadUserInputError(
        `fix.${field}`,
        `does not apply to a ${entry.operation} entry; it is sent again as it is, or with ${shipment ? 'its carrier and tracking' : reasoned ? 'another reason' : 'no changes'}.`,
      );
  }
  if (reasoned) {
    const reason = fix!.reason!.trim();
    if (!reason) throw new BadUserInputError('fix.reason', 'Choose a reason.');
    const payload = entry.payload as CancelPayload | RefundPayload;
    return { ...payload, lines: payload.lines.map((l) => ({ ...l, reason })) } as OutboxPayload;
  }
  const payload = { ...(entry.payload as ShipPayload) };
  const carrier = fix!.carrier ?? payload.carrier;
  const trackingNumber = fix!.trackingNumber ?? payload.trackingNumber;
  Object.assign(payload, {
    carrier,
    carrierName: carrier === 'OTHER' ? (fix!.carrierName ?? payload.carrierName) : null,
    trackingNumber: checkTrackingNumber(trackingNumber, carrier).normalized || trackingNumber.trim(),
    trackingUrl: fix!.trackingUrl ?? payload.trackingUrl,
    service: fix!.service ?? payload.service,
    ...(entry.operation === 'SHIP'
      ? { intentToCancelOverride: fix!.intentToCancelOverride ?? payload.intentToCancelOverride }
      : {}),
  });
  payload.channelCarrier = channelCarrierName(channel, carrier, payload.carrierName);
  return payload;
}

/** The console's outbox queue: list, fix and resend, or discard (the order keeps what the channel holds). */
@Injectable()
export class OutboxAdminService {
  constructor(
    private readonly tx: Transactions,
    private readonly rows: OutboxRepository,
    private readonly shipments: ShipmentRepository,
    private readonly hubChange: OutboxHubChange,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async list(
    filter: OutboxListFilter,
    first: number,
    after: string | null,
  ): Promise<{ rows: OutboxEntity[]; hasNextPage: boolean; cursorOf: (r: OutboxEntity) => string }> {
    const beforeSeq = after ? String(decodeCursor(after, SORT)[0]) : null;
    const rows = await this.rows.findPage({ ...filter, beforeSeq }, first + 1);
    return {
      rows: rows.slice(0, first),
      hasNextPage: rows.length > first,
      cursorOf: (r) => encodeCursor(SORT, [r.seq]),
    };
  }

  /**
   * A FAILED or DEAD row goes out again from its first attempt, with a corrected payload when given (the caller has
   * run the rules on it). The order takes the change again; the refusal stays on the row until the channel takes it.
   */
  async retry(id: string, payload: OutboxPayload | null, actor: string): Promise<OutboxEntity> {
    const row = await this.tx.run(async (em) => {
      const entry = await this.rows.lockById(id, em);
      if (!entry) throw new NotFoundError('Outbox entry', id);
      if (entry.status !== 'FAILED' && entry.status !== 'DEAD')
        throw new ConflictError(`Outbox entry ${id} is ${entry.status}; only FAILED or DEAD entries are retried.`);
      if (entry.discardReason)
        throw new ConflictError(
          `Outbox entry ${id} was discarded (${entry.discardReason}); confirm the action again instead.`,
        );
      const before = { status: entry.status, lastError: entry.lastError, payload: entry.payload };
      if (payload) entry.payload = payload;
      if (entry.reverted) await this.hubChange.reapply(em, entry, entry.reverted);
      else if (payload && entry.shipmentId)
        await this.shipments.updateTracking(entry.shipmentId, shipmentFieldsOf(payload as ShipPayload), em);
      Object.assign(entry, {
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: new Date(),
        lastError: null,
        lastErrorCode: null,
        channelRef: null,
        reverted: null,
      });
      await this.rows.save(entry, em);
      await this.audit.record(em, {
        actor,
        action: 'outbox.retried',
        entityType: 'outbox',
        entityId: id,
        orderId: entry.orderId,
        before,
        after: { payload: entry.payload },
      });
      return entry;
    });
    await this.outbox.kick([row]);
    return row;
  }

  /** Gives a FAILED or DEAD row up, keeping the reason, and takes back what the hub recorded for it. */
  async discard(id: string, reason: string, actor: string): Promise<OutboxEntity> {
    if (!reason.trim()) throw new BadUserInputError('reason', 'Say why the entry is discarded; the reason is kept.');
    return this.tx.run(async (em) => {
      const entry = await this.rows.lockById(id, em);
      if (!entry) throw new NotFoundError('Outbox entry', id);
      if (entry.status !== 'FAILED' && entry.status !== 'DEAD')
        throw new ConflictError(`Outbox entry ${id} is ${entry.status}; only FAILED or DEAD entries can be discarded.`);
      if (entry.discardReason) return entry;
      if (!entry.reverted) entry.reverted = await this.hubChange.revert(em, entry);
      Object.assign(entry, { status: 'DEAD', discardReason: reason.trim(), refusedAt: null, refusal: null });
      await this.rows.save(entry, em);
      await this.audit.record(em, {
        actor,
        action: 'outbox.discarded',
        entityType: 'outbox',
        entityId: id,
        orderId: entry.orderId,
        after: { operation: entry.operation, reason: entry.discardReason },
      });
      return entry;
    });
  }
}
