import { Injectable } from '@nestjs/common';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { ReturnsService } from 'src/modules/returns/returns.service';
import { returnAlarms } from './return-alarms';

/** Feeds the compliance alarm scan the refund clock's alarms of enabled accounts' returns. */
@Injectable()
export class ReturnClockAlarms {
  constructor(
    private readonly returns: ReturnsService,
    private readonly accounts: ChannelAccountRepository,
  ) {}

  async due(now: Date): Promise<RaisedAlert[]> {
    const candidates = await this.returns.clockCandidates(now);
    if (candidates.length === 0) return [];
    const accounts = await this.accounts.findByIds([...new Set(candidates.map((r) => r.accountId))]);
    const enabled = new Map(accounts.filter((a) => !a.disabledAt).map((a) => [a.id, a]));
    return returnAlarms(
      candidates.flatMap((r) => {
        const account = enabled.get(r.accountId);
        return account ? [{ ...r, account: { name: account.name, timeZone: account.timeZone } }] : [];
      }),
      now,
    );
  }
}
