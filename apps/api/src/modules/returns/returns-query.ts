import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, RefundedBy, ReturnStatus } from '@order-hub/types';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { OrderReturnEntity } from './order-return.entity';
import { ReturnsRepository } from './returns.repository';
import type { StoredReturn } from './stored-return';

export interface ReturnQuery {
  channel?: Channel | null;
  accountId?: string | null;
  statuses?: ReturnStatus[] | null;
  /** Received and not fully refunded (nor refunded by the channel): oldest receipt first. */
  refundsDue?: boolean | null;
  refundedBy?: RefundedBy | null;
  orderId?: string | null;
  /** Part of the RMA, an order number (channel or customer) or a SKU. */
  search?: string | null;
}

export interface ReturnListPage {
  rows: { cursor: string; node: StoredReturn }[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

/** A received return still owing a refund: what the "Refunds due" view lists. */
export const REFUND_DUE_SQL = `r.received_at IS NOT NULL AND r.status NOT IN ('REFUNDED', 'CLOSED') AND r.refunded_by IS DISTINCT FROM 'CHANNEL'`;

/** Lists of returns by filter, keyset-paged: newest request first, or oldest receipt first for refunds due. */
@Injectable()
export class ReturnsQuery {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: ReturnsRepository,
  ) {}

  async list(query: ReturnQuery, first: number, after: string | null): Promise<ReturnListPage> {
    const due = query.refundsDue === true;
    const sort = due ? 'RETURNS:received_at' : 'RETURNS:requested_at';
    const qb = this.filtered(query);
    const count = qb.clone();
    if (after) {
      const [at, id] = decodeCursor(after, sort);
      qb.andWhere(due ? '(r.received_at, r.id) > (:at, :id)' : '(r.requested_at, r.id) < (:at, :id)', {
        at: new Date(String(at)),
        id: String(id),
      });
    }
    if (due) qb.orderBy('r.received_at', 'ASC').addOrderBy('r.id', 'ASC');
    else qb.orderBy('r.requested_at', 'DESC').addOrderBy('r.id', 'DESC');
    const rows = await qb.take(first + 1).getMany();
    const page = await this.repository.withLines(rows.slice(0, first));
    let total: Promise<number> | null = null;
    return {
      rows: page.map((node) => ({
        cursor: encodeCursor(sort, [(due ? node.receivedAt! : node.requestedAt).toISOString(), node.id]),
        node,
      })),
      hasNextPage: rows.length > first,
      totalCount: () => (total ??= count.getCount()),
    };
  }

  /** How many returns of the channel owe a refund, by where they stand against the clock. */
  async dueReceipts(channel: Channel): Promise<{ receivedAt: Date; accountId: string }[]> {
    const rows: { received_at: Date; account_id: string }[] = await this.ds.query(
      `SELECT r.received_at, r.account_id FROM order_return r WHERE r.channel = $1 AND ${REFUND_DUE_SQL}`,
      [channel],
    );
    return rows.map((r) => ({ receivedAt: new Date(r.received_at), accountId: r.account_id }));
  }

  async refundedByChannelSince(channel: Channel, since: Date): Promise<number> {
    const [row]: { n: number }[] = await this.ds.query(
      `SELECT count(*)::int AS n FROM order_return r WHERE r.channel = $1 AND r.refunded_by = 'CHANNEL' AND r.refunded_at >= $2`,
      [channel, since],
    );
    return row.n;
  }

  private filtered(q: ReturnQuery): SelectQueryBuilder<OrderReturnEntity> {
    const qb = this.ds.getRepository(OrderReturnEntity).createQueryBuilder('r');
    if (q.channel) qb.andWhere('r.channel = :channel', { channel: q.channel });
    if (q.accountId) qb.andWhere('r.account_id = :accountId', { accountId: q.accountId });
    if (q.statuses?.length) qb.andWhere('r.status = ANY(:statuses)', { statuses: q.statuses });
    if (q.refundsDue === true) qb.andWhere(REFUND_DUE_SQL);
    if (q.refundsDue === false) qb.andWhere(`NOT (${REFUND_DUE_SQL})`);
    if (q.refundedBy) qb.andWhere('r.refunded_by = :refundedBy', { refundedBy: q.refundedBy });
    if (q.orderId)
      qb.andWhere(
        '(r.order_id = :orderId OR r.id IN (SELECT l.return_id FROM order_return_line l WHERE l.order_id = :orderId))',
        { orderId: q.orderId },
      );
    if (q.search) {
      const term = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('r.channel_return_id ILIKE :term', { term })
            .orWhere('r.channel_order_id ILIKE :term')
            .orWhere('r.customer_order_id ILIKE :term')
            .orWhere(
              `r.id IN (SELECT l.return_id FROM order_return_line l WHERE l.sku ILIKE :term OR l.channel_order_id ILIKE :term)`,
            ),
        ),
      );
    }
    return qb;
  }
}
