import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, NotFoundError } from 'src/common/errors/app-error';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { CredentialsCipher } from 'src/modules/channels/credentials-cipher';
import { LeaseHolder } from 'src/modules/jobs/lease-holder';
import { ImapSession, MailboxUnreachableError } from './imap-session';
import { MailDispatchService } from './mail-dispatch.service';
import { foldersToRead, resolveFolders } from './mail-folders';
import type { MailSyncStateEntity } from './mail-sync-state.entity';
import { MailSyncStateRepository } from './mail-sync-state.repository';
import type { FolderCursor, MailboxEntity } from './mailbox.entity';
import { MailboxRepository } from './mailbox.repository';

/** Every enabled mailbox is read this often. */
export const MAIL_SYNC_EVERY_MS = 2 * 60_000;
/** At most this many messages a run, across its folders: a large backlog is read over several runs. */
export const MAX_MESSAGES_PER_RUN = 200;
const LEASE_MS = 10 * 60_000;
const MAX_BACKOFF_MINUTES = 60;

export type MailRunOutcome = 'DONE' | 'FAILED' | 'BUSY' | 'DISABLED';

/**
 * Reads a mailbox: INBOX, then the junk and sent folders, each from the last UID processed (per UIDVALIDITY),
 * oldest first, every message through the dispatcher. Folders are opened read-only, so nothing is marked read. A
 * message a handler failed on stops its folder there (it and what follows are read again next run). A mailbox that
 * cannot be reached backs off 1, 2, 4 … 60 minutes with the reason in words in `last_error`.
 */
@Injectable()
export class MailboxSyncService {
  private readonly log = new Logger('MailboxSync');
  private readonly cipher: CredentialsCipher;

  constructor(
    private readonly mailboxes: MailboxRepository,
    private readonly states: MailSyncStateRepository,
    private readonly dispatch: MailDispatchService,
    private readonly holder: LeaseHolder,
    @InjectConfig() config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
  }

  state(mailboxId: string): Promise<MailSyncStateEntity> {
    return this.states.get(mailboxId);
  }

  /** The schedule's pass: every enabled mailbox whose next run is due, one at a time. */
  async runDue(now = new Date()): Promise<number> {
    const enabled = await this.mailboxes.listEnabled();
    let ran = 0;
    for (const id of await this.states.dueAmong(
      enabled.map((m) => m.id),
      now,
    )) {
      const outcome = await this.run(
        enabled.find((m) => m.id === id)!,
        new Date(),
      );
      if (outcome === 'DONE' || outcome === 'FAILED') ran += 1;
    }
    return ran;
  }

  /** Reads the mailbox now (an operator's refresh) and answers where it stands, the failure in `lastError`. */
  async refreshNow(mailboxId: string): Promise<MailSyncStateEntity> {
    const mailbox = await this.mailboxes.findById(mailboxId);
    if (!mailbox) throw new NotFoundError('Mailbox', mailboxId);
    if (!mailbox.enabled)
      throw new ConflictError(`Mailbox ${mailbox.name} is turned off: turn it on before reading it.`);
    await this.run(mailbox, new Date());
    return this.states.get(mailboxId);
  }

  /** One run over the mailbox; `limit` caps the messages it takes across its folders (the rest wait for the next). */
  async run(mailbox: MailboxEntity, now: Date, limit = MAX_MESSAGES_PER_RUN): Promise<MailRunOutcome> {
    if (!mailbox.enabled) return 'DISABLED';
    const state = await this.states.claim(mailbox.id, this.holder.id, now, new Date(now.getTime() + LEASE_MS));
    if (!state) return 'BUSY';
    let read = 0;
    try {
      const { password } = this.cipher.decrypt(mailbox.passwordEncrypted);
      const session = await ImapSession.open({
        host: mailbox.host,
        port: mailbox.port,
        secure: mailbox.secure,
        user: mailbox.username,
        password,
      });
      let more = false;
      const stuck: string[] = [];
      try {
        const resolved = resolveFolders(await session.folders(), mailbox);
        if ('field' in resolved) throw new MailboxUnreachableError('folder', `${resolved.field}: ${resolved.message}`);
        if (JSON.stringify(resolved.folders) !== JSON.stringify(mailbox.folders))
          await this.mailboxes.setFolders(mailbox.id, resolved.folders);
        let budget = limit;
        for (const folder of foldersToRead(resolved.folders)) {
          if (budget <= 0) {
            more = true;
            break;
          }
          const known = mailbox.folderCursors[folder.path];
          const batch = await session.readAfter(folder.path, known, budget);
          const cursor: FolderCursor = {
            uidValidity: batch.uidValidity,
            lastUid: known && known.uidValidity === batch.uidValidity ? known.lastUid : 0,
          };
          let blocked = false;
          for (const message of batch.messages) {
            const taken = await this.dispatch.take(mailbox.id, folder, message);
            if (taken.outcome === 'RETRY') {
              stuck.push(`${folder.path} message ${message.uid}: ${taken.error}`);
              blocked = true;
              break;
            }
            cursor.lastUid = message.uid;
            budget -= 1;
            read += 1;
            await this.mailboxes.setCursor(mailbox.id, folder.path, cursor);
          }
          if (!known || known.uidValidity !== cursor.uidValidity)
            await this.mailboxes.setCursor(mailbox.id, folder.path, cursor);
          if (batch.more && !blocked) more = true;
        }
      } finally {
        await session.close();
      }
      await this.states.release(mailbox.id, this.holder.id, {
        lastSuccessAt: new Date(),
        lastError: stuck.length
          ? `Read, but a message waits for the next run because a part of the hub could not take it: ${stuck.join('; ')}`.slice(
              0,
              4000,
            )
          : null,
        consecutiveFailures: 0,
        messagesRead: state.messagesRead + read,
        // A backlog larger than one run's share is read on at the next tick.
        nextRunAt: new Date(Date.now() + (more ? 0 : MAIL_SYNC_EVERY_MS)),
      });
      return 'DONE';
    } catch (err) {
      const failures = state.consecutiveFailures + 1;
      const backoffMinutes = Math.min(MAX_BACKOFF_MINUTES, 2 ** (failures - 1));
      const words =
        err instanceof MailboxUnreachableError
          ? `The mailbox ${mailbox.name} could not be read: ${err.message}`
          : `The mailbox ${mailbox.name} could not be read: an unexpected failure in the hub (its log has the details)`;
      if (!(err instanceof MailboxUnreachableError))
        this.log.error(`Mailbox ${mailbox.id} run failed: ${String((err as Error)?.message).slice(0, 300)}`);
      await this.states.release(mailbox.id, this.holder.id, {
        consecutiveFailures: failures,
        lastError: `${words} (attempt ${failures}; next try in ${backoffMinutes} min)`,
        messagesRead: state.messagesRead + read,
        nextRunAt: new Date(Date.now() + backoffMinutes * 60_000),
      });
      return 'FAILED';
    }
  }
}
