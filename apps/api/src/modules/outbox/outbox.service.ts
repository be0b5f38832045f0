import { Injectable } from '@nestjs/common';
import type { OutboxOperation, OutboxPayload } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import type { OutboxEntity } from './outbox.entity';
import { OutboxRepository } from './outbox.repository';

export interface NewOutboxRow {
  accountId: string;
  orderId: string;
  shipmentId?: string | null;
  operation: OutboxOperation;
  payload: OutboxPayload;
  idempotencyKey: string;
  actor: string;
  /** Held: the row is not due before this (a tracking hold's deadline); `releaseHeld` makes it due sooner. */
  notBefore?: Date | null;
}

/** Writes outbox rows inside the caller's transaction, and hands them to delivery once it has committed. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly rows: OutboxRepository,
    private readonly queue: JobQueue,
  ) {}

  /** A row for a channel call; the same idempotency key twice yields the first row, not a second call. */
  async add(em: EntityManager, row: NewOutboxRow): Promise<OutboxEntity> {
    const existing = await this.rows.findByKey(row.idempotencyKey, em);
    if (existing) return existing;
    return this.rows.create(
      {
        accountId: row.accountId,
        orderId: row.orderId,
        shipmentId: row.shipmentId ?? null,
        operation: row.operation,
        payload: row.payload,
        idempotencyKey: row.idempotencyKey,
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: row.notBefore ?? new Date(),
        createdBy: row.actor,
      },
      em,
    );
  }

  /** Starts delivery of committed rows now rather than at the dispatcher's next look. */
  async kick(rows: Pick<OutboxEntity, 'id'>[]): Promise<void> {
    for (const row of rows) await this.queue.enqueue(JobName.DELIVER_OUTBOX, row.id);
  }

  /**
   * Held rows (PENDING, never attempted, not yet due) become due now; returns those that did. A row already due,
   * attempted or settled is left as it is.
   */
  releaseHeld(ids: readonly string[], em?: EntityManager): Promise<string[]> {
    return this.rows.makeHeldDue(ids, new Date(), em);
  }

  get(id: string): Promise<OutboxEntity | null> {
    return this.rows.findById(id);
  }
}
