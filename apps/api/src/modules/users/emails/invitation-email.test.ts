import { invitationEmail } from './invitation-email';
import { passwordResetEmail } from './password-reset-email';

const expiresAt = new Date('2026-12-10T12:00:00Z');
const link = 'https://hub.example.com/invite#abc_DEF-123';

describe('invitation and reset e-mails', () => {
  it('say who invited, the role, the link and until when', () => {
    const mail = invitationEmail({
      to: 'ana@example.com',
      name: 'Ana',
      invitedBy: 'user:boss@example.com',
      role: 'OPERATOR',
      link,
      expiresAt,
    });
    expect(mail.subject).toBe('boss@example.com invited you to Order Hub');
    expect(mail.text).toContain('boss@example.com invited you to Order Hub as OPERATOR.');
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.text).toContain('until Thu, 10 Dec 2026 12:00:00 GMT');
    expect(mail.html).toContain(`<a href="${link}">`);
  });

  it('name no inviter for the first start, and escape what the HTML shows', () => {
    const mail = invitationEmail({
      to: 'owner@example.com',
      name: '<b>Owner</b> & Co',
      invitedBy: 'system:first-start',
      role: 'ADMIN',
      link,
      expiresAt,
    });
    expect(mail.subject).toBe('You are invited to Order Hub');
    expect(mail.text).toContain('You are invited to Order Hub as ADMIN.');
    expect(mail.html).toContain('Hello &#60;b&#62;Owner&#60;/b&#62; &#38; Co,');
    expect(mail.html).not.toContain('<b>');
  });

  it('tell a reset lasts 1 hour and what to do if it was not you', () => {
    const mail = passwordResetEmail({ to: 'ana@example.com', name: 'Ana', link, expiresAt });
    expect(mail.subject).toBe('Reset your Order Hub password');
    expect(mail.text).toContain('for 1 hour');
    expect(mail.text).toContain("If this wasn't you, ignore this e-mail: your password stays as it is.");
  });
});
