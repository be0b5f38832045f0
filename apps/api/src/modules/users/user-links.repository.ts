import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserLinkPurpose } from '@order-hub/types';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { UserLinkEntity } from './user-link.entity';

/** The only way into the `user_link` table; every method joins the caller's transaction when given `em`. */
@Injectable()
export class UserLinksRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private links(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(UserLinkEntity);
  }

  insert(fields: Partial<UserLinkEntity>, em: EntityManager): Promise<UserLinkEntity> {
    const repo = this.links(em);
    return repo.save(repo.create(fields));
  }

  /** Ends the person's unused links of this purpose (a newer one supersedes them). */
  async supersede(userId: string, purpose: UserLinkPurpose, at: Date, em: EntityManager): Promise<void> {
    await this.links(em).update({ userId, purpose, usedAt: IsNull() }, { usedAt: at });
  }

  /** The link with this secret hash, locked FOR UPDATE so two uses at once find it unused only once. */
  lockBySecretHash(secretHash: string, em: EntityManager): Promise<UserLinkEntity | null> {
    return this.links(em).findOne({ where: { secretHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(id: string, at: Date, em: EntityManager): Promise<void> {
    await this.links(em).update({ id }, { usedAt: at });
  }

  existsCreatedSince(userId: string, purpose: UserLinkPurpose, since: Date, em?: EntityManager): Promise<boolean> {
    return this.links(em).exists({ where: { userId, purpose, createdAt: MoreThan(since) } });
  }
}
