import { Injectable } from '@nestjs/common';
import { ApiRole, UserStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { Transactions } from 'src/common/database/transactions';
import { ConflictError, NotFoundError } from 'src/common/errors/app-error';
import type { Caller } from 'src/common/graphql/graphql-context';
import { AuditService } from 'src/modules/audit/audit.service';
import { actorOf } from 'src/modules/auth/caller';
import { SessionsService } from 'src/modules/auth/sessions/sessions.service';
import { checkPersonName } from './email-address';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * What an admin does to a person: rename, change role, disable, enable, reset their second factor. An admin cannot
 * demote or disable themselves, and nobody can demote or disable the last active admin.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Name and role (either may be left out); an invited person's role can change before they accept. */
  async update(
    id: string,
    input: { name?: string | null; role?: ApiRole | null },
    caller: Caller,
  ): Promise<UserEntity> {
    const name = input.name == null ? null : checkPersonName(input.name, 'input.name');
    const role = input.role ?? null;
    return this.tx.run(async (em) => {
      const user = await this.lockUser(id, em, role !== null && role !== ApiRole.ADMIN);
      const actor = actorOf(caller);
      if (role && role !== user.role) {
        if (user.role === ApiRole.ADMIN)
          await this.checkAdminMayGo(user, caller, em, 'You cannot change your own role');
        await this.users.update(user.id, { role }, em);
        await this.audit.record(em, {
          actor,
          action: 'user.role_changed',
          entityType: 'user',
          entityId: user.id,
          before: { role: user.role },
          after: { role },
        });
        user.role = role;
      }
      if (name && name !== user.name) {
        await this.users.update(user.id, { name }, em);
        await this.audit.record(em, {
          actor,
          action: 'user.renamed',
          entityType: 'user',
          entityId: user.id,
          before: { name: user.name },
          after: { name },
        });
        user.name = name;
      }
      return user;
    });
  }

  /** Stops the person at once: their sessions end, and their tokens are refused from the next request. */
  async disable(id: string, caller: Caller): Promise<UserEntity> {
    return this.tx.run(async (em) => {
      const user = await this.lockUser(id, em, true);
      if (user.status === UserStatus.DISABLED) {
        throw new ConflictError(`User ${user.email} is already disabled (since ${user.disabledAt?.toISOString()}).`);
      }
      if (user.role === ApiRole.ADMIN) await this.checkAdminMayGo(user, caller, em, 'You cannot disable yourself');
      const now = new Date();
      await this.users.update(user.id, { status: UserStatus.DISABLED, disabledAt: now }, em);
      const ended = await this.sessions.revokeAllForUser(user.id, undefined, em);
      await this.audit.record(em, {
        actor: actorOf(caller),
        action: 'user.disabled',
        entityType: 'user',
        entityId: user.id,
        before: { status: user.status },
        after: { status: UserStatus.DISABLED, sessionsEnded: ended },
      });
      return { ...user, status: UserStatus.DISABLED, disabledAt: now };
    });
  }

  /** Lets a disabled person in again: ACTIVE if they had set up a way in, INVITED if they never had. */
  async enable(id: string, caller: Caller): Promise<UserEntity> {
    return this.tx.run(async (em) => {
      const user = await this.lockUser(id, em, false);
      if (user.status !== UserStatus.DISABLED) {
        throw new ConflictError(`User ${user.email} is not disabled (${user.status}).`);
      }
      const status = user.lastSignInAt || user.ssoSubject ? UserStatus.ACTIVE : UserStatus.INVITED;
      await this.users.update(user.id, { status, disabledAt: null, failedSignIns: 0, lockedUntil: null }, em);
      await this.audit.record(em, {
        actor: actorOf(caller),
        action: 'user.enabled',
        entityType: 'user',
        entityId: user.id,
        before: { status: user.status },
        after: { status },
      });
      return { ...user, status, disabledAt: null, failedSignIns: 0, lockedUntil: null };
    });
  }

  /**
   * Clears the person's authenticator (TOTP) and recovery codes and ends their sessions (an admin resetting their
   * own keeps the session they are using): they set up a second factor again at their next sign-in.
   */
  async resetMfa(id: string, caller: Caller): Promise<UserEntity> {
    return this.tx.run(async (em) => {
      const user = await this.lockUser(id, em, false);
      await this.users.updateMfa(
        user.id,
        { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] },
        em,
      );
      const keep = caller.userId === user.id ? (caller.sessionId ?? undefined) : undefined;
      const ended = await this.sessions.revokeAllForUser(user.id, keep, em);
      await this.audit.record(em, {
        actor: actorOf(caller),
        action: 'user.mfa_reset',
        entityType: 'user',
        entityId: user.id,
        before: { mfaEnabled: user.totpEnabledAt !== null },
        after: { mfaEnabled: false, sessionsEnded: ended },
      });
      return { ...user, totpEnabledAt: null };
    });
  }

  /**
   * The person locked for the change. When the change may remove an admin, the active admins are locked first
   * (always in the same order), so two admins demoting each other at once cannot leave none.
   */
  private async lockUser(id: string, em: EntityManager, mayRemoveAdmin: boolean): Promise<UserEntity> {
    if (mayRemoveAdmin) await this.users.lockActiveAdminIds(em);
    const user = await this.users.lockById(id, em);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  private async checkAdminMayGo(user: UserEntity, caller: Caller, em: EntityManager, self: string): Promise<void> {
    if (caller.userId === user.id) {
      throw new ConflictError(`${self}: ask another admin, so an admin always remains.`);
    }
    if (user.status !== UserStatus.ACTIVE) return;
    const admins = await this.users.lockActiveAdminIds(em);
    if (admins.length <= 1) {
      throw new ConflictError(`${user.email} is the last active admin: make someone else an admin first.`);
    }
  }
}
