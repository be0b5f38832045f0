import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboxOperation, OutboxPayload } from '@order-hub/types';
import { DataSource, type EntityManager } from 'typeorm';
import { JobName } from '../jobs/job-name';
import { JobQueue } from '../jobs/job-queue';
import { OutboxEntity } from './outbox.entity';

export interface NewOutboxRow {
  accountId: string;
  orderId: string;
  shipmentId?: string | null;
  operation: OutboxOperation;
  payload: OutboxPayload;
  idempotencyKey: string;
  actor: string;
}

/** Writes outbox rows inside the caller's transaction, and hands them to delivery once it has committed. */
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queue: JobQueue,
  ) {}

  /** A row for a channel call; the same idempotency key twice yields the first row, not a second call. */
  async add(em: EntityManager, row: NewOutboxRow): Promise<OutboxEntity> {
    const repo = em.getRepository(OutboxEntity);
    const existing = await repo.findOneBy({ idempotencyKey: row.idempotencyKey });
    if (existing) return existing;
    return repo.save(
      repo.create({
        accountId: row.accountId,
        orderId: row.orderId,
        shipmentId: row.shipmentId ?? null,
        operation: row.operation,
        payload: row.payload,
        idempotencyKey: row.idempotencyKey,
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: new Date(),
        createdBy: row.actor,
      }),
    );
  }

  findByKey(em: EntityManager, idempotencyKey: string): Promise<OutboxEntity | null> {
    return em.getRepository(OutboxEntity).findOneBy({ idempotencyKey });
  }

  /** Starts delivery of committed rows now rather than at the dispatcher's next look. */
  async kick(rows: Pick<OutboxEntity, 'id'>[]): Promise<void> {
    for (const row of rows) await this.queue.enqueue(JobName.DELIVER_OUTBOX, row.id);
  }

  get(id: string): Promise<OutboxEntity | null> {
    return this.ds.getRepository(OutboxEntity).findOneBy({ id });
  }
}
