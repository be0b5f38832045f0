import { Injectable } from '@nestjs/common';
import { ApiRole } from '@order-hub/types';
import type { AuthOutcome, Caller } from './caller';
import { BadUserInputError, ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import type { ApiTokenEntity } from './api-token.entity';
import { ApiTokenRepository } from './api-token.repository';
import { displayPrefix, hashTokenSecret, newTokenSecret } from './token-secret';

/** Recording every use would write on every request; once a minute says enough about activity. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** The caller a secret stands for, or why it is refused (unknown, revoked or expired). */
  async check(secret: string): Promise<AuthOutcome> {
    const token = await this.tokens.findActiveByHash(hashTokenSecret(secret));
    if (!token) return { refused: 'The API token is unknown or has been revoked.' };
    const now = new Date();
    if (token.expiresAt && token.expiresAt <= now) {
      return { refused: `The API token expired at ${token.expiresAt.toISOString()}: ask an admin for a new one.` };
    }
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.touchLastUsed(token.id, now);
    }
    return { caller: { tokenId: token.id, sessionId: null, userId: null, name: token.name, role: token.role } };
  }

  /** The caller a secret stands for; null when it is unknown, revoked or expired. */
  async authenticate(secret: string): Promise<Caller | null> {
    return (await this.check(secret)).caller ?? null;
  }

  list(): Promise<ApiTokenEntity[]> {
    return this.tokens.list();
  }

  async get(id: string): Promise<ApiTokenEntity> {
    const token = await this.tokens.findById(id);
    if (!token) throw new NotFoundError('API token', id);
    return token;
  }

  /** Returns the secret once; only its hash is kept. */
  async create(
    name: string,
    role: ApiRole,
    actor: string,
    expiresAt: Date | null = null,
  ): Promise<{ token: ApiTokenEntity; secret: string }> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 120) {
      throw new BadUserInputError('input.name', 'must be 1 to 120 characters.');
    }
    if (expiresAt && !(expiresAt.getTime() > Date.now())) {
      throw new BadUserInputError('input.expiresAt', `must be in the future (got ${expiresAt.toISOString()}).`);
    }
    return this.tx.run(async (em) => {
      const secret = newTokenSecret();
      const token = await this.tokens.insert(
        {
          name: trimmed,
          role,
          tokenHash: hashTokenSecret(secret),
          prefix: displayPrefix(secret),
          createdBy: actor,
          expiresAt,
        },
        em,
      );
      await this.audit.record(em, {
        actor,
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: token.id,
        after: {
          name: token.name,
          role: token.role,
          prefix: token.prefix,
          ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
        },
      });
      return { token, secret };
    });
  }

  async revoke(id: string, caller: Caller, actor: string): Promise<ApiTokenEntity> {
    if (id === caller.tokenId) {
      throw new ConflictError('A token cannot revoke itself: use another admin token, so an admin always remains.');
    }
    return this.tx.run(async (em) => {
      const token = await this.tokens.lockById(id, em);
      if (!token) throw new NotFoundError('API token', id);
      if (token.revokedAt)
        throw new ConflictError(`API token ${id} was already revoked at ${token.revokedAt.toISOString()}.`);
      token.revokedAt = new Date();
      await this.tokens.save(token, em);
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
    return this.tx.run(async (em) => {
      if ((await this.tokens.lockAndCount(em)) > 0) return null;
      const secret = newTokenSecret();
      const token = await this.tokens.insert(
        {
          name: 'first admin',
          role: ApiRole.ADMIN,
          tokenHash: hashTokenSecret(secret),
          prefix: displayPrefix(secret),
          createdBy: 'system:first-start',
        },
        em,
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
