import { isFailing, lastReadWords, messagesReadWords, nextReadWords } from './mail-sync-words';
import { checkMailboxValues, mailboxValues, newMailboxValues, toMailboxInput } from './mailbox-form-values';

const NOW = Date.parse('2026-12-03T12:00:00Z');

test('the form says, beside each field, what is missing or not a port', () => {
  expect(checkMailboxValues({ ...newMailboxValues(), port: '99999' }, 'connect')).toEqual({
    name: 'Give the mailbox a name, e.g. Orders inbox.',
    host: 'The IMAP server’s host name is needed, e.g. imap.gmail.com.',
    port: 'The port is a whole number from 1 to 65535 (993 with TLS, 143 without).',
    user: 'The user name the mailbox signs in with is needed.',
    password: 'The password is needed to connect.',
  });
  const filled = { ...newMailboxValues(), name: 'Orders', host: 'imap.example.com', user: 'orders@example.com' };
  expect(checkMailboxValues(filled, 'edit')).toEqual({});
});

test('the input trims, leaves an empty password out (kept on edit) and sends empty folder overrides as null', () => {
  const values = {
    ...newMailboxValues(),
    name: ' Orders ',
    host: ' imap.example.com ',
    port: '143',
    secure: false,
    user: 'orders@example.com',
    junkFolder: ' Spam ',
    accountIds: ['acc-w'],
  };
  expect(toMailboxInput(values)).toEqual({
    name: 'Orders',
    host: 'imap.example.com',
    port: 143,
    secure: false,
    user: 'orders@example.com',
    junkFolder: 'Spam',
    sentFolder: null,
    accountIds: ['acc-w'],
  });
  expect(toMailboxInput({ ...values, password: 's3cret' }).password).toBe('s3cret');
  expect(toMailboxInput(values, 'edit')).toMatchObject({ junkFolder: 'Spam', sentFolder: '' });
});

test('a stored mailbox fills the form without its password', () => {
  const values = mailboxValues({
    id: 'mbx-1',
    name: 'Orders',
    host: 'imap.example.com',
    port: 993,
    secure: true,
    user: 'orders@example.com',
    folders: { inbox: 'INBOX', junk: 'Junk', sent: null },
    enabled: true,
    accountIds: ['acc-w'],
    sync: { messagesRead: 0 },
  });
  expect(values).toMatchObject({
    port: '993',
    password: '',
    junkFolder: 'Junk',
    sentFolder: '',
    accountIds: ['acc-w'],
  });
});

test('the status reads in words: last read, next read, messages read, failing or not', () => {
  const sync = {
    lastRunAt: '2026-12-03T11:58:00Z',
    lastSuccessAt: '2026-12-03T11:55:00Z',
    lastError: 'The server refused the password for orders@example.com.',
    nextRunAt: '2026-12-03T12:02:00Z',
    messagesRead: 1,
  };
  expect(lastReadWords(sync, 'America/New_York', NOW)).toBe('5 min ago (Dec 3, 06:55 EST)');
  expect(nextReadWords(sync, NOW)).toBe('in 2 min');
  expect(nextReadWords({ ...sync, nextRunAt: '2026-12-03T11:00:00Z' }, NOW)).toBe('due now');
  expect(messagesReadWords(1)).toBe('1 message read');
  expect(messagesReadWords(12)).toBe('12 messages read');
  expect(isFailing(sync)).toBe(true);
  expect(isFailing({ ...sync, lastSuccessAt: '2026-12-03T11:59:00Z' })).toBe(false);
  expect(lastReadWords({ messagesRead: 0 }, undefined, NOW)).toBe('Not read yet');
});
