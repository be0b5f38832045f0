import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from 'src/common/errors/app-error';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { AlertEntity } from './alert.entity';
import { AlertRepository, type AlertRowFilter, type RaisedAlert } from './alert.repository';
import type { AlertListFilter } from './dto/alerts.args';

export type { RaisedAlert };

export interface AlertPage {
  rows: { alert: AlertEntity; cursor: string }[];
  hasNextPage: boolean;
}

const SORT = 'alerts:opened_at_desc';

/** Opens an alert once per condition (raising it again updates it), and resolves it when the condition clears. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly repo: AlertRepository,
    private readonly accounts: ChannelAccountRepository,
  ) {}

  raise(alert: RaisedAlert, em?: EntityManager): Promise<void> {
    return this.repo.raise(alert, em);
  }

  /** Resolves the open alert of each condition key (one statement for many). */
  resolve(conditionKey: string | readonly string[], em?: EntityManager): Promise<void> {
    return this.repo.resolve(conditionKey, em);
  }

  /** Newest first (opened time, then id), `first` at a time after the cursor. */
  async page(filter: AlertListFilter, first: number, after: string | null): Promise<AlertPage> {
    let from: { at: string; id: string } | null = null;
    if (after) {
      const [at, id] = decodeCursor(after, SORT);
      from = { at: String(at), id: String(id) };
    }
    const found = await this.repo.findPage(await this.rowFilter(filter), first + 1, from);
    const rows = found
      .slice(0, first)
      .map(({ alert, cursorAt }) => ({ alert, cursor: encodeCursor(SORT, [cursorAt, alert.id]) }));
    return { rows, hasNextPage: found.length > first };
  }

  async count(filter: AlertListFilter): Promise<number> {
    return this.repo.count(await this.rowFilter(filter));
  }

  async countByKind(filter: AlertListFilter): Promise<{ kind: string; count: number; unseen: number }[]> {
    return this.repo.countByKind(await this.rowFilter(filter));
  }

  /** "Mark seen" for many: the unresolved alerts with these ids, or of these kinds. */
  markSeen(target: { ids: readonly string[]; kinds: readonly string[] }, actor: string): Promise<number> {
    return this.repo.markSeen(target, actor);
  }

  async acknowledge(id: string, actor: string): Promise<AlertEntity> {
    const alert = await this.repo.findById(id);
    if (!alert) throw new NotFoundError('Alert', id);
    if (!alert.acknowledgedAt) Object.assign(alert, { acknowledgedAt: new Date(), acknowledgedBy: actor });
    return this.repo.save(alert);
  }

  private async rowFilter({ channel, ...filter }: AlertListFilter): Promise<AlertRowFilter> {
    return channel ? { ...filter, channelAccountIds: await this.accounts.idsOfChannel(channel) } : filter;
  }
}
