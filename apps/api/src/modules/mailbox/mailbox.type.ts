import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MailFolderRole, MailKind, MailOutcome } from '@order-hub/types';
import { PageInfoType } from 'src/common/pagination/page-info.type';
import type { MailMessageEntity } from './mail-message.entity';
import type { MailSyncStateEntity } from './mail-sync-state.entity';
import type { MailboxEntity } from './mailbox.entity';

registerEnumType(MailFolderRole, { name: 'MailFolderRole' });
registerEnumType(MailKind, { name: 'MailKind' });
registerEnumType(MailOutcome, { name: 'MailOutcome' });

@ObjectType('MailboxFolders', { description: 'The folders the hub reads.' })
export class MailboxFoldersType {
  @Field()
  inbox: string;

  @Field(() => String, { nullable: true, description: 'The junk (spam) folder; null when the server has none.' })
  junk: string | null;

  @Field(() => String, { nullable: true, description: "The sent folder, where the seller's replies are seen." })
  sent: string | null;
}

@ObjectType('MailSyncState', { description: 'Where the reading of a mailbox stands.' })
export class MailSyncStateType {
  @Field(() => Date, { nullable: true })
  lastRunAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the mailbox could not be read, in words; null when it was.',
  })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  nextRunAt: Date | null;

  @Field(() => Int, { description: 'Messages read since the mailbox was connected.' })
  messagesRead: number;

  @Field({ description: 'A run is reading it now.' })
  running: boolean;
}

export const toMailSyncStateType = (s: MailSyncStateEntity | null, now = new Date()): MailSyncStateType => ({
  lastRunAt: s?.lastRunAt ?? null,
  lastSuccessAt: s?.lastSuccessAt ?? null,
  lastError: s?.lastError ?? null,
  nextRunAt: s?.nextRunAt ?? null,
  messagesRead: s?.messagesRead ?? 0,
  running: !!s?.lockedUntil && s.lockedUntil > now,
});

@ObjectType('Mailbox', { description: "A seller's mailbox the hub reads over IMAP (its password is never returned)." })
export class MailboxType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  host: string;

  @Field(() => Int)
  port: number;

  @Field({ description: 'TLS from the first byte (usually port 993).' })
  secure: boolean;

  @Field({ description: 'The login name.' })
  user: string;

  @Field(() => MailboxFoldersType)
  folders: MailboxFoldersType;

  @Field(() => [ID], { description: 'Channel accounts whose mail arrives here (empty: any).' })
  accountIds: string[];

  @Field()
  enabled: boolean;
}

export const toMailboxType = (m: MailboxEntity): MailboxType => ({
  id: m.id,
  name: m.name,
  host: m.host,
  port: m.port,
  secure: m.secure,
  user: m.username,
  folders: { ...m.folders },
  accountIds: m.accountIds,
  enabled: m.enabled,
});

@ObjectType('MailMessage', {
  description: 'The evidence of one message read from a mailbox and what the hub did with it.',
})
export class MailMessageType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  mailboxId: string;

  @Field()
  folder: string;

  @Field(() => MailFolderRole)
  folderRole: MailFolderRole;

  @Field()
  messageId: string;

  @Field({ description: "The sender's address." })
  from: string;

  @Field(() => String, { nullable: true })
  fromName: string | null;

  @Field()
  subject: string;

  @Field({ description: 'When it arrived in the mailbox.' })
  receivedAt: Date;

  @Field(() => MailKind)
  kind: MailKind;

  @Field(() => MailOutcome)
  outcome: MailOutcome;

  @Field({ description: 'What the hub did, in a sentence.' })
  summary: string;

  @Field(() => [String])
  trackingNumbers: string[];

  @Field(() => [String])
  orderNumbers: string[];

  @Field(() => [String], { description: 'Why it was held or ignored, in words.' })
  reasons: string[];

  @Field(() => Date, {
    nullable: true,
    description: 'Null while it waits for the next run (a part of the hub failed on it).',
  })
  processedAt: Date | null;

  /** For MailMessage.orders and .text. */
  orderIds: string[];
  bodyText: string;
}

export const toMailMessageType = (m: MailMessageEntity): MailMessageType => ({
  id: m.id,
  mailboxId: m.mailboxId,
  folder: m.folder,
  folderRole: m.folderRole,
  messageId: m.messageId,
  from: m.fromAddress,
  fromName: m.fromName,
  subject: m.subject,
  receivedAt: m.receivedAt,
  kind: m.kind,
  outcome: m.outcome,
  summary: m.summary,
  trackingNumbers: m.findings.trackingNumbers ?? [],
  orderNumbers: m.findings.orderNumbers ?? [],
  reasons: m.findings.reasons ?? [],
  processedAt: m.processedAt,
  orderIds: m.orderIds,
  bodyText: m.bodyText,
});

@ObjectType('MailMessageEdge')
export class MailMessageEdgeType {
  @Field()
  cursor: string;

  @Field(() => MailMessageType)
  node: MailMessageType;
}

@ObjectType('MailMessageConnection')
export class MailMessageConnectionType {
  @Field(() => [MailMessageEdgeType])
  edges: MailMessageEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** Counted on demand (the totalCount field). */
  count: () => Promise<number>;
}
