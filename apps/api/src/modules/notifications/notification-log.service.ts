import { Injectable } from '@nestjs/common';
import type { NotificationDeliveryStatus } from '@order-hub/types';
import { BadUserInputError } from 'src/common/errors/app-error';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import type { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { UUID } from 'src/common/validation/uuid';

const SORT = 'notification_deliveries:created_desc';
export interface DeliveryPage {
  rows: { delivery: NotificationDeliveryEntity; cursor: string }[];
  hasNextPage: boolean;
}

/** The delivery log, newest first. */
@Injectable()
export class NotificationLogService {
  constructor(private readonly deliveries: NotificationDeliveriesRepository) {}

  async page(
    filter: { ruleId?: string | null; status?: NotificationDeliveryStatus | null },
    first: number,
    after: string | null,
  ): Promise<DeliveryPage> {
    let from: { at: string; id: string } | null = null;
    if (after) {
      const [at, id] = decodeCursor(after, SORT);
      if (Number.isNaN(Date.parse(String(at))) || !UUID.test(String(id)))
        throw new BadUserInputError('after', 'is not a cursor returned by this list.');
      from = { at: String(at), id: String(id) };
    }
    const found = await this.deliveries.page(filter, first + 1, from);
    return {
      rows: found.slice(0, first).map((d) => ({
        delivery: d,
        cursor: encodeCursor(SORT, [d.createdAt.toISOString(), d.id]),
      })),
      hasNextPage: found.length > first,
    };
  }
}
