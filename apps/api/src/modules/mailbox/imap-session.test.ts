import { describeImapFailure } from './imap-session';

const at = { host: 'imap.example.com', port: 993, user: 'me@example.com' };

describe('IMAP failures in words', () => {
  it.each([
    [
      { authenticationFailed: true, responseText: 'Authentication failed. [x]' },
      'password',
      /refused the login of me@example.com: wrong user name or password \(it said: Authentication failed.\)/,
    ],
    [{ code: 'ENOTFOUND' }, 'host', /no mail server named imap.example.com/],
    [{ code: 'ECONNREFUSED' }, 'port', /refused the connection/],
    [{ code: 'CONNECT_TIMEOUT' }, 'host', /did not answer in time/],
    [
      { code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'wrong version number' },
      'secure',
      /no secure \(TLS\) connection/,
    ],
  ])('%j names %s', (err, field, message) => {
    const e = describeImapFailure(Object.assign(new Error((err as { message?: string }).message ?? 'x'), err), at);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });
});
