import { Injectable } from '@nestjs/common';
import { ApiRole, roleAtLeast, UserStatus } from '@order-hub/types';
import type { AuthOutcome, Caller } from './caller';
import { BadUserInputError, ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { UsersService } from 'src/modules/users/users.service';
import type { Person } from './person';
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
    private readonly users: UsersService,
  ) {}

  /** The caller a secret stands for, or why it is refused (unknown, revoked or expired). */
  async check(secret: string): Promise<AuthOutcome> {
    const token = await this.tokens.findActiveByHash(hashTokenSecret(secret));
    if (!token) return { refused: 'The API token is unknown or has been revoked.' };
    const now = new Date();
    if (token.expiresAt && token.expiresAt <= now) {
      return { refused: `The API token expired at ${token.expiresAt.toISOString()}: ask an admin for a new one.` };
    }
    const user = token.userId ? await this.users.findById(token.userId) : null;
    if (token.userId) {
      if (!user || user.status === UserStatus.DISABLED) return { refused: "The API token's user is disabled." };
      if (user.status !== UserStatus.ACTIVE) {
        return { refused: "The API token's user has not accepted their invitation yet." };
      }
    }
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.touchLastUsed(token.id, now);
    }
    if (!user)
      return { caller: { tokenId: token.id, sessionId: null, userId: null, name: token.name, role: token.role } };
    // A person's token acts as them, with no more rights than they have now (a demotion applies at once).
    const role = roleAtLeast(user.role, token.role) ? token.role : user.role;
    return { caller: { tokenId: token.id, sessionId: null, userId: user.id, name: user.email, role } };
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

  /**
   * Returns the secret once; only its hash is kept. With `userId` the token acts for that (active) person, with at
   * most their role; without, it is a named integration's.
   */
  async create(
    name: string,
    role: ApiRole,
    actor: string,
    expiresAt: Date | null = null,
    userId: string | null = null,
  ): Promise<{ token: ApiTokenEntity; secret: string }> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 120) {
      throw new BadUserInputError('input.name', 'must be 1 to 120 characters.');
    }
    if (expiresAt && !(expiresAt.getTime() > Date.now())) {
      throw new BadUserInputError('input.expiresAt', `must be in the future (got ${expiresAt.toISOString()}).`);
    }
    const user = userId ? await this.activeUser(userId, role) : null;
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
          userId: user?.id ?? null,
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
          ...(user ? { user: user.email } : {}),
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

  private async activeUser(userId: string, role: ApiRole): Promise<Person> {
    const user = await this.users.findById(userId);
    if (!user) throw new BadUserInputError('input.userId', `no user has the id ${userId}.`);
    if (user.status !== UserStatus.ACTIVE) {
      throw new BadUserInputError(
        'input.userId',
        `${user.email} is ${user.status.toLowerCase()}: only an active user's token works.`,
      );
    }
    if (!roleAtLeast(user.role, role)) {
      throw new BadUserInputError('input.role', `must not exceed the user's role (${user.email} is ${user.role}).`);
    }
    return user;
  }
}
