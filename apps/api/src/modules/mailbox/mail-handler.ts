import { Injectable } from '@nestjs/common';
import type { MailFolderRole, MailKind, MailOutcome } from '@order-hub/types';

/** One message read from the seller's mailbox, parsed, as the handlers see it (already stored as evidence). */
export interface InboundMail {
  /** The evidence row (mail_message.id). */
  mailId: string;
  mailboxId: string;
  folderRole: MailFolderRole;
  folder: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null };
  to: string[];
  subject: string;
  receivedAt: Date;
  /** Plain text: the text part, or the HTML converted (table cells apart, image alt text kept). */
  text: string;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

/** What a handler did with a message: recorded on the message's evidence row. */
export interface MailHandling {
  kind: MailKind;
  outcome: MailOutcome;
  /** A sentence for people: "Tracking 1Z… applied to order 112-…", "Held: two orders named". */
  summary: string;
  orderIds: string[];
  findings?: { trackingNumbers?: string[]; orderNumbers?: string[]; reasons?: string[] };
}

export interface MailHandler {
  readonly name: string;
  /** Lower runs first: seller replies in Sent 10, supplier mail 20, channel mail 30. */
  readonly priority: number;
  /** Null: not this handler's message; the next one is asked. Throwing leaves the message to the next run. */
  handle(mail: InboundMail): Promise<MailHandling | null>;
}

/** The handlers of messages read from the mailbox; modules that take mail register theirs at start. */
@Injectable()
export class MailHandlers {
  private readonly handlers: MailHandler[] = [];

  register(handler: MailHandler): void {
    if (this.handlers.some((h) => h.name === handler.name)) return;
    this.handlers.push(handler);
    this.handlers.sort((a, b) => a.priority - b.priority);
  }

  list(): readonly MailHandler[] {
    return this.handlers;
  }
}
