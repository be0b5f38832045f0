import { Injectable } from '@nestjs/common';
import { policyFor, refundClock } from '@order-hub/rules';
import type { Channel, ReturnPage } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { OutboxRepository } from 'src/modules/outbox/outbox.repository';
import { unitsInFlight } from './returns-in-flight';
import { ReturnsImportService, type ReturnImportResult } from './returns-import.service';
import { ReturnsQuery, type ReturnListPage, type ReturnQuery } from './returns-query';
import { ReturnsRepository } from './returns.repository';
import type { StoredReturn } from './stored-return';

export interface ReturnCounts {
  refundsDue: number;
  dueSoon: number;
  overdue: number;
  refundedByChannel30d: number;
}

/**
 * The hub's returns: read, listed, imported from the channels, locked for a refund and settled once the channel
 * shows it. Other modules reach the tables only through here.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly repository: ReturnsRepository,
    private readonly query: ReturnsQuery,
    private readonly importer: ReturnsImportService,
    private readonly accounts: ChannelAccountRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async findById(id: string, em?: EntityManager): Promise<StoredReturn | null> {
    return (await this.repository.findByIds([id], em))[0] ?? null;
  }

  findByIds(ids: readonly string[], em?: EntityManager): Promise<StoredReturn[]> {
    return this.repository.findByIds(ids, em);
  }

  /** Each order's returns (a return spanning orders is listed under each), keyed in the order asked. */
  async byOrderIds(orderIds: readonly string[], em?: EntityManager): Promise<StoredReturn[][]> {
    const rows = await this.repository.byOrderIds(orderIds, em);
    return orderIds.map((id) => rows.filter((r) => r.orderId === id || r.lines.some((l) => l.orderId === id)));
  }

  list(filter: ReturnQuery, first: number, after: string | null): Promise<ReturnListPage> {
    return this.query.list(filter, first, after);
  }

  /** The return and its lines, locked (FOR UPDATE) until `em`'s transaction ends. */
  async lockForRefund(em: EntityManager, id: string): Promise<StoredReturn> {
    const found = await this.repository.lockById(id, em).catch((err: unknown) => {
      // A malformed id is the caller's input, not a database fault.
      if (/invalid input syntax for type uuid/.test(String((err as Error).message)))
        throw new BadUserInputError('input.returnId', 'must be an id returned by the API (a UUID).');
      throw err;
    });
    if (!found) throw new NotFoundError('Return', id);
    return found;
  }

  /**
   * The channel shows a refund of these units (the outbox row is DELIVERED): the lines' refunded units rise (never
   * past what came back), the seller refunded them, and the return is REFUNDED once every unit is.
   */
  async recordRefundApplied(
    em: EntityManager,
    returnId: string,
    lines: { returnLineNumber: string; quantity: number }[],
    at: Date,
  ): Promise<StoredReturn> {
    const stored = await this.lockForRefund(em, returnId);
    const byNumber = new Map(stored.lines.map((l) => [l.returnLineNumber, l]));
    for (const applied of lines) {
      const line = byNumber.get(applied.returnLineNumber);
      if (!line || applied.quantity <= 0) continue;
      const quantityRefunded = Math.min(line.quantity, line.quantityRefunded + applied.quantity);
      const status = quantityRefunded >= line.quantity ? 'REFUNDED' : line.status;
      await this.repository.updateLine(line.id, { quantityRefunded, status, refundedAt: at, refundedBy: 'SELLER' }, em);
      Object.assign(line, { quantityRefunded, status, refundedAt: at, refundedBy: 'SELLER' });
    }
    const all = stored.lines.length > 0 && stored.lines.every((l) => l.quantityRefunded >= l.quantity);
    const changes = {
      status: all ? ('REFUNDED' as const) : stored.status,
      refundedAt: at,
      refundedBy: stored.refundedBy === 'CHANNEL' ? ('CHANNEL' as const) : ('SELLER' as const),
      version: stored.version + 1,
      updatedAt: at,
    };
    await this.repository.updateReturn(returnId, changes, em);
    return { ...stored, ...changes };
  }

  /** Received returns not fully refunded nor closed, and those the channel refunded itself within 7 days. */
  clockCandidates(now: Date, em?: EntityManager): Promise<StoredReturn[]> {
    return this.repository.clockCandidates(now, em);
  }

  importPage(
    account: ChannelAccountEntity,
    page: Pick<ReturnPage, 'returns' | 'rejected'>,
    now = new Date(),
  ): Promise<ReturnImportResult> {
    return this.importer.importPage(account, page, now);
  }

  /** Units of each return line whose refund is queued, being sent or refused and not settled. */
  async unitsInFlight(r: StoredReturn, em?: EntityManager): Promise<Map<string, number>> {
    return unitsInFlight(r, await this.outbox.findOpenByReturn(r.id, em));
  }

  /** Returns of the channel owing a refund, and where they stand against the clock; refunds the channel made itself. */
  async counts(channel: Channel, now = new Date()): Promise<ReturnCounts> {
    const due = await this.query.dueReceipts(channel);
    const accounts = new Map(
      (await this.accounts.findByIds([...new Set(due.map((d) => d.accountId))])).map((a) => [a.id, a]),
    );
    let dueSoon = 0;
    let overdue = 0;
    for (const d of due) {
      const account = accounts.get(d.accountId);
      if (!account) continue;
      const clock = refundClock(
        policyFor(channel, account.marketplace, d.receivedAt),
        { status: 'RECEIVED', receivedAt: d.receivedAt, refundedAt: null, refundedBy: null },
        now,
      );
      if (clock.state === 'DUE_SOON') dueSoon += 1;
      if (clock.state === 'OVERDUE') overdue += 1;
    }
    const refundedByChannel30d = await this.query.refundedByChannelSince(
      channel,
      new Date(now.getTime() - 30 * 86_400_000),
    );
    return { refundsDue: due.length, dueSoon, overdue, refundedByChannel30d };
  }
}
