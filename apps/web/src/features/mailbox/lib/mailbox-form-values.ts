import type { MailboxView } from './mailbox-views';

/** What the mailbox form holds, as typed; the password is never pre-filled. */
export interface MailboxFormValues {
  name: string;
  host: string;
  port: string;
  secure: boolean;
  user: string;
  password: string;
  junkFolder: string;
  sentFolder: string;
  accountIds: string[];
}

export type MailboxFormField = keyof MailboxFormValues;

/** Where the api's `extensions.field` points in this form (connect and update both name their input `input`). */
export const MAILBOX_INPUT_PATHS: Readonly<Record<string, MailboxFormField>> = {
  'input.name': 'name',
  'input.host': 'host',
  'input.port': 'port',
  'input.secure': 'secure',
  'input.user': 'user',
  'input.password': 'password',
  'input.junkFolder': 'junkFolder',
  'input.sentFolder': 'sentFolder',
  'input.accountIds': 'accountIds',
  name: 'name',
  host: 'host',
  port: 'port',
  user: 'user',
  password: 'password',
  junkFolder: 'junkFolder',
  sentFolder: 'sentFolder',
  accountIds: 'accountIds',
};

export function newMailboxValues(): MailboxFormValues {
  return {
    name: '',
    host: '',
    port: '993',
    secure: true,
    user: '',
    password: '',
    junkFolder: '',
    sentFolder: '',
    accountIds: [],
  };
}

/** A mailbox in the form: its settings as stored, the password empty (it is write-only). */
export function mailboxValues(mailbox: MailboxView): MailboxFormValues {
  return {
    name: mailbox.name,
    host: mailbox.host,
    port: String(mailbox.port),
    secure: mailbox.secure,
    user: mailbox.user,
    password: '',
    junkFolder: mailbox.folders.junk ?? '',
    sentFolder: mailbox.folders.sent ?? '',
    accountIds: [...mailbox.accountIds],
  };
}

/** What the browser can say before asking the server: empty required fields, a port that is not one. */
export function checkMailboxValues(
  values: MailboxFormValues,
  mode: 'connect' | 'edit',
): Partial<Record<MailboxFormField, string>> {
  const errors: Partial<Record<MailboxFormField, string>> = {};
  if (!values.name.trim()) errors.name = 'Give the mailbox a name, e.g. Orders inbox.';
  if (!values.host.trim()) errors.host = 'The IMAP server’s host name is needed, e.g. imap.gmail.com.';
  const port = Number(values.port.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    errors.port = 'The port is a whole number from 1 to 65535 (993 with TLS, 143 without).';
  if (!values.user.trim()) errors.user = 'The user name the mailbox signs in with is needed.';
  if (mode === 'connect' && !values.password) errors.password = 'The password is needed to connect.';
  return errors;
}

export interface MailboxInputValues {
  name: string;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password?: string;
  junkFolder?: string | null;
  sentFolder?: string | null;
  accountIds: string[];
}

/**
 * The input for connect or update: an empty folder override means "find it by its IMAP flag" (null on connect, "" on
 * update, where null would keep the old name), an empty password on edit keeps the stored one (left out).
 */
export function toMailboxInput(values: MailboxFormValues, mode: 'connect' | 'edit' = 'connect'): MailboxInputValues {
  const none = mode === 'connect' ? null : '';
  return {
    name: values.name.trim(),
    host: values.host.trim(),
    port: Number(values.port.trim()),
    secure: values.secure,
    user: values.user.trim(),
    ...(values.password && { password: values.password }),
    junkFolder: values.junkFolder.trim() || none,
    sentFolder: values.sentFolder.trim() || none,
    accountIds: values.accountIds,
  };
}
