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
    await em.getRepository(AuditEventEntity).insert({
      // jsonb columns: TypeORM's deep-partial typing does not model arbitrary JSON objects.
      actor: event.actor,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      orderId: event.orderId ?? null,
      before: (event.before ?? null) as never,
      after: (event.after ?? null) as never,
    });
  }
}
