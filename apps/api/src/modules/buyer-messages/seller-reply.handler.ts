import { Injectable, type OnModuleInit } from '@nestjs/common';
import { channelLabel } from '@order-hub/rules';
import { formatTimeLeft } from 'src/modules/alerts/format-time-left';
import { MailHandlers, type InboundMail, type MailHandler, type MailHandling } from 'src/modules/mailbox/mail-handler';
import type { BuyerMessageEntity } from './buyer-message.entity';
import { BuyerMessageRepository } from './buyer-message.repository';
import { BuyerMessagesService } from './buyer-messages.service';

/** "Re: ", "RE: ", "Aw: ", "Fwd: "… repeated: the prefixes mail programs put before a reply's subject. */
const REPLY_PREFIX = /^\s*(re|aw|sv|antw)(\[\d+\])?\s*:\s*/i;

/** The subject without reply prefixes, spaces collapsed, case folded: how a reply's subject is matched. */
export function baseSubject(subject: string): string {
  let s = subject;
  while (REPLY_PREFIX.test(s)) s = s.replace(REPLY_PREFIX, '');
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The seller's replies, read from the Sent folder: a reply whose In-Reply-To or References names a buyer message's
 * Message-ID (or one of its thread's) answers it; failing that, "Re: <its subject>" sent to the address it came from
 * (the channel's relay address) does. A Sent message that answers nothing is not this handler's.
 */
@Injectable()
export class SellerReplyHandler implements MailHandler, OnModuleInit {
  readonly name = 'seller-reply';
  readonly priority = 10;

  constructor(
    private readonly handlers: MailHandlers,
    private readonly messages: BuyerMessageRepository,
    private readonly service: BuyerMessagesService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(mail: InboundMail): Promise<MailHandling | null> {
    if (mail.folderRole !== 'SENT') return null;
    const answered = await this.service.answerFromMail(
      (await this.answers(mail)).map((m) => m.id),
      { at: mail.receivedAt, by: `mail:${mail.messageId}`, mailId: mail.mailId || null, note: null },
    );
    if (answered.length === 0) return null;
    const first = answered[0];
    const after = formatTimeLeft(Math.max(0, mail.receivedAt.getTime() - first.receivedAt.getTime()));
    const what =
      answered.length === 1
        ? `the ${channelLabel(first.channel)} ${first.kind === 'BUYER_MESSAGE' ? 'buyer message' : 'performance e-mail'} "${first.subject}"`
        : `${answered.length} messages of the thread`;
    return {
      kind: 'SELLER_REPLY',
      outcome: 'APPLIED',
      summary: `Your reply answered ${what}, ${after} after it arrived.`,
      orderIds: [...new Set(answered.flatMap((m) => (m.orderId ? [m.orderId] : [])))],
    };
  }

  /** The unanswered messages this reply answers: by thread first, else by subject and the relay address. */
  private async answers(mail: InboundMail): Promise<BuyerMessageEntity[]> {
    const threadIds = [...new Set([...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references])];
    const inThread = await this.messages.findUnansweredInThread(threadIds);
    if (inThread.length > 0) return inThread;
    if (!REPLY_PREFIX.test(mail.subject)) return [];
    const subject = baseSubject(mail.subject);
    const candidates = await this.messages.findUnansweredFrom(mail.to, mail.receivedAt);
    return candidates.filter((m) => baseSubject(m.subject) === subject);
  }
}
