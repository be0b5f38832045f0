import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BuyerDataAccessEntity, type BuyerDataAccessVia } from '../buyer-data-access.entity';

export interface BuyerDataRead {
  actor: string;
  userId: string | null;
  tokenId: string | null;
  orderId: string;
  fields: string;
  via: BuyerDataAccessVia;
  ip: string | null;
}

export interface AccessLogFilter {
  from: Date;
  to: Date;
  userId?: string | null;
  orderId?: string | null;
}

/** A log row with the order's channel id, so a reader can tell which order without another lookup. */
export interface AccessLogRow {
  id: string;
  /** occurred_at to the microsecond, as PostgreSQL prints it: the keyset cursor (a JS Date keeps milliseconds). */
  atKey: string;
  occurredAt: Date;
  actor: string;
  userId: string | null;
  tokenId: string | null;
  orderId: string;
  channel: string | null;
  channelOrderId: string | null;
  /** The order's account's IANA time zone, to show the time as the other pages do. */
  accountTimeZone: string | null;
  fields: string;
  via: BuyerDataAccessVia;
  ip: string | null;
}

/** The buyer_data_access table: every read and write of it goes through here. */
@Injectable()
export class BuyerDataAccessRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One INSERT for a request's reads, however many orders and fields. */
  async insertMany(reads: readonly BuyerDataRead[]): Promise<void> {
    if (!reads.length) return;
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(BuyerDataAccessEntity)
      .values(reads.map((r) => ({ ...r })))
      .updateEntity(false)
      .execute();
  }

  /** Newest first, keyset-paged by (occurred_at, id) after `after` (the last row of the previous page). */
  async page(
    filter: AccessLogFilter,
    limit: number,
    after: { atKey: string; id: string } | null,
  ): Promise<AccessLogRow[]> {
    const params: unknown[] = [filter.from, filter.to];
    const where = [`a.occurred_at >= $1`, `a.occurred_at < $2`];
    if (filter.userId) where.push(`a.user_id = $${params.push(filter.userId)}`);
    if (filter.orderId) where.push(`a.order_id = $${params.push(filter.orderId)}`);
    if (after) {
      const at = params.push(after.atKey);
      const id = params.push(after.id);
      where.push(`(a.occurred_at, a.id) < ($${at}::timestamptz, $${id}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.occurred_at, a.occurred_at::text AS at_key, a.actor, a.user_id, a.token_id, a.order_id, o.channel, o.channel_order_id,
              c.time_zone, a.fields, a.via, a.ip
         FROM buyer_data_access a LEFT JOIN "order" o ON o.id = a.order_id
         LEFT JOIN channel_account c ON c.id = o.account_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.occurred_at DESC, a.id DESC
        LIMIT $${params.push(limit)}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      atKey: r.at_key as string,
      occurredAt: new Date(r.occurred_at as string),
      actor: r.actor as string,
      userId: (r.user_id as string | null) ?? null,
      tokenId: (r.token_id as string | null) ?? null,
      orderId: r.order_id as string,
      channel: (r.channel as string | null) ?? null,
      channelOrderId: (r.channel_order_id as string | null) ?? null,
      accountTimeZone: (r.time_zone as string | null) ?? null,
      fields: r.fields as string,
      via: r.via as BuyerDataAccessVia,
      ip: (r.ip as string | null) ?? null,
    }));
  }
}
