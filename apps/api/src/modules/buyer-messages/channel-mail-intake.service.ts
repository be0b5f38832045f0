import { Injectable } from '@nestjs/common';
import { channelLabel, orderName, orderNumbersIn, splitQuoted, type ChannelMailClass } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { ChannelWarningsService } from 'src/modules/alerts/channel-warnings/channel-warnings.service';
import { ChannelAccountRepository, type ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import type { InboundMail, MailHandling } from 'src/modules/mailbox/mail-handler';
import { OrderRepository, type OrderEntity } from 'src/modules/orders/order.repository';
import { formatInZone } from 'src/modules/print/printable-order';
import type { BuyerMessageEntity } from './buyer-message.entity';
import { BuyerMessageRepository } from './buyer-message.repository';
import { BuyerMessagesService } from './buyer-messages.service';
import { messageClock } from './message-clock';

/** What the hub keeps of a channel e-mail's text as the warning's message (the channel warning's own limit). */
const WARNING_TEXT_MAX = 10_000;
const EXCERPT_MAX = 500;

interface Linked {
  orders: OrderEntity[];
  account: ChannelAccountEntity | null;
  numbers: string[];
  reason: string | null;
}

/**
 * Records a buyer message or a channel's performance e-mail read from the mailbox: linked to the order its number
 * names and to that order's account, with the response clock of the policy in force at receipt; a performance e-mail
 * also becomes a channel warning (its 24-hour clock and alarms). One that names no account the hub knows is kept with
 * the reason and held for a person.
 */
@Injectable()
export class ChannelMailIntakeService {
  constructor(
    private readonly messages: BuyerMessageRepository,
    private readonly service: BuyerMessagesService,
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly channelWarnings: ChannelWarningsService,
  ) {}

  async record(mail: InboundMail, found: ChannelMailClass, now = new Date()): Promise<MailHandling> {
    const existing = await this.messages.findByMailOrMessageId(mail.mailId || null, mail.messageId);
    if (existing) return this.handling(existing, [], 'RECORDED', 'UTC', 'Already recorded: ');
    const linked = await this.link(mail, found.channel);
    const kind = found.kind;
    const clock = messageClock({ channel: found.channel, kind, receivedAt: mail.receivedAt, answeredAt: null }, now);
    let channelWarningId: string | null = null;
    if (kind === 'PERFORMANCE_ALERT' && linked.account) {
      const warning = await this.channelWarnings.log(
        {
          channel: found.channel,
          accountId: linked.account.id,
          subject: mail.subject.trim().slice(0, 200) || `${channelLabel(found.channel)} performance e-mail`,
          receivedAt: mail.receivedAt,
          message: warningText(mail, linked.numbers),
        },
        `mail:${mail.messageId}`,
        now,
      );
      channelWarningId = warning.id;
    }
    const saved = await this.messages.create({
      mailId: mail.mailId || null,
      messageId: mail.messageId,
      accountId: linked.account?.id ?? null,
      orderId: linked.orders[0]?.id ?? null,
      channel: found.channel,
      kind,
      fromAddress: mail.from.address.slice(0, 320),
      subject: mail.subject.slice(0, 998),
      excerpt: excerptOf(mail.text),
      receivedAt: mail.receivedAt,
      respondBy: clock.respondBy,
      dueSoonAt: clock.dueSoonAt,
      policyVersion: clock.policyVersion,
      threadIds: [...new Set([mail.messageId, ...mail.references, ...(mail.inReplyTo ? [mail.inReplyTo] : [])])],
      orderNumbers: linked.numbers,
      unlinkedReason: linked.reason,
      channelWarningId,
    });
    await this.service.raiseDue(saved, now);
    const held = kind === 'PERFORMANCE_ALERT' && !linked.account;
    const outcome = held ? 'HELD' : kind === 'PERFORMANCE_ALERT' ? 'APPLIED' : 'RECORDED';
    return this.handling(saved, linked.orders, outcome, linked.account?.timeZone ?? 'UTC');
  }

  /** The orders its numbers name (in the text's order) and their account; else the channel's only account. */
  private async link(mail: InboundMail, channel: Channel): Promise<Linked> {
    const numbers = [
      ...new Set(
        orderNumbersIn(`${mail.subject}\n${mail.text}`)
          .filter((n) => n.channel === channel)
          .map((n) => n.number),
      ),
    ];
    const rows = (await this.orders.findByNumbers(numbers)).filter((o) => o.channel === channel);
    const rank = (o: OrderEntity) =>
      Math.min(
        ...[o.channelOrderId, o.customerOrderId].map((n) => (n ? numbers.indexOf(n) : -1)).filter((i) => i >= 0),
      );
    const orders = rows.sort((a, b) => rank(a) - rank(b));
    if (orders.length > 0)
      return { orders, numbers, account: await this.accounts.findById(orders[0].accountId), reason: null };
    const ids = await this.accounts.idsOfChannel(channel, { enabledOnly: true });
    const label = channelLabel(channel);
    const why =
      numbers.length === 0
        ? `it names no ${label} order number`
        : `the hub has no ${label} order numbered ${numbers.join(', ')}`;
    if (ids.length === 1) return { orders, numbers, account: await this.accounts.findById(ids[0]), reason: why };
    const accounts =
      ids.length === 0 ? `the hub has no ${label} account` : `the hub has ${ids.length} ${label} accounts`;
    return { orders, numbers, account: null, reason: `No account: ${why}, and ${accounts} to give it to.` };
  }

  private handling(
    m: BuyerMessageEntity,
    orders: readonly OrderEntity[],
    outcome: MailHandling['outcome'],
    zone: string,
    prefix = '',
  ): MailHandling {
    const label = channelLabel(m.channel);
    const about = orders[0] ? ` about ${orderName(m.channel, orders[0].channelOrderId)}` : '';
    const by = `answer by ${formatInZone(m.respondBy, zone)}`;
    const summary =
      m.kind === 'BUYER_MESSAGE'
        ? `${label} buyer message${about}: ${by}.`
        : m.channelWarningId
          ? `${label} performance e-mail logged as a channel warning${m.orderNumbers.length ? ` naming ${m.orderNumbers.length} order(s): ${m.orderNumbers.join(', ')}` : ''}; ${by}.`
          : `${label} performance e-mail kept for a person.`;
    return {
      kind: m.kind,
      outcome,
      summary: `${prefix}${summary}${m.unlinkedReason ? ` ${capitalize(m.unlinkedReason)}` : ''}`,
      orderIds: orders.map((o) => o.id),
      findings: { orderNumbers: m.orderNumbers, reasons: m.unlinkedReason ? [m.unlinkedReason] : [] },
    };
  }
}

function warningText(mail: InboundMail, numbers: readonly string[]): string {
  const flagged = numbers.length ? `\n\nOrders named in it: ${numbers.join(', ')}` : '';
  const body = mail.text.trim() || mail.subject;
  return `${body.slice(0, WARNING_TEXT_MAX - flagged.length)}${flagged}`;
}

function excerptOf(text: string): string {
  const fresh = splitQuoted(text).fresh.replace(/\s+/g, ' ').trim();
  return fresh.length > EXCERPT_MAX ? `${fresh.slice(0, EXCERPT_MAX - 1)}…` : fresh;
}

function capitalize(s: string): string {
  const t = s.endsWith('.') ? s : `${s}.`;
  return t.charAt(0).toUpperCase() + t.slice(1);
}
