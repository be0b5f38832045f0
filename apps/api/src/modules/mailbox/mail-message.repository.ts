import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MailKind, MailOutcome } from '@order-hub/types';
import { DataSource, In } from 'typeorm';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import type { MailHandling } from './mail-handler';
import { type MailFindings, MailMessageEntity } from './mail-message.entity';

export interface MailMessageFilter {
  mailboxId?: string | null;
  kind?: MailKind | null;
  outcome?: MailOutcome | null;
  orderId?: string | null;
  search?: string | null;
}

const SORT = 'mail:received_at';

const findingsOf = (h: MailHandling['findings']): MailFindings => ({
  trackingNumbers: h?.trackingNumbers ?? [],
  orderNumbers: h?.orderNumbers ?? [],
  reasons: h?.reasons ?? [],
});

/** mail_message: the evidence of every message read, written before the handlers run and completed after. */
@Injectable()
export class MailMessageRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(MailMessageEntity);
  }

  findById(id: string): Promise<MailMessageEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByMessageId(mailboxId: string, messageId: string): Promise<MailMessageEntity | null> {
    return this.repo.findOneBy({ mailboxId, messageId });
  }

  /** The evidence row of a message about to be handed over; a row already there (a retry) is answered as is. */
  async insertOnce(
    row: Partial<MailMessageEntity> & { mailboxId: string; messageId: string },
  ): Promise<MailMessageEntity> {
    await this.repo.createQueryBuilder().insert().values(row).orIgnore().execute();
    return this.repo.findOneByOrFail({ mailboxId: row.mailboxId, messageId: row.messageId });
  }

  async markHandled(id: string, handler: string | null, h: MailHandling, at: Date, attempts: number): Promise<void> {
    await this.repo.update(
      { id },
      {
        handler,
        kind: h.kind,
        outcome: h.outcome,
        summary: h.summary,
        orderIds: [...new Set(h.orderIds)],
        findings: findingsOf(h.findings),
        attempts,
        processedAt: at,
      },
    );
  }

  /** A handler threw: FAILED with its words; `settledAt` null leaves the message for the next run. */
  async markFailed(
    id: string,
    handler: string,
    error: string,
    attempts: number,
    settledAt: Date | null,
  ): Promise<void> {
    await this.repo.update({ id }, { handler, outcome: 'FAILED', summary: error, attempts, processedAt: settledAt });
  }

  byOrderIds(orderIds: readonly string[]): Promise<MailMessageEntity[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('m')
      .where('m.order_ids && :ids::uuid[]', { ids: [...orderIds] })
      .orderBy('m.received_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .getMany();
  }

  byIds(ids: readonly string[]): Promise<MailMessageEntity[]> {
    return ids.length ? this.repo.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** A page, newest first, with the total counted only when asked. */
  async page(
    filter: MailMessageFilter,
    first: number,
    after: string | null,
  ): Promise<{
    rows: { cursor: string; node: MailMessageEntity }[];
    hasNextPage: boolean;
    count: () => Promise<number>;
  }> {
    const base = () => {
      const q = this.repo.createQueryBuilder('m');
      if (filter.mailboxId) q.andWhere('m.mailbox_id = :mailboxId', { mailboxId: filter.mailboxId });
      if (filter.kind) q.andWhere('m.kind = :kind', { kind: filter.kind });
      if (filter.outcome) q.andWhere('m.outcome = :outcome', { outcome: filter.outcome });
      if (filter.orderId) q.andWhere('m.order_ids @> ARRAY[:orderId]::uuid[]', { orderId: filter.orderId });
      if (filter.search) {
        const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q.andWhere(
          '(m.subject ILIKE :like OR m.from_address ILIKE :like OR m.from_name ILIKE :like OR m.summary ILIKE :like)',
          { like },
        );
      }
      return q;
    };
    const q = base();
    if (after) {
      const [at, id] = decodeCursor(after, SORT);
      q.andWhere('(m.received_at, m.id) < (:at::timestamptz, :id::uuid)', { at: String(at), id: String(id) });
    }
    const rows = await q
      .orderBy('m.received_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(first + 1)
      .getMany();
    const page = rows.slice(0, first);
    return {
      rows: page.map((node) => ({ cursor: encodeCursor(SORT, [node.receivedAt.toISOString(), node.id]), node })),
      hasNextPage: rows.length > first,
      count: () => base().getCount(),
    };
  }
}
