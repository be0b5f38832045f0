import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity';

/** The only way into the `api_token` table; every method joins the caller's transaction when given `em`. */
@Injectable()
export class ApiTokenRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private tokens(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(ApiTokenEntity);
  }

  /** The unrevoked token with this secret hash. */
  findActiveByHash(tokenHash: string, em?: EntityManager): Promise<ApiTokenEntity | null> {
    return this.tokens(em).findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  async touchLastUsed(id: string, at: Date, em?: EntityManager): Promise<void> {
    await this.tokens(em).update({ id }, { lastUsedAt: at });
  }

  /** Every token, oldest first. */
  list(em?: EntityManager): Promise<ApiTokenEntity[]> {
    return this.tokens(em).find({ order: { createdAt: 'ASC' } });
  }

  findById(id: string, em?: EntityManager): Promise<ApiTokenEntity | null> {
    return this.tokens(em).findOneBy({ id });
  }

  /** The token locked FOR UPDATE until the transaction ends; null when there is none. */
  lockById(id: string, em: EntityManager): Promise<ApiTokenEntity | null> {
    return this.tokens(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a new token; returns it with its id and timestamps. */
  insert(fields: Partial<ApiTokenEntity>, em?: EntityManager): Promise<ApiTokenEntity> {
    const repo = this.tokens(em);
    return repo.save(repo.create(fields));
  }

  save(token: ApiTokenEntity, em?: EntityManager): Promise<ApiTokenEntity> {
    return this.tokens(em).save(token);
  }
}
