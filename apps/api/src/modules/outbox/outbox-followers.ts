import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEntity } from './outbox.entity';

/**
 * Hub state kept outside the order that a delivered call settles (a return's refunded units once the channel shows
 * the refund). Run in the transaction that marks the row DELIVERED, so the two never disagree.
 */
export interface OutboxFollower {
  delivered(em: EntityManager, row: OutboxEntity): Promise<void>;
}

/**
 * Where modules that follow outbox deliveries register (from their own onModuleInit): the outbox does not import
 * them, so a module that itself queues calls (actions, returns) can follow them without an import cycle.
 */
@Injectable()
export class OutboxFollowers {
  private readonly followers: OutboxFollower[] = [];

  register(follower: OutboxFollower): void {
    if (!this.followers.includes(follower)) this.followers.push(follower);
  }

  async delivered(em: EntityManager, row: OutboxEntity): Promise<void> {
    for (const follower of this.followers) await follower.delivered(em, row);
  }
}
