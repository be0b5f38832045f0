import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  orderId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  /** Written through the caller's transaction, so the event exists exactly when the change does. */
  async record(em: EntityManager, event: AuditRecord): Promise<void> {
    await em.getRepository(AuditEventEntity).insert(row(event));
  }

  /** Whether the record has an event of this action (a resend, say), read through the caller's transaction. */
  async hasEvent(em: EntityManager, entityType: string, entityId: string, action: string): Promise<boolean> {
    return em.getRepository(AuditEventEntity).exists({ where: { entityType, entityId, action } });
  }

  /** Many events in few statements (an import audits every order it writes), through the caller's transaction. */
  async recordMany(em: EntityManager, events: readonly AuditRecord[]): Promise<void> {
    for (let i = 0; i < events.length; i += CHUNK) {
      await em
        .createQueryBuilder()
        .insert()
        .into(AuditEventEntity)
        .values(events.slice(i, i + CHUNK).map(row))
        .updateEntity(false)
        .execute();
    }
  }
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 500;

function row(event: AuditRecord) {
  return {
    actor: event.actor,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    orderId: event.orderId ?? null,
    // jsonb columns: TypeORM's deep-partial typing does not model arbitrary JSON objects.
    before: (event.before ?? null) as never,
    after: (event.after ?? null) as never,
  };
}
