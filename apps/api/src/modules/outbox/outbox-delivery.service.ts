import { Injectable } from '@nestjs/common';
import type { AttemptOutcome, OutboxStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import type { ChannelCall } from 'src/modules/channels/channel-writer';
import { ChannelError } from 'src/modules/channels/channel-error';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import type { OutboxEntity } from './outbox.entity';
import { OutboxHubChange } from './outbox-hub-change';
import { OutboxRepository } from './outbox.repository';
import type { RevertedChange } from './reverted-change';

/** A channel still processing (Amazon feed) is asked again after this. */
export const IN_PROGRESS_DELAY_MS = 5_000;

/** Full jitter: a random wait up to base × 2^(attempts-1), capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1)));
}

type RefusalColumns = Pick<OutboxEntity, 'refusedAt' | 'refusal'> & { reverted: RevertedChange | null };

export interface AttemptRecord {
  startedAt: Date;
  durationMs: number;
  call?: ChannelCall;
  error?: ChannelError;
  outcome: AttemptOutcome;
  note?: string;
}

/** The state changes of delivery: claiming a row, recording an attempt, and where the row goes next. */
@Injectable()
export class OutboxDeliveryService {
  constructor(
    private readonly tx: Transactions,
    private readonly rows: OutboxRepository,
    private readonly hubChange: OutboxHubChange,
    private readonly audit: AuditService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Takes a due PENDING row for one attempt. Rows of one order go strictly in creation order: a row waits
   * while an earlier one of its order is pending, in flight or failed (an order is acknowledged before it ships) —
   * except a refused shipment, cancellation or refund, whose change the order has given back: what the operator does
   * instead (cancel rather than ship) does not wait on it.
   */
  async claim(id: string, now = new Date()): Promise<OutboxEntity | null> {
    // The row is held this long; a process that dies mid-call leaves it to be recovered after that.
    return this.rows.claim(id, new Date(now.getTime() + this.config.outbox.sendingLeaseMs), now);
  }

  /** Rows left SENDING by a process that died: pending again, and their next attempt reads back first. */
  async recoverStuck(now = new Date()): Promise<number> {
    return this.rows.releaseExpiredLeases(now);
  }

  async dueIds(now = new Date(), limit = 200): Promise<string[]> {
    return this.rows.dueIds(now, limit);
  }

  async setChannelRef(row: OutboxEntity, channelRef: string): Promise<void> {
    row.channelRef = channelRef;
    await this.rows.update(row.id, { channelRef });
  }

  /** Records the attempt and moves the row on, in one transaction; DELIVERED and DEAD are audited on the order. */
  async settle(
    row: OutboxEntity,
    attempt: AttemptRecord,
    next: { status: OutboxStatus; retryInMs?: number; error?: string | null; errorCode?: string | null },
  ): Promise<void> {
    await this.tx.run(async (em) => {
      await this.rows.insertAttempt(
        {
          outboxId: row.id,
          attempt: row.attempts,
          startedAt: attempt.startedAt,
          durationMs: attempt.durationMs,
          request: attempt.call?.request ?? { note: attempt.note ?? 'read-back only' },
          responseStatus: attempt.call?.status ?? attempt.error?.details.status ?? null,
          responseBody: attempt.call?.body ?? attempt.error?.details.responseBody ?? null,
          outcome: attempt.outcome,
          error: attempt.error ? attempt.error.summary() : (attempt.note ?? null),
        },
        em,
      );
      const now = new Date();
      await this.rows.update(
        row.id,
        {
          status: next.status,
          nextAttemptAt: new Date(now.getTime() + (next.retryInMs ?? 0)),
          lastError: next.error === undefined ? row.lastError : next.error,
          lastErrorCode: next.errorCode === undefined ? row.lastErrorCode : next.errorCode,
          ...(next.status === 'DELIVERED' ? { deliveredAt: now, ...(await this.accepted(em, row)) } : {}),
          ...(next.status === 'FAILED' || next.status === 'DEAD'
            ? await this.refused(em, row, next.error ?? row.lastError, now)
            : {}),
        },
        em,
      );
      if (next.status === 'DELIVERED' || next.status === 'DEAD' || next.status === 'FAILED') {
        await this.audit.record(em, {
          actor: 'system:outbox',
          action: `outbox.${next.status.toLowerCase()}`,
          entityType: 'outbox',
          entityId: row.id,
          orderId: row.orderId,
          after: { operation: row.operation, attempts: row.attempts, ...(next.error ? { error: next.error } : {}) },
        });
      }
    });
  }

  /**
   * A refusal for good is never silent: the order goes back to what the channel holds (so it is back in the inbox
   * views and under the deadline alarms) and the row keeps the channel's message until the channel takes the call.
   */
  private async refused(
    em: EntityManager,
    row: OutboxEntity,
    message: string | null,
    now: Date,
  ): Promise<RefusalColumns> {
    const reverted = row.reverted ?? (await this.hubChange.revert(em, row));
    const refusal = message ?? 'The channel refused it without a message.';
    if (!row.reverted) {
      await this.audit.record(em, {
        actor: 'system:outbox',
        action: 'order.channel_refused',
        entityType: 'outbox',
        entityId: row.id,
        orderId: row.orderId,
        after: { operation: row.operation, refusal, reverted: reverted as unknown as Record<string, unknown> },
      });
    }
    return { refusedAt: now, refusal, reverted };
  }

  /** The channel took the call: a refusal it had made is settled (and a change still taken back is put back). */
  private async accepted(em: EntityManager, row: OutboxEntity): Promise<RefusalColumns> {
    if (row.reverted) await this.hubChange.reapply(em, row, row.reverted);
    return { refusedAt: null, refusal: null, reverted: null };
  }
}
