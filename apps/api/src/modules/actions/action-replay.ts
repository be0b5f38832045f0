import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictError } from 'src/common/errors/app-error';
import { isUniqueViolation } from 'src/common/database/sql-state';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxRepository } from 'src/modules/outbox/outbox.repository';

/** How many of an order's outbox rows a replay looks through for those one request wrote together. */
const ROWS_OF_ORDER = 500;

/**
 * A digest of what the caller asked for, the same for the same request however it was written: object keys in any
 * order, a field left out or sent as null, a date as a Date or as its ISO string.
 */
export function requestDigest(request: unknown): string {
  return createHash('sha256').update(canonical(request)).digest('hex').slice(0, 40);
}

function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Idempotent actions: an action's first outbox row is keyed by the request (see `requestDigest`), so the same request
 * sent again — a client retrying after a lost response — is answered with what the first one recorded, looked up
 * before any rule runs, and the channel is called once. Two requests racing on one order: the one that loses answers
 * the winner's result when it was the same request, CONFLICT otherwise; never an internal error.
 */
@Injectable()
export class ActionReplays {
  constructor(private readonly rows: OutboxRepository) {}

  /**
   * The rows the request keyed `key` recorded, oldest first: the keyed row and the others of its order written in the
   * same transaction by the same caller (an acknowledgement queued with a shipment, a cancellation's later parts).
   * Null when no such request was recorded.
   */
  async find(key: string, em?: EntityManager): Promise<OutboxEntity[] | null> {
    const keyed = await this.rows.findByKey(key, em);
    if (!keyed) return null;
    // Rows inserted in one transaction share its start time (created_at defaults to now()).
    const together = (await this.rows.findPage({ orderId: keyed.orderId }, ROWS_OF_ORDER, em)).filter(
      (r) => r.createdAt.getTime() === keyed.createdAt.getTime() && r.createdBy === keyed.createdBy,
    );
    const rows = together.some((r) => r.id === keyed.id) ? together : [...together, keyed];
    return rows.sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)));
  }

  /**
   * Runs the action's transaction. When a concurrent request took one of its keys first (a unique violation),
   * the transaction has rolled back; the answer is that request's result if it was this same request, else CONFLICT.
   */
  async guard<T>(key: string, work: () => Promise<T>, replay: (rows: OutboxEntity[]) => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const rows = await this.find(key);
      if (rows) return await replay(rows);
      throw new ConflictError(
        'Another request recorded a change of this order at the same time; reload the order and try again.',
      );
    }
  }
}
