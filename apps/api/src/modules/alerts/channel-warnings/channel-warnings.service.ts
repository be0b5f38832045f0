import { Injectable } from '@nestjs/common';
import { CHANNEL_WARNING_DUE_SOON_HOURS, channelWarningRespondBy } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { Transactions } from 'src/common/database/transactions';
import { BadUserInputError, ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { AuditService } from 'src/modules/audit/audit.service';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { AlertRepository } from 'src/modules/alerts/alert.repository';
import { AlertsService, type RaisedAlert } from 'src/modules/alerts/alerts.service';
import { channelWarningAlarms, channelWarningConditionKeys } from './channel-warning-alarms';
import type { ChannelWarningEntity } from './channel-warning.entity';
import { ChannelWarningRepository } from './channel-warning.repository';

export interface LoggedWarning {
  channel: Channel;
  accountId: string;
  metric?: string | null;
  subject?: string | null;
  receivedAt: Date;
  message: string;
  alertId?: string | null;
}

export type WarningWithAccount = ChannelWarningEntity & { account: ChannelAccountEntity };

/** Channel warnings: logged by an operator, answered within 24 h; the alarms for them follow at once. */
@Injectable()
export class ChannelWarningsService {
  constructor(
    private readonly tx: Transactions,
    private readonly warnings: ChannelWarningRepository,
    private readonly accounts: ChannelAccountRepository,
    private readonly alertRows: AlertRepository,
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
  ) {}

  async log(input: LoggedWarning, actor: string, now = new Date()): Promise<WarningWithAccount> {
    const account = await this.accounts.findById(input.accountId);
    if (!account) throw new BadUserInputError('input.accountId', 'is not an account of the hub.');
    if (account.channel !== input.channel)
      throw new BadUserInputError(
        'input.channel',
        `does not match the account: ${account.name} is a ${account.channel} account.`,
      );
    if (input.alertId && !(await this.alertRows.exists(input.alertId))) {
      throw new BadUserInputError('input.alertId', 'is not an alert of the hub.');
    }
    const saved = await this.tx.run(async (em) => {
      const warning = await this.warnings.create(
        {
          accountId: account.id,
          metric: input.metric ?? null,
          subject: input.subject?.trim() || null,
          message: input.message.trim(),
          receivedAt: input.receivedAt,
          respondBy: channelWarningRespondBy(input.receivedAt),
          alertId: input.alertId ?? null,
          loggedBy: actor,
        },
        em,
      );
      await this.audit.record(em, {
        actor,
        action: 'channel_warning.logged',
        entityType: 'channel_warning',
        entityId: warning.id,
        after: {
          accountId: account.id,
          metric: warning.metric,
          subject: warning.subject,
          receivedAt: warning.receivedAt,
        },
      });
      // A warning logged late may already be due: its alarm opens now rather than at the next scan.
      for (const alarm of channelWarningAlarms([{ ...warning, account }], now)) await this.alerts.raise(alarm, em);
      return warning;
    });
    return Object.assign(saved, { account });
  }

  async respond(id: string, note: string, actor: string): Promise<WarningWithAccount> {
    return this.tx.run(async (em) => {
      const warning = await this.warnings.lockById(id, em);
      if (!warning) throw new NotFoundError('Channel warning', id);
      if (warning.respondedAt)
        throw new ConflictError(
          `The warning was already answered by ${warning.respondedBy} at ${warning.respondedAt.toISOString()}.`,
        );
      Object.assign(warning, { respondedAt: new Date(), respondedBy: actor, responseNote: note.trim() });
      await this.warnings.save(warning, em);
      for (const key of channelWarningConditionKeys(warning.id)) await this.alerts.resolve(key, em);
      await this.audit.record(em, {
        actor,
        action: 'channel_warning.responded',
        entityType: 'channel_warning',
        entityId: warning.id,
        after: { respondedAt: warning.respondedAt, note: warning.responseNote },
      });
      return Object.assign(warning, { account: await this.accounts.getById(warning.accountId, em) });
    });
  }

  /** Unanswered first, the nearest deadline first; then answered ones, the latest answer first. */
  async list(
    { channel, ...filter }: { answered?: boolean | null; channel?: Channel | null; accountId?: string | null },
    first: number,
  ): Promise<WarningWithAccount[]> {
    const channelAccountIds = channel ? await this.accounts.idsOfChannel(channel) : null;
    return this.withAccounts(await this.warnings.list({ ...filter, channelAccountIds }, first));
  }

  /** The alarms of unanswered warnings whose deadline is 4 h away or passed, as of `now`. */
  async dueAlarms(now: Date): Promise<RaisedAlert[]> {
    const due = await this.warnings.findUnansweredDueBy(
      new Date(now.getTime() + CHANNEL_WARNING_DUE_SOON_HOURS * 3_600_000),
    );
    return channelWarningAlarms(await this.withAccounts(due), now);
  }

  private async withAccounts(warnings: ChannelWarningEntity[]): Promise<WarningWithAccount[]> {
    const accounts = new Map(
      (await this.accounts.findByIds([...new Set(warnings.map((w) => w.accountId))])).map((a) => [a.id, a]),
    );
    return warnings.map((w) => Object.assign(w, { account: accounts.get(w.accountId)! }));
  }
}
