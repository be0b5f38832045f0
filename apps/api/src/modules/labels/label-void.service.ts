import { Injectable } from '@nestjs/common';
import { canVoidLabel, channelProfile } from '@order-hub/rules';
import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { OutboxHubChange } from 'src/modules/outbox/outbox-hub-change';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxRepository } from 'src/modules/outbox/outbox.repository';
import { labelCall, labelNotRecordedKey, labelVoidUnsettledKey, wordsOf } from './label-errors';
import { LabelError, type LabelVoidResult } from './label-seller';
import { LabelSellers } from './label-sellers';
import type { ShippingLabelEntity } from './shipping-label.entity';
import { ShippingLabelRepository } from './shipping-label.repository';

const VOIDED_REASON = 'The label was voided in the hub.';
const STOPPING_REASON = 'The label is being voided.';
const RECOVERY_ACTOR = 'system:label-recovery';

/**
 * Voids a bought label and puts the order back in the queue: its shipment is taken back, and a confirmation the
 * channel has not received yet is discarded. Once the channel holds the confirmation the void is refused.
 */
@Injectable()
export class LabelVoidService {
  constructor(
    private readonly tx: Transactions,
    private readonly labels: ShippingLabelRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly sellers: LabelSellers,
    private readonly outbox: OutboxRepository,
    private readonly hubChange: OutboxHubChange,
    private readonly audit: AuditService,
    private readonly alerts: AlertsService,
  ) {}

  async void(labelId: string, actor: string, now = new Date()): Promise<ShippingLabelEntity> {
    const label = await this.labels.findById(labelId);
    if (!label) throw new NotFoundError('Label', labelId);
    if (label.status === 'VOIDED' || label.status === 'VOID_REQUESTED') return label;
    if (label.status !== 'PURCHASED')
      throw new ConflictError(
        `This label was never bought (${label.status.toLowerCase()}), so there is nothing to void.`,
      );
    const account = await this.accounts.getById(label.accountId);
    const check = canVoidLabel({
      source: label.source,
      carrier: label.carrier!,
      purchasedAt: label.purchasedAt!,
      firstScanAt: null,
      now,
      timeZone: account.timeZone,
    });
    if (!check.allowed) throw new ConflictError(check.reason!);
    const { seller } = await labelCall(() => this.sellers.forAccount(account));
    const channel = channelProfile(account.channel).label;

    // The confirmation the hub owes the channel is stopped first, so it cannot leave while the label is voided. The
    // label says a void is under way, so one its process never finished is settled by recoverInterrupted.
    const stopped = await this.tx.run(async (em) => {
      const confirmation = await this.stopConfirmation(em, label, channel);
      await this.labels.startVoid(label.id, em);
      return confirmation;
    });
    let result: LabelVoidResult;
    try {
      result = await labelCall(() => seller.void(label.providerShipmentId!));
    } catch (err) {
      await this.tx.run(async (em) => {
        if (stopped) await this.resume(em, stopped.id, stopped.status);
        await this.labels.endVoid(label.id, null, em);
      });
      throw err;
    }
    return this.settle(label, stopped?.id ?? null, result, actor, now);
  }

  /**
   * Voids whose process died between stopping the confirmation and recording the seller's answer: the seller is
   * asked again (a void it already took is answered as done). Voided: settled as any void. Refused (the parcel was
   * scanned, say): the confirmation goes on as it was, and the label says why. No answer: an alert says so (the
   * confirmation stays held meanwhile) and the next round asks again.
   */
  async recoverInterrupted(now = new Date()): Promise<number> {
    let settled = 0;
    for (const stale of await this.labels.interruptedVoids()) {
      const label = await this.labels.retakeVoid(stale.id);
      if (!label) continue;
      try {
        const { seller } = await this.sellers.forAccount(await this.accounts.getById(label.accountId));
        const stopped = label.confirmedByChannel ? null : await this.stoppedConfirmation(label);
        let result: LabelVoidResult;
        try {
          result = await seller.void(label.providerShipmentId!);
        } catch (err) {
          if (!(err instanceof LabelError) || err.code !== 'VOID_REFUSED') throw err;
          await this.tx.run(async (em) => {
            await this.alerts.resolve(labelVoidUnsettledKey(label.id), em);
            if (stopped) await this.resume(em, stopped, 'PENDING');
            await this.labels.endVoid(
              label.id,
              `The void was interrupted; asked again, the seller refused it (${err.message}), so the label stands${stopped ? ' and its confirmation goes on' : ''}.`,
              em,
            );
          });
          settled += 1;
          continue;
        }
        await this.settle(label, stopped, result, RECOVERY_ACTOR, now);
        settled += 1;
      } catch (err) {
        await this.raiseUnsettled(label, err).catch(() => undefined);
      }
    }
    return settled;
  }

  /** The seller (or the account) could not be asked: someone is told, as the shipment's confirmation stays held. */
  private raiseUnsettled(label: ShippingLabelEntity, err: unknown): Promise<void> {
    const held = label.shipmentId && !label.confirmedByChannel;
    return this.alerts.raise({
      kind: 'LABEL_VOID_UNSETTLED',
      severity: held ? 'HIGH' : 'MEDIUM',
      conditionKey: labelVoidUnsettledKey(label.id),
      orderId: label.orderId,
      accountId: label.accountId,
      message: `The void of ${label.carrierName ?? 'the'} label ${label.trackingNumber} was interrupted, and asking again failed: ${wordsOf(err)}${held ? " Until the void is settled, the order's shipment confirmation is held." : ''}`,
      action:
        'Nothing to do if it clears: the hub asks again every minute. If it lasts, check the label account in Settings, or whether the label shows as refunded there.',
    });
  }

  /** The void recorded: the shipment taken back, the stopped confirmation discarded, the label voided. */
  private settle(
    label: ShippingLabelEntity,
    stoppedId: string | null,
    result: LabelVoidResult,
    actor: string,
    now: Date,
  ): Promise<ShippingLabelEntity> {
    return this.tx.run(async (em) => {
      const row = (await this.labels.lockById(label.id, em))!;
      if (stoppedId) {
        const confirmation = (await this.outbox.lockById(stoppedId, em))!;
        // The shipment is taken back (its held confirmation with it); a refused one was taken back already.
        if (!confirmation.reverted) confirmation.reverted = await this.hubChange.revert(em, confirmation);
        confirmation.discardReason = VOIDED_REASON;
        await this.outbox.save(confirmation, em);
      } else if (row.shipmentId) {
        // A shipment the channel recorded itself has no confirmation row; Amazon un-confirmed it on the cancel.
        await this.hubChange.revert(em, {
          operation: 'SHIP',
          shipmentId: row.shipmentId,
          orderId: row.orderId,
        } as OutboxEntity);
      }
      Object.assign(row, {
        status: result.status === 'VOIDED' ? 'VOIDED' : 'VOID_REQUESTED',
        voidedAt: now,
        voidStartedAt: null,
        shipmentId: null,
      } satisfies Partial<ShippingLabelEntity>);
      await this.labels.save(row, em);
      await this.alerts.resolve([labelNotRecordedKey(row.id), labelVoidUnsettledKey(row.id)], em);
      await this.audit.record(em, {
        actor,
        action: 'label.voided',
        entityType: 'shipping_label',
        entityId: row.id,
        orderId: row.orderId,
        before: { status: 'PURCHASED', shipment: label.shipmentId },
        after: { status: row.status, trackingNumber: row.trackingNumber, discardedOutbox: stoppedId },
      });
      return row;
    });
  }

  /** The confirmation an interrupted void stopped (DEAD, "being voided"), if it has one. */
  private async stoppedConfirmation(label: ShippingLabelEntity): Promise<string | null> {
    if (!label.shipmentId) return null;
    const rows = await this.outbox.findPage({ orderId: label.orderId }, 500);
    const found = rows.find(
      (r) =>
        r.operation === 'SHIP' &&
        r.shipmentId === label.shipmentId &&
        r.status === 'DEAD' &&
        r.discardReason === STOPPING_REASON,
    );
    return found?.id ?? null;
  }

  /**
   * Stops the label's confirmation while the channel has not received it (DEAD until the void is settled) and
   * answers it with the status it had; null when the channel confirmed the shipment itself. Refused once the channel
   * has it or while it is being sent.
   */
  private async stopConfirmation(
    em: EntityManager,
    label: ShippingLabelEntity,
    channel: string,
  ): Promise<{ id: string; status: OutboxEntity['status'] } | null> {
    if (!label.shipmentId || label.confirmedByChannel) return null;
    const rows = await this.outbox.findPage({ orderId: label.orderId }, 500, em);
    const found = rows.find((r) => r.operation === 'SHIP' && r.shipmentId === label.shipmentId);
    if (!found) return null;
    const row = (await this.outbox.lockById(found.id, em))!;
    if (row.status === 'DELIVERED')
      throw new ConflictError(
        `${channel} already has this shipment's tracking number ${label.trackingNumber}, so the label can no longer be voided in the hub; correct the tracking instead.`,
      );
    if (row.status === 'SENDING')
      throw new ConflictError(`The shipment is being confirmed to ${channel} right now; try again in a minute.`);
    const status = row.status;
    Object.assign(row, { status: 'DEAD', discardReason: STOPPING_REASON });
    await this.outbox.save(row, em);
    return { id: row.id, status };
  }

  /** The provider refused the void: the confirmation is as it was. */
  private async resume(em: EntityManager, id: string, status: OutboxEntity['status']): Promise<void> {
    const row = (await this.outbox.lockById(id, em))!;
    Object.assign(row, { status, discardReason: null });
    await this.outbox.save(row, em);
  }

  /** The label document for a reprint: the stored bytes, else fetched from the seller once and stored. */
  async document(labelId: string): Promise<{ label: ShippingLabelEntity; bytes: Buffer }> {
    const label = await this.labels.findById(labelId);
    if (!label || !label.providerShipmentId) throw new NotFoundError('Label', labelId);
    const stored = await this.labels.document(labelId);
    if (stored && stored.length > 0) return { label, bytes: stored };
    const { seller } = await labelCall(async () =>
      this.sellers.forAccount(await this.accounts.getById(label.accountId)),
    );
    const bytes = Buffer.from(await labelCall(() => seller.document(label.providerShipmentId!, label.format)));
    await this.labels.storeDocument(label.id, bytes);
    return { label, bytes };
  }
}
