import { Injectable, Logger } from '@nestjs/common';
import type { AttemptOutcome, OutboxStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import type { ChannelCall } from 'src/modules/channels/channel-writer';
import { ChannelError } from 'src/modules/channels/channel-error';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { LeaseHolder } from 'src/modules/jobs/lease-holder';
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

/** The row's hold lapsed (its holder's heartbeat stopped long enough) and another process may have taken it. */
export class LeaseLostError extends Error {
  constructor(readonly outboxId: string) {
    super(`Outbox row ${outboxId} is no longer held by this process; its attempt is not recorded`);
    this.name = 'LeaseLostError';
  }
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

/**
 * The state changes of delivery: claiming a row, keeping it held while its call is in flight, recording an attempt,
 * and where the row goes next.
 */
@Injectable()
export class OutboxDeliveryService {
  private readonly log = new Logger('Outbox');
  /** Rows this process holds right now: the heartbeat renews their hold. */
  private readonly held = new Set<string>();

  constructor(
    private readonly tx: Transactions,
    private readonly rows: OutboxRepository,
    private readonly hubChange: OutboxHubChange,
    private readonly audit: AuditService,
    private readonly leaseHolder: LeaseHolder,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** This process (host:pid:start) as the holder of the rows it sends: the same name its sync leases carry. */
  get holder(): string {
    return this.leaseHolder.id;
  }

  /** How often the holder renews its rows: four heartbeats per hold, so one late beat never loses a row. */
  get heartbeatMs(): number {
    return Math.max(250, Math.floor(this.config.outbox.sendingLeaseMs / 4));
  }

  /**
   * Takes a due PENDING row for one attempt. Rows of one order go strictly in creation order: a row waits
   * while an earlier one of its order is pending, in flight or failed (an order is acknowledged before it ships) —
   * except a refused shipment, cancellation or refund, whose change the order has given back: what the operator does
   * instead (cancel rather than ship) does not wait on it. The row is held under this process's name for
   * OUTBOX_SENDING_LEASE_MS, renewed by `renewLeases` until `letGo`; a process that dies stops renewing, and the
   * row is taken over once the hold lapses.
   */
  async claim(id: string, now = new Date()): Promise<OutboxEntity | null> {
    const row = await this.rows.claim(id, this.leaseUntil(now), now, this.holder);
    if (row) this.held.add(row.id);
    return row;
  }

  /** The attempt on the row is over (settled, or given up by an unexpected error): its hold is no longer renewed. */
  letGo(id: string): void {
    this.held.delete(id);
  }

  /** Heartbeat: every row this process is sending stays held for another OUTBOX_SENDING_LEASE_MS. */
  async renewLeases(now = new Date()): Promise<void> {
    if (!this.held.size) return;
    const ids = [...this.held];
    const renewed = await this.rows.renewLeases(ids, this.holder, this.leaseUntil(now));
    // Rows settled while the heartbeat ran are no longer SENDING, and no longer held: only the rest count as lapsed.
    const lapsed = ids.filter((id) => this.held.has(id)).length - renewed;
    if (lapsed > 0) this.log.warn(`${lapsed} outbox row(s) held by this process lapsed before their heartbeat`);
  }

  /** Rows left SENDING by a process that died (no heartbeat for a whole hold): pending again; they read back first. */
  async recoverStuck(now = new Date()): Promise<number> {
    return this.rows.releaseExpiredLeases(now);
  }

  private leaseUntil(now: Date): Date {
    return new Date(now.getTime() + this.config.outbox.sendingLeaseMs);
  }

  async dueIds(now = new Date(), limit = 200): Promise<string[]> {
    return this.rows.dueIds(now, limit);
  }

  async setChannelRef(row: OutboxEntity, channelRef: string): Promise<void> {
    row.channelRef = channelRef;
    await this.rows.update(row.id, { channelRef });
  }

  /**
   * Records the attempt and moves the row on, in one transaction, if this process still holds the row (else
   * LeaseLostError and nothing is written); DELIVERED and DEAD are audited on the order.
   */
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
      const stillHeld = await this.rows.updateHeld(
        row.id,
        this.holder,
        {
          status: next.status,
          holder: null,
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
      // Another process took the row over after this one's hold lapsed: its attempt decides; this one rolls back.
      if (!stillHeld) throw new LeaseLostError(row.id);
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
    await this.hubChange.delivered(em, row);
    return { refusedAt: null, refusal: null, reverted: null };
  }
}
