import type { MailMessage } from 'src/modules/mail/mailer.service';
import { escapeHtml } from './escape-html';

export interface InvitationEmail {
  to: string;
  name: string;
  /** Who invited them, as the audit trail names people (`user:<e-mail>`, `token:<name>`). */
  invitedBy: string;
  role: string;
  link: string;
  expiresAt: Date;
}

/** The invitation: who invited you, with which role, the link to set a password, and until when it works. */
export function invitationEmail(e: InvitationEmail): MailMessage {
  const inviter = inviterName(e.invitedBy);
  const until = e.expiresAt.toUTCString();
  const text = [
    `Hello ${e.name},`,
    '',
    `${inviter} invited you to Order Hub as ${e.role}.`,
    'Open this link to choose your password and sign in:',
    '',
    e.link,
    '',
    `The link works once, until ${until}. If it has expired, ask ${inviter} for a new one.`,
    "If you weren't expecting this invitation, you can ignore this e-mail.",
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(e.name)},</p>
<p>${escapeHtml(inviter)} invited you to Order Hub as ${escapeHtml(e.role)}.</p>
<p><a href="${escapeHtml(e.link)}">Choose your password and sign in</a></p>
<p>The link works once, until ${escapeHtml(until)}. If it has expired, ask ${escapeHtml(inviter)} for a new one.</p>
<p>If you weren't expecting this invitation, you can ignore this e-mail.</p>`;
  return { to: e.to, subject: `${inviter} invited you to Order Hub`, text, html };
}

/** `user:ana@example.com` → `ana@example.com`; `token:deploy` → `deploy`; `system:first-start` → `Order Hub`. */
function inviterName(actor: string): string {
  if (actor.startsWith('system:')) return 'Order Hub';
  return actor.replace(/^(user|token):/, '');
}
