import type { MailMessage } from 'src/modules/mail/mailer.service';
import { escapeHtml } from './escape-html';

export interface InvitationEmail {
  to: string;
  name: string;
  /** Who invited them, as the audit trail names actors (`user:<e-mail>`, `token:<name>`, `system:first-start`). */
  invitedBy: string;
  role: string;
  link: string;
  expiresAt: Date;
}

/** The invitation: who invited you, with which role, the link to set a password, and until when it works. */
export function invitationEmail(e: InvitationEmail): MailMessage {
  const inviter = inviterName(e.invitedBy);
  const invited = inviter
    ? `${inviter} invited you to Order Hub as ${e.role}.`
    : `You are invited to Order Hub as ${e.role}.`;
  const askFor = inviter ?? 'an admin';
  const until = e.expiresAt.toUTCString();
  const text = [
    `Hello ${e.name},`,
    '',
    invited,
    'Open this link to choose your password and sign in:',
    '',
    e.link,
    '',
    `The link works once, until ${until}. If it has expired, ask ${askFor} for a new one.`,
    "If you weren't expecting this invitation, you can ignore this e-mail.",
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(e.name)},</p>
<p>${escapeHtml(invited)}</p>
<p><a href="${escapeHtml(e.link)}">Choose your password and sign in</a></p>
<p>The link works once, until ${escapeHtml(until)}. If it has expired, ask ${escapeHtml(askFor)} for a new one.</p>
<p>If you weren't expecting this invitation, you can ignore this e-mail.</p>`;
  const subject = inviter ? `${inviter} invited you to Order Hub` : 'You are invited to Order Hub';
  return { to: e.to, subject, text, html };
}

/** `user:ana@example.com` → `ana@example.com`; `token:deploy` → `deploy`; the first start (`system:…`) → null. */
function inviterName(actor: string): string | null {
  if (actor.startsWith('system:')) return null;
  return actor.replace(/^(user|token):/, '');
}
