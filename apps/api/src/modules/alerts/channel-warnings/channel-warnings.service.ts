import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelWarningRespondBy } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { DataSource, type EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../common/errors/app-error';
import { AuditService } from '../../audit/audit.service';
import { ChannelAccountEntity } from '../../channels/channel-account.entity';
import { AlertEntity } from '../alert.entity';
import { AlertsService } from '../alerts.service';
import { channelWarningAlarms, channelWarningConditionKeys } from './channel-warning-alarms';
import { ChannelWarningEntity } from './channel-warning.entity';

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
    @InjectDataSource() private readonly ds: DataSource,
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
  ) {}

  async log(input: LoggedWarning, actor: string, now = new Date()): Promise<WarningWithAccount> {
    const account = await this.ds.getRepository(ChannelAccountEntity).findOneBy({ id: input.accountId });
    if (!account) throw new BadUserInputError('input.accountId', 'is not an account of the hub.');
    if (account.channel !== input.channel)
      throw new BadUserInputError(
        'input.channel',
        `does not match the account: ${account.name} is a ${account.channel} account.`,
      );
    if (input.alertId && !(await this.ds.getRepository(AlertEntity).existsBy({ id: input.alertId }))) {
      throw new BadUserInputError('input.alertId', 'is not an alert of the hub.');
    }
    const saved = await this.ds.transaction(async (em) => {
      const warning = await em.getRepository(ChannelWarningEntity).save(
        em.getRepository(ChannelWarningEntity).create({
          accountId: account.id,
          metric: input.metric ?? null,
          subject: input.subject?.trim() || null,
          message: input.message.trim(),
          receivedAt: input.receivedAt,
          respondBy: channelWarningRespondBy(input.receivedAt),
          alertId: input.alertId ?? null,
          loggedBy: actor,
        }),
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
    return this.ds.transaction(async (em) => {
      const warning = await em
        .getRepository(ChannelWarningEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!warning) throw new NotFoundError('Channel warning', id);
      if (warning.respondedAt)
        throw new ConflictError(
          `The warning was already answered by ${warning.respondedBy} at ${warning.respondedAt.toISOString()}.`,
        );
      Object.assign(warning, { respondedAt: new Date(), respondedBy: actor, responseNote: note.trim() });
      await em.getRepository(ChannelWarningEntity).save(warning);
      for (const key of channelWarningConditionKeys(warning.id)) await this.alerts.resolve(key, em);
      await this.audit.record(em, {
        actor,
        action: 'channel_warning.responded',
        entityType: 'channel_warning',
        entityId: warning.id,
        after: { respondedAt: warning.respondedAt, note: warning.responseNote },
      });
      return Object.assign(warning, { account: await this.accountOf(em, warning.accountId) });
    });
  }

  /** Unanswered first, the nearest deadline first; then answered ones, the latest answer first. */
  list(
    filter: { answered?: boolean | null; channel?: Channel | null; accountId?: string | null },
    first: number,
  ): Promise<WarningWithAccount[]> {
    const qb = this.ds
      .getRepository(ChannelWarningEntity)
      .createQueryBuilder('w')
      .innerJoinAndSelect('w.account', 'account');
    if (filter.answered === true) qb.andWhere('w.responded_at IS NOT NULL');
    if (filter.answered === false) qb.andWhere('w.responded_at IS NULL');
    if (filter.channel) qb.andWhere('account.channel = :channel', { channel: filter.channel });
    if (filter.accountId) qb.andWhere('w.account_id = :accountId', { accountId: filter.accountId });
    return qb
      .orderBy('w.respondedAt', 'DESC', 'NULLS FIRST')
      .addOrderBy('w.respondBy', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(first)
      .getMany() as Promise<WarningWithAccount[]>;
  }

  private accountOf(em: EntityManager, id: string): Promise<ChannelAccountEntity> {
    return em.getRepository(ChannelAccountEntity).findOneByOrFail({ id });
  }
}
