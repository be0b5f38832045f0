import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UNCATEGORIZED, type Channel } from '@order-hub/types';
import type { DataSource } from 'typeorm';

export interface BoughtLabelScope {
  channel: Channel;
  accountId: string | null;
  start: Date;
  end: Date;
  /** A per-category metric's category; null for the whole account. */
  category: string | null;
}

/**
 * Shipments whose tracking came from a label bought in the hub: carrier, service and number are right by
 * construction. They are counted beside the valid-tracking rate, not in it: the rate still judges them by their
 * carrier scans (a label bought and never handed over is the classic late-origin-scan case).
 */
@Injectable()
export class BoughtLabelTrackingService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async count(scope: BoughtLabelScope): Promise<number> {
    const rows: { n: number }[] = await this.ds.query(
      `SELECT count(*)::int AS n
         FROM shipment s JOIN "order" o ON o.id = s.order_id
        WHERE o.channel = $1 AND ($2::uuid IS NULL OR o.account_id = $2)
          AND s.shipped_at >= $3 AND s.shipped_at < $4 AND o.fulfillment_method <> 'CHANNEL'
          AND EXISTS (SELECT 1 FROM shipping_label l
                       WHERE l.status = 'PURCHASED' AND l.order_id = s.order_id
                         AND (l.shipment_id = s.id OR l.tracking_number = s.tracking_number))
          AND ($5::text IS NULL OR EXISTS (
                SELECT 1 FROM order_line ol
                  LEFT JOIN sku_category sc ON sc.account_id = o.account_id AND sc.sku = ol.sku
                 WHERE ol.order_id = o.id AND COALESCE(sc.category, $6) = $5))`,
      [scope.channel, scope.accountId, scope.start, scope.end, scope.category, UNCATEGORIZED],
    );
    return rows[0].n;
  }
}
