import { Injectable, Logger } from '@nestjs/common';
import type { MailFolderRole } from '@order-hub/types';
import type { FetchedMessage } from './imap-session';
import { type InboundMail, MailHandlers } from './mail-handler';
import { MailMessageRepository } from './mail-message.repository';
import { type ParsedMessage, parseMessage } from './mail-parse';
import { createHash } from 'node:crypto';

/** A message whose handler keeps failing is settled as FAILED after this many runs, so its folder moves on. */
export const MAX_HANDLER_ATTEMPTS = 5;

export type TakeOutcome = 'PROCESSED' | 'DUPLICATE' | 'RETRY';

/**
 * Hands one message to the registered handlers, lowest priority first, the first that answers takes it. The evidence
 * row is written first (the handlers receive its id); it counts as processed only once a handler answered or none
 * wanted it. A message whose Message-ID was processed before (a second delivery) is not handed over again.
 */
@Injectable()
export class MailDispatchService {
  private readonly log = new Logger('MailDispatch');

  constructor(
    private readonly handlers: MailHandlers,
    private readonly messages: MailMessageRepository,
  ) {}

  async take(
    mailboxId: string,
    folder: { path: string; role: MailFolderRole },
    fetched: FetchedMessage,
  ): Promise<{ outcome: TakeOutcome; error?: string }> {
    const parsed = await parseMessage(fetched.source).catch((err: Error) => unreadable(fetched.source, err));
    const seen = await this.messages.findByMessageId(mailboxId, parsed.messageId);
    if (seen?.processedAt) return { outcome: 'DUPLICATE' };
    const receivedAt = fetched.internalDate ?? parsed.date ?? new Date();
    const row = await this.messages.insertOnce({
      mailboxId,
      folder: folder.path,
      folderRole: folder.role,
      uid: fetched.uid,
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      fromAddress: parsed.from.address.slice(0, 320),
      fromName: parsed.from.name?.slice(0, 300) ?? null,
      toAddresses: parsed.to,
      subject: parsed.subject,
      receivedAt,
      bodyText: parsed.text,
    });
    const mail: InboundMail = {
      mailId: row.id,
      mailboxId,
      folderRole: row.folderRole,
      folder: row.folder,
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      from: parsed.from,
      to: parsed.to,
      subject: parsed.subject,
      receivedAt: row.receivedAt,
      text: parsed.text,
      attachments: parsed.attachments,
    };
    const attempts = row.attempts + 1;
    for (const handler of this.handlers.list()) {
      try {
        const handling = await handler.handle(mail);
        if (!handling) continue;
        await this.messages.markHandled(row.id, handler.name, handling, new Date(), attempts);
        return { outcome: 'PROCESSED' };
      } catch (err) {
        const words = `${handler.name} could not take this message: ${(err as Error)?.message ?? String(err)}`.slice(
          0,
          2000,
        );
        const settle = attempts >= MAX_HANDLER_ATTEMPTS;
        this.log.warn(`Message ${row.id} (${handler.name}), attempt ${attempts}: ${words}`);
        await this.messages.markFailed(
          row.id,
          handler.name,
          settle ? `${words} (given up after ${attempts} attempts)` : words,
          attempts,
          settle ? new Date() : null,
        );
        return settle ? { outcome: 'PROCESSED' } : { outcome: 'RETRY', error: words };
      }
    }
    await this.messages.markHandled(
      row.id,
      null,
      { kind: 'OTHER', outcome: 'IGNORED', summary: 'No part of the hub takes this kind of message.', orderIds: [] },
      new Date(),
      attempts,
    );
    return { outcome: 'PROCESSED' };
  }
}

/** A message the parser could not read is still recorded, under its content's hash. */
function unreadable(raw: Buffer, err: Error): ParsedMessage {
  return {
    messageId: `<sha256-${createHash('sha256').update(raw).digest('hex')}@order-hub>`,
    inReplyTo: null,
    references: [],
    from: { address: '', name: null },
    to: [],
    subject: '(a message the hub could not read)',
    date: null,
    text: `The message could not be parsed: ${err.message}`,
    attachments: [],
  };
}
