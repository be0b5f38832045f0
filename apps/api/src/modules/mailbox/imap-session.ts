import { ImapFlow, type ImapFlowError } from 'imapflow';
import type { ListedFolder } from './mail-folders';
import type { FolderCursor } from './mailbox.entity';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
}

/** The input field a connection failure is about (what the seller would correct). */
export type MailboxField = 'host' | 'port' | 'secure' | 'user' | 'password' | 'folder';

/** The mailbox could not be reached or read: the field at fault and a sentence for people. */
export class MailboxUnreachableError extends Error {
  constructor(
    readonly field: MailboxField,
    message: string,
  ) {
    super(message);
    this.name = 'MailboxUnreachableError';
  }
}

/** A message fetched from a folder, not yet parsed. */
export interface FetchedMessage {
  uid: number;
  source: Buffer;
  /** When it arrived in the mailbox (IMAP INTERNALDATE). */
  internalDate: Date | null;
}

/** Words for a failure to connect or log in, naming the field the seller should check. */
export function describeImapFailure(
  err: unknown,
  s: Pick<ImapSettings, 'host' | 'port' | 'user'>,
): MailboxUnreachableError {
  if (err instanceof MailboxUnreachableError) return err;
  const e = err as ImapFlowError;
  const where = `${s.host}:${s.port}`;
  if (e?.authenticationFailed)
    return new MailboxUnreachableError(
      'password',
      `the mail server at ${where} refused the login of ${s.user}: wrong user name or password${e.responseText ? ` (it said: ${e.responseText.replace(/\s*\[[^\]]*\]\s*$/, '')})` : ''}`,
    );
  const code: string = e?.code ?? '';
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new MailboxUnreachableError('host', `no mail server named ${s.host} could be found`);
    case 'ECONNREFUSED':
      return new MailboxUnreachableError(
        'port',
        `the mail server at ${where} refused the connection (nothing listens there)`,
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return new MailboxUnreachableError('host', `the mail server at ${where} closed the connection`);
    case 'CONNECT_TIMEOUT':
    case 'GREETING_TIMEOUT':
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
      return new MailboxUnreachableError('host', `the mail server at ${where} did not answer in time`);
    default:
      break;
  }
  if (e?.tlsFailed || /SSL|TLS|CERT/i.test(`${e?.code ?? ''} ${e?.message ?? ''}`))
    return new MailboxUnreachableError(
      'secure',
      `no secure (TLS) connection could be made with ${where}: ${e?.message ?? 'unknown TLS failure'} — check the port and the TLS setting`,
    );
  return new MailboxUnreachableError(
    'host',
    `the mail server at ${where} could not be read: ${e?.responseText || e?.message || 'unknown failure'}`,
  );
}

/** One IMAP connection that only reads: folders are opened read-only (EXAMINE), so no flag ever changes. */
export class ImapSession {
  private constructor(
    private readonly client: ImapFlow,
    private readonly settings: ImapSettings,
  ) {}

  static async open(settings: ImapSettings): Promise<ImapSession> {
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: 20_000,
      greetingTimeout: 15_000,
      socketTimeout: 120_000,
    });
    // A dropped connection is reported on the command that was running; the event must not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      client.close();
      throw describeImapFailure(err, settings);
    }
    return new ImapSession(client, settings);
  }

  async folders(): Promise<ListedFolder[]> {
    try {
      return (await this.client.list()).map((f) => ({ path: f.path, specialUse: f.specialUse, flags: f.flags }));
    } catch (err) {
      throw describeImapFailure(err, this.settings);
    }
  }

  /**
   * The messages of a folder after the cursor, oldest first, at most `limit`. A changed UIDVALIDITY (the server
   * renumbered the folder) starts the folder again from its first message; Message-IDs keep that from repeating work.
   */
  async readAfter(
    path: string,
    cursor: FolderCursor | undefined,
    limit: number,
  ): Promise<{ uidValidity: string; messages: FetchedMessage[]; more: boolean }> {
    let lock: { release(): void };
    try {
      lock = await this.client.getMailboxLock(path, { readOnly: true });
    } catch (err) {
      const e = err as ImapFlowError;
      if (e?.responseStatus === 'NO')
        throw new MailboxUnreachableError(
          'folder',
          `the folder "${path}" can no longer be opened: ${e.responseText ?? e.message}`,
        );
      throw describeImapFailure(err, this.settings);
    }
    try {
      const box = this.client.mailbox;
      if (!box) throw new MailboxUnreachableError('folder', `the folder "${path}" could not be opened`);
      const uidValidity = String(box.uidValidity);
      const after = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
      if (box.exists === 0 || box.uidNext <= after + 1) return { uidValidity, messages: [], more: false };
      const found = (await this.client.search({ uid: `${after + 1}:*` }, { uid: true })) || [];
      // "n:*" names the last message even when its UID is below n.
      const uids = found.filter((u) => u > after).sort((a, b) => a - b);
      const take = uids.slice(0, limit);
      if (take.length === 0) return { uidValidity, messages: [], more: false };
      const fetched = await this.client.fetchAll(
        take.join(','),
        { uid: true, source: true, internalDate: true },
        { uid: true },
      );
      const messages = fetched
        .filter((m) => m.source)
        .map((m) => ({
          uid: m.uid,
          source: m.source!,
          internalDate: m.internalDate ? new Date(m.internalDate) : null,
        }))
        .sort((a, b) => a.uid - b.uid);
      return { uidValidity, messages, more: uids.length > take.length };
    } catch (err) {
      if (err instanceof MailboxUnreachableError) throw err;
      throw describeImapFailure(err, this.settings);
    } finally {
      lock.release();
    }
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => this.client.close());
  }
}
