import { Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  CancelPayload,
  McfCancelPayload,
  McfCreatePayload,
  RefundPayload,
  ReturnRefundPayload,
  ShipPayload,
  UpdateTrackingPayload,
} from '@order-hub/types';
import type { ChannelAdapter } from 'src/modules/channels/channel-adapter';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { ChannelError } from 'src/modules/channels/channel-error';
import type { ChannelCall, ReadBack } from 'src/modules/channels/channel-writer';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import type { OutboxEntity } from 'src/modules/outbox/outbox.entity';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import {
  backoffMs,
  IN_PROGRESS_DELAY_MS,
  LeaseLostError,
  OutboxDeliveryService,
} from 'src/modules/outbox/outbox-delivery.service';

export type DeliveryOutcome = 'DELIVERED' | 'RETRY' | 'FAILED' | 'DEAD' | 'WAITING' | 'SKIPPED' | 'LEASE_LOST';

/**
 * `deliver-outbox` for one row: send the call, then read the order back and mark it DELIVERED only when the
 * channel shows the change (sellers report 2xx answers whose write was dropped). An attempt after an uncertain
 * one (a crash, a timeout, a 5xx, a dropped write) reads back first, so nothing is applied twice.
 */
@Injectable()
export class DeliverOutboxJob implements JobHandler, OnModuleInit {
  readonly jobName = JobName.DELIVER_OUTBOX;

  constructor(
    private readonly accounts: ChannelAccountRepository,
    private readonly delivery: OutboxDeliveryService,
    private readonly adapters: ChannelAdaptersService,
    private readonly handlers: JobHandlers,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(id: string): Promise<DeliveryOutcome> {
    const row = await this.delivery.claim(id);
    if (!row) return 'SKIPPED';
    try {
      return await this.attempt(row);
    } catch (err) {
      // The hold lapsed mid-call (this process stalled): the process that took the row over reads back and decides.
      if (err instanceof LeaseLostError) return 'LEASE_LOST';
      throw err;
    } finally {
      this.delivery.letGo(row.id);
    }
  }

  private async attempt(row: OutboxEntity): Promise<DeliveryOutcome> {
    const startedAt = new Date();
    const elapsed = () => Date.now() - startedAt.getTime();
    let call: ChannelCall | undefined;
    let adapter: ChannelAdapter | undefined;
    try {
      const account = await this.accounts.getById(row.accountId);
      adapter = await this.adapters.forAccount(account);
      if (row.attempts > 1 || row.channelRef) {
        const before = await adapter.readBack(row.operation, row.payload, row.channelRef);
        if (before.state !== 'NOT_APPLIED')
          return await this.afterReadBack(
            row,
            before,
            { startedAt, durationMs: elapsed(), note: 'read back before resending' },
            true,
          );
      }
      call = await this.send(adapter, row);
      if (call.channelRef) await this.delivery.setChannelRef(row, call.channelRef);
      const after = await adapter.readBack(row.operation, row.payload, row.channelRef);
      return await this.afterReadBack(row, after, { startedAt, durationMs: elapsed(), call }, false);
    } catch (err) {
      if (!(err instanceof ChannelError)) throw err;
      // A refusal can be the channel saying it already has it (a write whose answer was lost): look before failing.
      if (!err.retryable && adapter && (await this.alreadyApplied(adapter, row))) {
        await this.delivery.settle(
          row,
          { startedAt, durationMs: elapsed(), call, error: err, outcome: 'ALREADY_APPLIED' },
          { status: 'DELIVERED', error: null, errorCode: null },
        );
        return 'DELIVERED';
      }
      return this.afterError(row, err, { startedAt, durationMs: elapsed(), call });
    }
  }

  private async alreadyApplied(adapter: ChannelAdapter, row: OutboxEntity): Promise<boolean> {
    try {
      return (await adapter.readBack(row.operation, row.payload, row.channelRef)).state === 'APPLIED';
    } catch {
      return false;
    }
  }

  private send(adapter: ChannelAdapter, row: OutboxEntity): Promise<ChannelCall> {
    switch (row.operation) {
      case 'ACKNOWLEDGE':
        return adapter.acknowledge({ channelOrderId: (row.payload as ShipPayload).channelOrderId });
      case 'SHIP':
        return adapter.ship(row.payload as ShipPayload);
      case 'UPDATE_TRACKING':
        return adapter.updateTracking(row.payload as UpdateTrackingPayload);
      case 'CANCEL':
        return adapter.cancel(row.payload as CancelPayload);
      case 'REFUND':
        return adapter.refund(row.payload as RefundPayload);
      case 'RETURN_REFUND':
        return adapter.refundReturn(row.payload as ReturnRefundPayload);
      case 'MCF_CREATE':
        return adapter.mcfCreate(row.payload as McfCreatePayload);
      case 'MCF_CANCEL':
        return adapter.mcfCancel(row.payload as McfCancelPayload);
    }
  }

  private async afterReadBack(
    row: OutboxEntity,
    readBack: ReadBack,
    attempt: { startedAt: Date; durationMs: number; call?: ChannelCall; note?: string },
    beforeSending: boolean,
  ): Promise<DeliveryOutcome> {
    switch (readBack.state) {
      case 'APPLIED':
        await this.delivery.settle(
          row,
          { ...attempt, outcome: beforeSending ? 'ALREADY_APPLIED' : 'DELIVERED' },
          { status: 'DELIVERED', error: null, errorCode: null },
        );
        return 'DELIVERED';
      case 'IN_PROGRESS':
        await this.delivery.settle(
          row,
          { ...attempt, outcome: 'IN_PROGRESS', note: readBack.detail },
          { status: 'PENDING', retryInMs: IN_PROGRESS_DELAY_MS },
        );
        return 'WAITING';
      case 'REJECTED':
        await this.delivery.settle(
          row,
          { ...attempt, outcome: 'FAILED', note: readBack.detail },
          { status: 'FAILED', error: readBack.detail, errorCode: 'REJECTED' },
        );
        return 'FAILED';
      case 'NOT_APPLIED': {
        const error =
          `The channel answered ${attempt.call?.status ?? ''} but its copy of the order does not show the change: ${readBack.detail ?? ''}`.trim();
        return this.retryOrGiveUp(
          row,
          { ...attempt, outcome: 'READ_BACK_MISMATCH', note: readBack.detail },
          error,
          'READ_BACK_MISMATCH',
        );
      }
    }
  }

  private async afterError(
    row: OutboxEntity,
    err: ChannelError,
    attempt: { startedAt: Date; durationMs: number; call?: ChannelCall },
  ): Promise<DeliveryOutcome> {
    if (err.retryable)
      return this.retryOrGiveUp(
        row,
        { ...attempt, error: err, outcome: 'RETRY' },
        err.summary(),
        err.details.code ?? err.kind,
        err.details.retryAfterMs,
      );
    await this.delivery.settle(
      row,
      { ...attempt, error: err, outcome: 'FAILED' },
      { status: 'FAILED', error: err.summary(), errorCode: err.details.code ?? err.kind },
    );
    return 'FAILED';
  }

  private async retryOrGiveUp(
    row: OutboxEntity,
    attempt: Parameters<OutboxDeliveryService['settle']>[1],
    error: string,
    errorCode: string,
    retryAfterMs?: number,
  ): Promise<DeliveryOutcome> {
    const { maxAttempts, retryBaseMs, retryMaxMs } = this.config.outbox;
    if (row.attempts >= maxAttempts) {
      await this.delivery.settle(
        row,
        { ...attempt, outcome: 'DEAD' },
        { status: 'DEAD', error: `Gave up after ${row.attempts} attempts: ${error}`, errorCode },
      );
      return 'DEAD';
    }
    await this.delivery.settle(row, attempt, {
      status: 'PENDING',
      retryInMs: Math.max(retryAfterMs ?? 0, backoffMs(row.attempts, retryBaseMs, retryMaxMs)),
      error,
      errorCode,
    });
    return 'RETRY';
  }
}
