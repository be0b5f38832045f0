import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiRole } from '@order-hub/types';
import { DataSource, IsNull } from 'typeorm';
import type { Caller } from './caller';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ApiTokenEntity } from './api-token.entity';
import { displayPrefix, hashTokenSecret, newTokenSecret } from './token-secret';

/** Recording every use would write on every request; once a minute says enough about activity. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiTokensService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async authenticate(secret: string): Promise<Caller | null> {
    const repo = this.ds.getRepository(ApiTokenEntity);
    const token = await repo.findOne({ where: { tokenHash: hashTokenSecret(secret), revokedAt: IsNull() } });
    if (!token) return null;
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await repo.update({ id: token.id }, { lastUsedAt: new Date() });
    }
    return { tokenId: token.id, name: token.name, role: token.role };
  }

  list(): Promise<ApiTokenEntity[]> {
    return this.ds.getRepository(ApiTokenEntity).find({ order: { createdAt: 'ASC' } });
  }

  async get(id: string): Promise<ApiTokenEntity> {
    const token = await this.ds.getRepository(ApiTokenEntity).findOneBy({ id });
    if (!token) throw new NotFoundError('API token', id);
    return token;
  }

  /** Returns the secret once; only its hash is kept. */
  async create(name: string, role: ApiRole, actor: string): Promise<{ token: ApiTokenEntity; secret: string }> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 120) {
      throw new BadUserInputError('input.name', 'must be 1 to 120 characters.');
    }
    return this.ds.transaction(async (em) => {
      const secret = newTokenSecret();
      const token = await em.getRepository(ApiTokenEntity).save(
        em.getRepository(ApiTokenEntity).create({
          name: trimmed,
          role,
          tokenHash: hashTokenSecret(secret),
          prefix: displayPrefix(secret),
          createdBy: actor,
        }),
      );
      await this.audit.record(em, {
        actor,
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: token.id,
        after: { name: token.name, role: token.role, prefix: token.prefix },
      });
      return { token, secret };
    });
  }

  async revoke(id: string, caller: Caller, actor: string): Promise<ApiTokenEntity> {
    if (id === caller.tokenId) {
      throw new ConflictError('A token cannot revoke itself: use another admin token, so an admin always remains.');
    }
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(ApiTokenEntity);
      const token = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token) throw new NotFoundError('API token', id);
      if (token.revokedAt)
        throw new ConflictError(`API token ${id} was already revoked at ${token.revokedAt.toISOString()}.`);
      token.revokedAt = new Date();
      await repo.save(token);
      await this.audit.record(em, {
        actor,
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: token.id,
        before: { revokedAt: null },
        after: { revokedAt: token.revokedAt.toISOString() },
      });
      return token;
    });
  }

  /**
   * On an empty database, creates the first admin token and returns its secret; otherwise null. The table
   * lock makes two processes starting at once agree on a single first token.
   */
  async createFirstAdminIfNone(): Promise<string | null> {
    return this.ds.transaction(async (em) => {
      await em.query('LOCK TABLE "api_token" IN EXCLUSIVE MODE');
      if ((await em.getRepository(ApiTokenEntity).count()) > 0) return null;
      const secret = newTokenSecret();
      const token = await em.getRepository(ApiTokenEntity).save(
        em.getRepository(ApiTokenEntity).create({
          name: 'first admin',
          role: ApiRole.ADMIN,
          tokenHash: hashTokenSecret(secret),
          prefix: displayPrefix(secret),
          createdBy: 'system:first-start',
        }),
      );
      await this.audit.record(em, {
        actor: 'system:first-start',
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: token.id,
        after: { name: token.name, role: token.role, prefix: token.prefix },
      });
      return secret;
    });
  }
}
