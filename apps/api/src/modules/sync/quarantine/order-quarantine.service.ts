import { Injectable, Logger } from '@nestjs/common';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import type { AlertKind } from 'src/modules/alerts/alert-kinds';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import {
  OrderQuarantineRepository,
  QUARANTINE_LATEST,
  type QuarantineEntry,
  type QuarantineSummary,
} from './order-quarantine.repository';

export type { QuarantineEntry, QuarantineSummary };

export const QUARANTINE_ALERT_KIND = 'ORDER_QUARANTINED' satisfies AlertKind;

const alertKey = (accountId: string) => `order-quarantine:${accountId}`;

/**
 * Orders a pull could not import are set aside here, with the channel's copy and the reason, while the rest of the
 * page is imported; an alert per account says how many wait. A copy the hub can import closes the entry, and the
 * alert resolves when none is left. Logs name the order and the reason only, never the order's data.
 */
@Injectable()
export class OrderQuarantineService {
  private readonly log = new Logger('OrderQuarantine');

  constructor(
    private readonly repo: OrderQuarantineRepository,
    private readonly alerts: AlertsService,
  ) {}

  async quarantine(account: Pick<ChannelAccountEntity, 'id' | 'name'>, entries: QuarantineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    for (const e of entries)
      this.log.warn(`Order ${e.channelOrderId} of account ${account.id} quarantined (${e.stage}): ${e.reason}`);
    await this.repo.record(account.id, entries);
    await this.refreshAlert(account);
  }

  /** The channel sent copies of these orders the hub imported: their open entries close. */
  async resolve(account: Pick<ChannelAccountEntity, 'id' | 'name'>, channelOrderIds: readonly string[]): Promise<void> {
    if ((await this.repo.resolve(account.id, channelOrderIds)) > 0) await this.refreshAlert(account);
  }

  summaries(accountIds: readonly string[]): Promise<QuarantineSummary[]> {
    return this.repo.summaries(accountIds, QUARANTINE_LATEST);
  }

  private async refreshAlert(account: Pick<ChannelAccountEntity, 'id' | 'name'>): Promise<void> {
    const [summary] = await this.repo.summaries([account.id], 1);
    if (summary.open === 0) return this.alerts.resolve(alertKey(account.id));
    const latest = summary.latest[0];
    await this.alerts.raise({
      conditionKey: alertKey(account.id),
      kind: QUARANTINE_ALERT_KIND,
      severity: 'HIGH',
      accountId: account.id,
      message:
        `${summary.open} order${summary.open === 1 ? '' : 's'} of ${account.name} could not be imported and ` +
        `${summary.open === 1 ? 'is' : 'are'} quarantined; latest: ${latest.channelOrderId}: ${latest.reason}`,
      action:
        "The channel sent data the hub cannot import; the rest of its orders were imported. Check the order in the channel's own console: each quarantined order is imported as soon as the channel sends a copy the hub can read (see the account's sync state).",
    });
  }
}
