import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboxOperation, OutboxStatus } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import type { OrderEntity } from '../../orders/order.entity';
import { OrderRepository } from '../../orders/order.repository';
import {
  evidenceTimeline,
  excerpt,
  summarizeChange,
  type EvidenceAuditEntry,
  type EvidenceChannelCall,
  type EvidenceEvent,
  type EvidenceShipment,
} from './evidence-timeline';

export interface OrderEvidence {
  order: OrderEntity;
  channelCalls: EvidenceChannelCall[];
  shipments: EvidenceShipment[];
  audit: EvidenceAuditEntry[];
  events: EvidenceEvent[];
}

interface CallRow {
  id: string;
  operation: OutboxOperation;
  status: OutboxStatus;
  created_at: Date;
  created_by: string;
  delivered_at: Date | null;
  last_error: string | null;
  discard_reason: string | null;
}

interface AttemptRow {
  outbox_id: string;
  attempt: number;
  started_at: Date;
  duration_ms: number;
  request: Record<string, unknown> | null;
  response_status: number | null;
  response_body: unknown;
  outcome: string;
  error: string | null;
}

/** `METHOD path` of a recorded request, or its note when the attempt only read the order back. */
function requestSummary(request: Record<string, unknown> | null): string {
  if (!request) return '';
  if (typeof request.method === 'string' || typeof request.path === 'string')
    return [request.method, request.path].filter(Boolean).join(' ');
  return typeof request.note === 'string' ? request.note : (excerpt(request, 120) ?? '');
}

/** One order's evidence record: what the hub sent to the channel and what came back, tracking and carrier events, and who did what. */
@Injectable()
export class OrderEvidenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly orders: OrderRepository,
  ) {}

  /** Null when there is no such order. */
  async forOrder(orderId: string): Promise<OrderEvidence | null> {
    const order = await this.orders.findById(orderId);
    if (!order) return null;
    const [channelCalls, shipments, audit] = await Promise.all([
      this.channelCalls(orderId),
      this.shipments(orderId),
      this.audit(orderId),
    ]);
    return { order, channelCalls, shipments, audit, events: evidenceTimeline(order, channelCalls, shipments, audit) };
  }

  private async channelCalls(orderId: string): Promise<EvidenceChannelCall[]> {
    const calls: CallRow[] = await this.ds.query(
      `SELECT id, operation, status, created_at, created_by, delivered_at, last_error, discard_reason FROM outbox WHERE order_id = $1 ORDER BY seq`,
      [orderId],
    );
    const attempts: AttemptRow[] = await this.ds.query(
      `SELECT a.outbox_id, a.attempt, a.started_at, a.duration_ms, a.request, a.response_status, a.response_body, a.outcome, a.error
         FROM outbox_attempt a JOIN outbox o ON o.id = a.outbox_id WHERE o.order_id = $1 ORDER BY a.started_at, a.attempt`,
      [orderId],
    );
    return calls.map((c) => ({
      id: c.id,
      operation: c.operation,
      status: c.status,
      createdAt: new Date(c.created_at),
      createdBy: c.created_by,
      deliveredAt: c.delivered_at && new Date(c.delivered_at),
      lastError: c.last_error,
      discardReason: c.discard_reason,
      attempts: attempts
        .filter((a) => a.outbox_id === c.id)
        .map((a) => ({
          attempt: a.attempt,
          startedAt: new Date(a.started_at),
          durationMs: a.duration_ms,
          request: requestSummary(a.request),
          responseStatus: a.response_status,
          responseExcerpt: excerpt(a.response_body),
          outcome: a.outcome,
          error: a.error,
        })),
    }));
  }

  private async shipments(orderId: string): Promise<EvidenceShipment[]> {
    const shipments: {
      id: string;
      carrier: string;
      tracking_number: string | null;
      shipped_at: Date;
      source: string;
    }[] = await this.ds.query(
      `SELECT id, carrier, tracking_number, shipped_at, source FROM shipment WHERE order_id = $1 ORDER BY shipped_at, created_at`,
      [orderId],
    );
    const events: {
      shipment_id: string;
      type: string;
      occurred_at: Date;
      source: string;
      description: string | null;
    }[] = await this.ds.query(
      // An event the channel reported without a time is placed when the hub learnt it (its description says so).
      `SELECT shipment_id, type, COALESCE(occurred_at, created_at) AS occurred_at, source, description FROM carrier_event WHERE order_id = $1 ORDER BY 3`,
      [orderId],
    );
    return shipments.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      trackingNumber: s.tracking_number,
      shippedAt: new Date(s.shipped_at),
      source: s.source,
      events: events
        .filter((e) => e.shipment_id === s.id)
        .map((e) => ({
          type: e.type,
          occurredAt: new Date(e.occurred_at),
          source: e.source,
          description: e.description,
        })),
    }));
  }

  private async audit(orderId: string): Promise<EvidenceAuditEntry[]> {
    const rows: { occurred_at: Date; actor: string; action: string; after: Record<string, unknown> | null }[] =
      await this.ds.query(
        `SELECT occurred_at, actor, action, after FROM audit_event WHERE order_id = $1 ORDER BY occurred_at`,
        [orderId],
      );
    return rows.map((r) => ({
      occurredAt: new Date(r.occurred_at),
      actor: r.actor,
      action: r.action,
      summary: summarizeChange(r.after),
    }));
  }
}
