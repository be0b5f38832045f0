import { Injectable } from '@nestjs/common';
import { ApiRole, SignInMethod, UserLinkPurpose, UserStatus } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { Transactions } from 'src/common/database/transactions';
import { isUniqueViolation } from 'src/common/database/sql-state';
import { ConflictError } from 'src/common/errors/app-error';
import { AuditService } from 'src/modules/audit/audit.service';
import { MailerService } from 'src/modules/mail/mailer.service';
import { checkEmailAddress, checkPersonName, emailKeyOf } from './email-address';
import { invitationEmail } from './emails/invitation-email';
import { LinkRefusedError } from './links/link-refused.error';
import { linkUrl } from './links/one-time-link';
import { UserLinksService } from './links/user-links.service';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** A one-time link made for a person: the URL is shown once (and e-mailed when SMTP is configured). */
export interface IssuedLink {
  user: UserEntity;
  link: string;
  expiresAt: Date;
  emailed: boolean;
}

/** Invitations: an admin invites a person by e-mail; the person opens the link, chooses a password, is signed in. */
@Injectable()
export class UserInvitationsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly links: UserLinksService,
    private readonly mailer: MailerService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** A new INVITED person with an invitation link (7 days). Fields named as in `inviteUser(input)`. */
  async invite(
    input: { email: string; name: string; role: ApiRole },
    actor: string,
    origin: string,
  ): Promise<IssuedLink> {
    const email = checkEmailAddress(input.email, 'input.email');
    const name = checkPersonName(input.name, 'input.name');
    const issued = await this.tx
      .run(async (em) => {
        const existing = await this.users.findByEmailKey(emailKeyOf(email), em);
        if (existing) throw alreadyExists(email, existing);
        const user = await this.users.insert(
          { email, emailKey: emailKeyOf(email), name, role: input.role, status: UserStatus.INVITED, createdBy: actor },
          em,
        );
        await this.audit.record(em, {
          actor,
          action: 'user.invited',
          entityType: 'user',
          entityId: user.id,
          after: { email: user.email, name: user.name, role: user.role },
        });
        return { user, ...(await this.links.issue(user.id, UserLinkPurpose.INVITATION, actor, em)) };
      })
      .catch((err: unknown) => {
        // Two admins inviting the same address at once: the second finds the unique key taken.
        if (isUniqueViolation(err)) throw new ConflictError(`A user with the e-mail ${email} already exists.`);
        throw err;
      });
    return this.deliver(issued, actor, origin);
  }

  /** A fresh invitation for a person who has not accepted yet (the older link stops working). */
  async reissue(user: UserEntity, actor: string, em: EntityManager) {
    await this.audit.record(em, {
      actor,
      action: 'user.invited',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role, reissued: true },
    });
    return { user, ...(await this.links.issue(user.id, UserLinkPurpose.INVITATION, actor, em)) };
  }

  /**
   * First start: while no ACTIVE admin exists, an INVITED admin with this e-mail (created, or the one from an
   * earlier start) and a fresh invitation; null once an admin has signed up. The table lock makes two processes
   * starting at once agree on one person.
   */
  async inviteFirstAdmin(
    input: { email: string; name: string; sendEmail: boolean },
    origin: string,
  ): Promise<IssuedLink | null> {
    const actor = 'system:first-start';
    const issued = await this.tx.run(async (em) => {
      await em.query('LOCK TABLE "app_user" IN EXCLUSIVE MODE');
      if (await this.users.hasActiveAdmin(em)) return null;
      const email = checkEmailAddress(input.email, 'ADMIN_EMAIL');
      let user = await this.users.findByEmailKey(emailKeyOf(email), em);
      if (user && (user.role !== ApiRole.ADMIN || user.status !== UserStatus.INVITED)) {
        await this.users.update(user.id, { role: ApiRole.ADMIN, status: UserStatus.INVITED }, em);
        user = { ...user, role: ApiRole.ADMIN, status: UserStatus.INVITED };
      }
      user ??= await this.users.insert(
        {
          email,
          emailKey: emailKeyOf(email),
          name: input.name,
          role: ApiRole.ADMIN,
          status: UserStatus.INVITED,
          createdBy: actor,
        },
        em,
      );
      return this.reissue(user, actor, em);
    });
    if (!issued) return null;
    if (!input.sendEmail)
      return { ...issued, link: linkUrl(origin, UserLinkPurpose.INVITATION, issued.secret), emailed: false };
    return this.deliver(issued, actor, origin);
  }

  /** E-mails the link when SMTP is configured; the admin gets it either way. */
  async deliver(
    issued: { user: UserEntity; secret: string; expiresAt: Date },
    actor: string,
    origin: string,
  ): Promise<IssuedLink> {
    const link = linkUrl(origin, UserLinkPurpose.INVITATION, issued.secret);
    const emailed = await this.mailer.trySend(
      invitationEmail({
        to: issued.user.email,
        name: issued.user.name,
        invitedBy: actor,
        role: issued.user.role,
        link,
        expiresAt: issued.expiresAt,
      }),
    );
    return { user: issued.user, link, expiresAt: issued.expiresAt, emailed };
  }

  /**
   * Uses an invitation: the person chooses a password (field `password`) and optionally their name, and becomes
   * ACTIVE. Returns them, ready for a session (method INVITATION).
   */
  async accept(secret: string, password: string, name: string | null): Promise<UserEntity> {
    const checkedName = name === null ? null : checkPersonName(name, 'name');
    return this.tx.run(async (em) => {
      const link = await this.links.use(secret, UserLinkPurpose.INVITATION, em);
      const user = await this.users.lockById(link.userId, em);
      if (!user || user.status === UserStatus.DISABLED) {
        throw new LinkRefusedError(410, 'This account has been disabled: ask an admin.');
      }
      const actor = `user:${user.email}`;
      await this.usersService.setPassword(user.id, password, actor, em);
      const now = new Date();
      const changes = { status: UserStatus.ACTIVE, name: checkedName ?? user.name, lastSignInAt: now };
      await this.users.update(user.id, changes, em);
      await this.audit.record(em, {
        actor,
        action: 'user.invitation_accepted',
        entityType: 'user',
        entityId: user.id,
        before: { status: user.status },
        after: { status: UserStatus.ACTIVE, method: SignInMethod.INVITATION },
      });
      return { ...user, ...changes };
    });
  }
}

function alreadyExists(email: string, existing: UserEntity): ConflictError {
  const state =
    existing.status === UserStatus.INVITED
      ? 'has been invited already: make a new invitation link from the user instead'
      : existing.status === UserStatus.DISABLED
        ? 'exists and is disabled: enable the user instead'
        : 'already exists';
  return new ConflictError(`A user with the e-mail ${email} ${state}.`);
}
