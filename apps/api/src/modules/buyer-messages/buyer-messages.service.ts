import { Injectable } from '@nestjs/common';
import type { Channel } from '@order-hub/types';
import { Transactions } from 'src/common/database/transactions';
import { ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { ChannelWarningsService } from 'src/modules/alerts/channel-warnings/channel-warnings.service';
import { AuditService } from 'src/modules/audit/audit.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { buyerMessageAlarmKeys, buyerMessageAlarms, type AlarmedMessage } from './buyer-message-alarms';
import type { BuyerMessageEntity } from './buyer-message.entity';
import { BuyerMessageRepository, type BuyerMessageQuery } from './buyer-message.repository';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';

export interface Answer {
  at: Date;
  by: string;
  mailId: string | null;
  note: string | null;
}

/** Buyer messages and performance e-mails: listed, answered (from Sent or by hand), and their clocks' alarms. */
@Injectable()
export class BuyerMessagesService {
  constructor(
    private readonly tx: Transactions,
    private readonly messages: BuyerMessageRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly orders: OrderRepository,
    private readonly alerts: AlertsService,
    private readonly channelWarnings: ChannelWarningsService,
    private readonly audit: AuditService,
  ) {}

  findById(id: string): Promise<BuyerMessageEntity | null> {
    return this.messages.findById(id);
  }

  page(query: BuyerMessageQuery, now: Date, first: number, after: { receivedAt: string; id: string } | null) {
    return this.messages.page(query, now, first, after);
  }

  count(query: BuyerMessageQuery, now: Date): Promise<number> {
    return this.messages.count(query, now);
  }

  /** Unanswered buyer messages by where their clock stands. */
  async counts(scope: { channel?: Channel | null; accountId?: string | null }, now: Date) {
    const of = (state: 'OPEN' | 'DUE_SOON' | 'OVERDUE') =>
      this.messages.count({ ...scope, kind: 'BUYER_MESSAGE', state }, now);
    const [open, dueSoon, overdue] = await Promise.all([of('OPEN'), of('DUE_SOON'), of('OVERDUE')]);
    return { open, dueSoon, overdue };
  }

  /** Buyer messages whose answer fell due in [from, to), with when each was answered: the response rate's facts. */
  dueBetween(from: Date, to: Date, scope: { channel: Channel; accountId: string | null }) {
    return this.messages.findDueBetween(from, to, scope);
  }

  /** Marks it answered by a person (answered on the channel's page, or by phone), with what was answered. */
  async markAnswered(id: string, note: string, actor: string): Promise<BuyerMessageEntity> {
    const answered = await this.tx.run(async (em) => {
      const message = await this.messages.lockById(id, em);
      if (!message) throw new NotFoundError('Buyer message', id);
      if (message.answeredAt)
        throw new ConflictError(
          `The message was already answered (${message.answeredBy}, ${message.answeredAt.toISOString()}).`,
        );
      return this.answerLocked(message, { at: new Date(), by: actor, mailId: null, note: note.trim() }, actor, em);
    });
    await this.respondToWarning(answered, actor);
    return answered;
  }

  /** Answers the messages a reply seen in Sent belongs to; each is locked and skipped when answered meanwhile. */
  async answerFromMail(ids: readonly string[], answer: Answer): Promise<BuyerMessageEntity[]> {
    const done: BuyerMessageEntity[] = [];
    for (const id of ids) {
      const answered = await this.tx.run(async (em) => {
        const message = await this.messages.lockById(id, em);
        if (!message || message.answeredAt) return null;
        return this.answerLocked(message, answer, answer.by, em);
      });
      if (!answered) continue;
      await this.respondToWarning(answered, answer.by);
      done.push(answered);
    }
    return done;
  }

  /** The alarms of unanswered buyer messages due soon or overdue as of `now` (enabled accounts, or none known). */
  async dueAlarms(now: Date): Promise<RaisedAlert[]> {
    return buyerMessageAlarms(await this.alarmed(await this.messages.findClockCandidates(now)), now);
  }

  /** Raises at once the alarm of a message that arrives already due soon or overdue (read late). */
  async raiseDue(message: BuyerMessageEntity, now: Date): Promise<void> {
    for (const alarm of buyerMessageAlarms(await this.alarmed([message]), now)) await this.alerts.raise(alarm);
  }

  private async answerLocked(
    message: BuyerMessageEntity,
    answer: Answer,
    actor: string,
    em: Parameters<Parameters<Transactions['run']>[0]>[0],
  ): Promise<BuyerMessageEntity> {
    Object.assign(message, {
      answeredAt: answer.at,
      answeredBy: answer.by,
      answerMailId: answer.mailId,
      answerNote: answer.note,
    });
    await this.messages.save(message, em);
    const keys = buyerMessageAlarmKeys(message.id);
    await this.alerts.resolve([keys.dueSoon, keys.overdue], em);
    await this.audit.record(em, {
      actor,
      action: 'buyer_message.answered',
      entityType: 'buyer_message',
      entityId: message.id,
      after: { answeredAt: message.answeredAt, answeredBy: message.answeredBy, note: message.answerNote },
    });
    return message;
  }

  /** A performance e-mail answered answers the channel warning it became (already answered there: nothing to do). */
  private async respondToWarning(message: BuyerMessageEntity, actor: string): Promise<void> {
    if (!message.channelWarningId) return;
    const note = message.answerNote ?? `Reply seen in Sent (${message.answeredBy}).`;
    try {
      await this.channelWarnings.respond(message.channelWarningId, note, actor);
    } catch (e) {
      if (!(e instanceof ConflictError) && !(e instanceof NotFoundError)) throw e;
    }
  }

  private async alarmed(rows: readonly BuyerMessageEntity[]): Promise<AlarmedMessage[]> {
    if (rows.length === 0) return [];
    const accountIds = [...new Set(rows.flatMap((r) => (r.accountId ? [r.accountId] : [])))];
    const accounts = new Map((await this.accounts.findByIds(accountIds)).map((a) => [a.id, a]));
    const orderIds = [...new Set(rows.flatMap((r) => (r.orderId ? [r.orderId] : [])))];
    const orders = new Map((await this.orders.findByIds(orderIds)).map((o) => [o.id, o]));
    return rows.flatMap((r) => {
      const account = r.accountId ? accounts.get(r.accountId) : null;
      // A disabled account's messages no longer alarm; a message the hub could link to no account still does.
      if (account?.disabledAt) return [];
      return [
        {
          ...r,
          account: account ? { name: account.name, timeZone: account.timeZone } : null,
          channelOrderId: (r.orderId && orders.get(r.orderId)?.channelOrderId) || null,
        },
      ];
    });
  }
}
