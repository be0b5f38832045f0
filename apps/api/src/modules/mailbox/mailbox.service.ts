import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { AuditService } from 'src/modules/audit/audit.service';
import { CredentialsCipher } from 'src/modules/channels/credentials-cipher';
import { ImapSession, type ImapSettings, MailboxUnreachableError } from './imap-session';
import { resolveFolders } from './mail-folders';
import { MailSyncStateRepository } from './mail-sync-state.repository';
import { MailboxEntity, type MailboxFolders } from './mailbox.entity';
import { MailboxRepository } from './mailbox.repository';

export interface MailboxSettingsInput {
  name: string;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  junkFolder?: string | null;
  sentFolder?: string | null;
  accountIds?: string[] | null;
}

/** A change: absent = unchanged (the password too). */
export type MailboxChange = Partial<MailboxSettingsInput> & { enabled?: boolean };

/** The input field a connection failure names (`user` is the GraphQL field of the login name). */
const fieldOf = (e: MailboxUnreachableError) => (e.field === 'folder' ? 'junkFolder' : e.field);

/** The seller's mailboxes: connected only after the server took the login, the password kept encrypted. */
@Injectable()
export class MailboxService {
  private readonly cipher: CredentialsCipher;

  constructor(
    private readonly mailboxes: MailboxRepository,
    private readonly states: MailSyncStateRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    @InjectConfig() config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
  }

  list(): Promise<MailboxEntity[]> {
    return this.mailboxes.list();
  }

  findById(id: string): Promise<MailboxEntity | null> {
    return this.mailboxes.findById(id);
  }

  /** Logs in and lists the folders; a refusal is BAD_USER_INPUT naming the field to correct. */
  async tryLogin(
    settings: ImapSettings,
    chosen: { junkFolder?: string | null; sentFolder?: string | null },
  ): Promise<MailboxFolders> {
    let session: ImapSession;
    try {
      session = await ImapSession.open(settings);
    } catch (err) {
      const e = err as MailboxUnreachableError;
      throw new BadUserInputError(fieldOf(e), e.message);
    }
    try {
      const resolved = resolveFolders(await session.folders(), chosen);
      if ('field' in resolved) throw new BadUserInputError(resolved.field, resolved.message);
      return resolved.folders;
    } catch (err) {
      if (err instanceof MailboxUnreachableError) throw new BadUserInputError(fieldOf(err), err.message);
      throw err;
    } finally {
      await session.close();
    }
  }

  async connect(input: MailboxSettingsInput, actor: string): Promise<MailboxEntity> {
    const folders = await this.tryLogin(input, input);
    const saved = await this.tx.run(async (em) => {
      const row = await em.getRepository(MailboxEntity).save(
        em.getRepository(MailboxEntity).create({
          name: input.name,
          host: input.host,
          port: input.port,
          secure: input.secure,
          username: input.user,
          passwordEncrypted: this.cipher.encrypt({ password: input.password }),
          junkFolder: input.junkFolder || null,
          sentFolder: input.sentFolder || null,
          folders,
          accountIds: input.accountIds ?? [],
          enabled: true,
        }),
      );
      await this.audit.record(em, {
        actor,
        action: 'mailbox.connected',
        entityType: 'mailbox',
        entityId: row.id,
        after: { name: row.name, host: row.host, port: row.port, user: row.username, folders },
      });
      return row;
    });
    await this.states.ensure([saved.id]);
    return saved;
  }

  async update(id: string, change: MailboxChange, actor: string): Promise<MailboxEntity> {
    const row = await this.mailboxes.findById(id);
    if (!row) throw new NotFoundError('Mailbox', id);
    const next: MailboxEntity = {
      ...row,
      name: change.name ?? row.name,
      host: change.host ?? row.host,
      port: change.port ?? row.port,
      secure: change.secure ?? row.secure,
      username: change.user ?? row.username,
      junkFolder: change.junkFolder === undefined ? row.junkFolder : change.junkFolder || null,
      sentFolder: change.sentFolder === undefined ? row.sentFolder : change.sentFolder || null,
      accountIds: change.accountIds ?? row.accountIds,
      enabled: change.enabled ?? row.enabled,
    };
    const reconnect =
      change.password !== undefined ||
      next.host !== row.host ||
      next.port !== row.port ||
      next.secure !== row.secure ||
      next.username !== row.username ||
      next.junkFolder !== row.junkFolder ||
      next.sentFolder !== row.sentFolder;
    if (reconnect) {
      const password = change.password ?? this.cipher.decrypt(row.passwordEncrypted).password;
      next.folders = await this.tryLogin(
        { host: next.host, port: next.port, secure: next.secure, user: next.username, password },
        next,
      );
      if (change.password !== undefined) next.passwordEncrypted = this.cipher.encrypt({ password: change.password });
    }
    const saved = await this.tx.run(async (em) => {
      const out = await em.getRepository(MailboxEntity).save(next);
      await this.audit.record(em, {
        actor,
        action: 'mailbox.updated',
        entityType: 'mailbox',
        entityId: id,
        before: { name: row.name, host: row.host, port: row.port, user: row.username, enabled: row.enabled },
        after: {
          name: out.name,
          host: out.host,
          port: out.port,
          user: out.username,
          enabled: out.enabled,
          passwordChanged: change.password !== undefined,
        },
      });
      return out;
    });
    // New settings are tried at the next tick, without the backoff of the old ones.
    if (reconnect || change.enabled) await this.states.runSoon(id);
    return saved;
  }

  async remove(id: string, actor: string): Promise<boolean> {
    const row = await this.mailboxes.findById(id);
    if (!row) throw new NotFoundError('Mailbox', id);
    await this.tx.run(async (em) => {
      await em.getRepository(MailboxEntity).delete({ id });
      await this.audit.record(em, {
        actor,
        action: 'mailbox.removed',
        entityType: 'mailbox',
        entityId: id,
        before: { name: row.name, host: row.host, user: row.username },
      });
    });
    return true;
  }
}
