import type { MailMessage } from 'src/modules/mail/mailer.service';
import { escapeHtml } from './escape-html';

/** The password reset: the link, that it works for 1 hour, and what to do if you did not ask. */
export function passwordResetEmail(e: { to: string; name: string; link: string; expiresAt: Date }): MailMessage {
  const until = e.expiresAt.toUTCString();
  const text = [
    `Hello ${e.name},`,
    '',
    'Someone asked to reset the password of your Order Hub account. Open this link to choose a new one:',
    '',
    e.link,
    '',
    `The link works once, for 1 hour (until ${until}).`,
    "If this wasn't you, ignore this e-mail: your password stays as it is.",
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(e.name)},</p>
<p>Someone asked to reset the password of your Order Hub account.</p>
<p><a href="${escapeHtml(e.link)}">Choose a new password</a></p>
<p>The link works once, for 1 hour (until ${escapeHtml(until)}).</p>
<p>If this wasn't you, ignore this e-mail: your password stays as it is.</p>`;
  return { to: e.to, subject: 'Reset your Order Hub password', text, html };
}
