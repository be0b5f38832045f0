import { Injectable } from '@nestjs/common';
import { ApiRole, UserLinkPurpose, UserStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { Transactions } from 'src/common/database/transactions';
import { NotFoundError } from 'src/common/errors/app-error';
import { AuditService } from 'src/modules/audit/audit.service';
import { checkPasswordRules, hashPassword } from 'src/modules/auth/passwords/password';
import { emailKeyOf } from './email-address';
import { lockedUntilAfter } from './sign-in-backoff';
import type { UserEntity } from './user.entity';
import { UserLinksRepository } from './user-links.repository';
import { UsersRepository, type UserWithPassword } from './users.repository';

export interface SsoIdentity {
  /** The issuer's identifier (its URL) and the ID token's `sub`. */
  issuer: string;
  subject: string;
  /** Only an address the issuer says is verified. */
  email: string | null;
  name: string | null;
  /** Set: a person the hub does not know is created with this role; null: only existing people sign in. */
  defaultRole: ApiRole | null;
}

/**
 * Who an SSO sign-in is: the person (found by subject, else by e-mail, else created), or why none:
 * UNKNOWN (no such person and no automatic creation), DISABLED, OTHER_SUBJECT (the e-mail's person is already
 * tied to another identity at the issuer).
 */
export type SsoUserMatch =
  | { user: UserEntity; created: boolean; reason?: undefined }
  | { user: null; reason: 'UNKNOWN' | 'DISABLED' | 'OTHER_SUBJECT' };

/** The person behind a user id as the sign-in code needs it; admin operations are in UserAdminService. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly links: UserLinksRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** An ACTIVE person by e-mail (any case), with the password hash to check; null for anyone else. */
  async findActiveByEmail(email: string): Promise<UserWithPassword | null> {
    const user = await this.users.findWithPasswordByEmailKey(emailKeyOf(email));
    return user?.status === UserStatus.ACTIVE ? user : null;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /** Any status. */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmailKey(emailKeyOf(email));
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findByIds(ids);
  }

  list(): Promise<UserEntity[]> {
    return this.users.list();
  }

  hasActiveAdmin(): Promise<boolean> {
    return this.users.hasActiveAdmin();
  }

  /** A sign-in went through: when, and the failure count and lock cleared. */
  async recordSignIn(userId: string, at: Date): Promise<void> {
    await this.users.update(userId, { lastSignInAt: at, failedSignIns: 0, lockedUntil: null });
  }

  /**
   * One more refused sign-in (password or second factor): from the 5th in a row the account locks for 1 minute,
   * doubling with each further failure up to 1 hour. Returns until when it is locked (null: not locked).
   */
  async recordFailedSignIn(userId: string, at: Date): Promise<{ lockedUntil: Date | null }> {
    return this.tx.run(async (em) => {
      const failures = await this.users.addFailedSignIn(userId, em);
      if (failures === null) return { lockedUntil: null };
      const lockedUntil = lockedUntilAfter(failures, at);
      if (lockedUntil) await this.users.update(userId, { lockedUntil }, em);
      return { lockedUntil };
    });
  }

  /**
   * Sets a new password after checking the rules (field `password`); recorded as `user.password_set`. Joins `em`
   * when given (accepting an invitation sets the password with the link's use).
   */
  async setPassword(userId: string, plain: string, actor: string, em?: EntityManager): Promise<void> {
    const run = async (m: EntityManager) => {
      const user = await this.users.findById(userId, m);
      if (!user) throw new NotFoundError('User', userId);
      checkPasswordRules(plain, 'password', user.email);
      const passwordHash = await hashPassword(plain);
      await this.users.update(userId, { passwordHash }, m);
      await this.audit.record(m, {
        actor,
        action: 'user.password_set',
        entityType: 'user',
        entityId: userId,
        after: { email: user.email },
      });
    };
    return em ? run(em) : this.tx.run(run);
  }

  /**
   * The person an OpenID Connect sign-in stands for: by the issuer's subject; else by the verified e-mail (the
   * subject is then kept, and an invited person becomes active: the issuer vouched for the address the admin
   * invited); else created with `defaultRole` when set.
   */
  async findOrCreateForSso(identity: SsoIdentity, actor: string): Promise<SsoUserMatch> {
    const ssoSubject = `${identity.issuer}|${identity.subject}`;
    return this.tx.run(async (em) => {
      const bySubject = await this.users.findBySsoSubject(ssoSubject, em);
      if (bySubject) {
        return bySubject.status === UserStatus.DISABLED
          ? { user: null, reason: 'DISABLED' }
          : { user: bySubject, created: false };
      }
      if (!identity.email) return { user: null, reason: 'UNKNOWN' };
      const byEmail = await this.users.findByEmailKey(emailKeyOf(identity.email), em);
      if (byEmail) {
        const user = await this.users.lockById(byEmail.id, em);
        if (!user || user.status === UserStatus.DISABLED) return { user: null, reason: 'DISABLED' };
        if (user.ssoSubject && user.ssoSubject !== ssoSubject) return { user: null, reason: 'OTHER_SUBJECT' };
        const wasInvited = user.status === UserStatus.INVITED;
        await this.users.update(user.id, { ssoSubject, status: UserStatus.ACTIVE }, em);
        if (wasInvited) await this.links.supersede(user.id, UserLinkPurpose.INVITATION, new Date(), em);
        await this.audit.record(em, {
          actor,
          action: 'user.sso_linked',
          entityType: 'user',
          entityId: user.id,
          before: { status: user.status },
          after: { status: UserStatus.ACTIVE, issuer: identity.issuer },
        });
        return { user: { ...user, ssoSubject, status: UserStatus.ACTIVE }, created: false };
      }
      if (!identity.defaultRole) return { user: null, reason: 'UNKNOWN' };
      const email = identity.email.trim();
      const user = await this.users.insert(
        {
          email,
          emailKey: emailKeyOf(email),
          name: (identity.name?.trim() || email.split('@')[0]).slice(0, 120),
          role: identity.defaultRole,
          status: UserStatus.ACTIVE,
          ssoSubject,
          createdBy: actor,
        },
        em,
      );
      await this.audit.record(em, {
        actor,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, name: user.name, role: user.role, status: user.status, via: 'SSO' },
      });
      return { user, created: true };
    });
  }
}
