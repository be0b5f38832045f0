import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel } from '@order-hub/types';
import type { DataSource } from 'typeorm';

export interface LabelCostMonth {
  channel: Channel;
  /** "2026-12": the month the labels were bought in, on the calendar of their account's time zone. */
  month: string;
  labelCount: number;
  amountCents: number;
  currency: string;
}

/** What bought labels cost per channel and month: the labels still in force (voided ones were refunded). */
@Injectable()
export class LabelCostsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async monthly(from: Date, to: Date, accountId: string | null): Promise<LabelCostMonth[]> {
    const rows: { channel: Channel; month: string; n: number; cents: string; currency: string }[] = await this.ds.query(
      `SELECT o.channel, to_char(l.purchased_at AT TIME ZONE a.time_zone, 'YYYY-MM') AS month, count(*)::int AS n,
                sum(l.amount_cents)::bigint AS cents, l.currency
           FROM shipping_label l JOIN "order" o ON o.id = l.order_id JOIN channel_account a ON a.id = l.account_id
          WHERE l.status = 'PURCHASED' AND l.purchased_at >= $1 AND l.purchased_at < $2
            AND ($3::uuid IS NULL OR l.account_id = $3)
          GROUP BY 1, 2, 5 ORDER BY 2, 1, 5`,
      [from, to, accountId],
    );
    return rows.map((r) => ({
      channel: r.channel,
      month: r.month,
      labelCount: r.n,
      amountCents: Number(r.cents),
      currency: r.currency,
    }));
  }
}
