import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RefundPayload, ReturnRefundPayload } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from 'src/common/errors/app-error';
import type { OutboxEntity } from 'src/modules/outbox/outbox.repository';
import { OutboxFollowers, type OutboxFollower } from 'src/modules/outbox/outbox-followers';
import { ReturnsService } from 'src/modules/returns/returns.service';

/**
 * A return's refund the channel shows (its outbox row DELIVERED, after the read-back) is recorded on the return:
 * refunded units raised, refunded by the seller, REFUNDED once every unit is. A refusal changes nothing on the return
 * (nothing was recorded when the refund was queued); it stays FAILED on the order's outbox with the channel's words.
 */
@Injectable()
export class ReturnRefundFollower implements OutboxFollower, OnModuleInit {
  constructor(
    private readonly followers: OutboxFollowers,
    private readonly returns: ReturnsService,
  ) {}

  onModuleInit(): void {
    this.followers.register(this);
  }

  async delivered(em: EntityManager, row: OutboxEntity): Promise<void> {
    const at = new Date();
    if (row.operation === 'RETURN_REFUND') {
      const payload = row.payload as ReturnRefundPayload;
      const lines = payload.lines.map((l) => ({ returnLineNumber: l.returnLineNumber, quantity: l.quantity }));
      await this.recordIfKept(em, payload.returnId, () => Promise.resolve(lines), at);
      return;
    }
    if (row.operation !== 'REFUND') return;
    const payload = row.payload as RefundPayload;
    if (!payload.returnId) return;
    await this.recordIfKept(
      em,
      payload.returnId,
      async () => {
        const ret = await this.returns.lockForRefund(em, payload.returnId!);
        return payload.lines.flatMap((l) => {
          const line = ret.lines.find((r) => r.orderId === row.orderId && r.lineNumber === l.lineNumber);
          return line && l.quantity ? [{ returnLineNumber: line.returnLineNumber, quantity: l.quantity }] : [];
        });
      },
      at,
    );
  }

  /** A return deleted since (its account removed) has nothing left to record. */
  private async recordIfKept(
    em: EntityManager,
    returnId: string,
    lines: () => Promise<{ returnLineNumber: string; quantity: number }[]>,
    at: Date,
  ): Promise<void> {
    try {
      const refunded = await lines();
      if (refunded.length > 0) await this.returns.recordRefundApplied(em, returnId, refunded, at);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
}
