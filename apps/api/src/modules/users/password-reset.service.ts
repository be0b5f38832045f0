import { Injectable, Logger } from '@nestjs/common';
import { UserLinkPurpose, UserStatus } from '@order-hub/types';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { Transactions } from 'src/common/database/transactions';
import { ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { AuditService } from 'src/modules/audit/audit.service';
import { SessionsService } from 'src/modules/auth/sessions/sessions.service';
import { MailerService } from 'src/modules/mail/mailer.service';
import { emailKeyOf } from './email-address';
import { passwordResetEmail } from './emails/password-reset-email';
import { LinkRefusedError } from './links/link-refused.error';
import { linkUrl } from './links/one-time-link';
import { UserLinksService } from './links/user-links.service';
import type { UserEntity } from './user.entity';
import { UserInvitationsService, type IssuedLink } from './user-invitations.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** A person asking again within this time gets no second e-mail (nobody can fill an inbox through the form). */
const REQUEST_PACE_MS = 60_000;

/** Password resets: a link an admin copies or the person requests by e-mail (1 hour), then a new password. */
@Injectable()
export class PasswordResetService {
  private readonly log = new Logger(PasswordResetService.name);
  private warnedNoPublicUrl = false;

  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly links: UserLinksService,
    private readonly invitations: UserInvitationsService,
    private readonly sessions: SessionsService,
    private readonly mailer: MailerService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * An admin's link for the person: a password reset (1 hour) for an ACTIVE person, a fresh invitation (7 days)
   * for one who has not accepted theirs yet. E-mailed too when SMTP is configured.
   */
  async createLink(userId: string, actor: string, origin: string): Promise<IssuedLink> {
    const issued = await this.tx.run(async (em) => {
      const user = await this.users.lockById(userId, em);
      if (!user) throw new NotFoundError('User', userId);
      if (user.status === UserStatus.DISABLED) {
        throw new ConflictError(`User ${user.email} is disabled: enable them before making a password reset link.`);
      }
      if (user.status === UserStatus.INVITED) {
        return { purpose: UserLinkPurpose.INVITATION, ...(await this.invitations.reissue(user, actor, em)) };
      }
      await this.audit.record(em, {
        actor,
        action: 'user.password_reset_link_created',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email },
      });
      return {
        purpose: UserLinkPurpose.PASSWORD_RESET,
        user,
        ...(await this.links.issue(user.id, UserLinkPurpose.PASSWORD_RESET, actor, em)),
      };
    });
    if (issued.purpose === UserLinkPurpose.INVITATION) return this.invitations.deliver(issued, actor, origin);
    return this.deliver(issued.user, issued.secret, issued.expiresAt, origin);
  }

  /**
   * The "forgot password" form: e-mails a reset link when SMTP and PUBLIC_URL are configured and the address is an
   * ACTIVE person's. Runs after the answer has gone (the caller does not await it), so neither the answer nor its
   * timing says whether the address exists.
   */
  async request(email: string, ip: string): Promise<void> {
    if (!this.mailer.enabled) return;
    // The request is anonymous: its Host header could point the link at another site. Links need PUBLIC_URL here.
    if (!this.config.publicUrl) {
      if (!this.warnedNoPublicUrl) {
        this.log.warn('A password reset was requested but PUBLIC_URL is not set: no reset e-mails are sent.');
        this.warnedNoPublicUrl = true;
      }
      return;
    }
    const origin = this.config.publicUrl;
    const found = await this.users.findByEmailKey(emailKeyOf(email));
    if (!found || found.status !== UserStatus.ACTIVE) return;
    if (await this.links.issuedWithin(found.id, UserLinkPurpose.PASSWORD_RESET, REQUEST_PACE_MS)) return;
    const actor = `user:${found.email}`;
    const issued = await this.tx.run(async (em) => {
      await this.audit.record(em, {
        actor,
        action: 'user.password_reset_requested',
        entityType: 'user',
        entityId: found.id,
        after: { ip },
      });
      return this.links.issue(found.id, UserLinkPurpose.PASSWORD_RESET, actor, em);
    });
    await this.deliver(found, issued.secret, issued.expiresAt, origin);
  }

  /**
   * Uses a reset link: the new password (field `password`) replaces the old one and every session of the person
   * ends (whoever knew the old password is signed out). Returns them, ready for a session (method PASSWORD_RESET).
   */
  async reset(secret: string, password: string): Promise<UserEntity> {
    return this.tx.run(async (em) => {
      const link = await this.links.use(secret, UserLinkPurpose.PASSWORD_RESET, em);
      const user = await this.users.lockById(link.userId, em);
      if (!user || user.status !== UserStatus.ACTIVE) {
        throw new LinkRefusedError(410, 'This account cannot sign in (it is disabled, or not set up): ask an admin.');
      }
      const actor = `user:${user.email}`;
      await this.usersService.setPassword(user.id, password, actor, em);
      const ended = await this.sessions.revokeAllForUser(user.id, undefined, em);
      const now = new Date();
      await this.users.update(user.id, { lastSignInAt: now }, em);
      await this.audit.record(em, {
        actor,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        after: { sessionsEnded: ended },
      });
      return { ...user, lastSignInAt: now };
    });
  }

  private async deliver(user: UserEntity, secret: string, expiresAt: Date, origin: string): Promise<IssuedLink> {
    const link = linkUrl(origin, UserLinkPurpose.PASSWORD_RESET, secret);
    const emailed = await this.mailer.trySend(passwordResetEmail({ to: user.email, name: user.name, link, expiresAt }));
    return { user, link, expiresAt, emailed };
  }
}
