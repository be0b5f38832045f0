import { Injectable } from '@nestjs/common';
import type { RaisedAlert } from 'src/modules/alerts/alert.repository';
import { MailSyncStateRepository } from './mail-sync-state.repository';

export const MAILBOX_ALARM_KINDS = ['MAILBOX_UNREACHABLE'] as const;

/**
 * Feeds the compliance alarm scan: an enabled mailbox whose last run could not read it (wrong password, server gone,
 * folder gone) is MAILBOX_UNREACHABLE until a run reads it again.
 */
@Injectable()
export class MailboxAlarms {
  constructor(private readonly states: MailSyncStateRepository) {}

  async due(): Promise<RaisedAlert[]> {
    return (await this.states.failing()).map((m) => ({
      kind: 'MAILBOX_UNREACHABLE',
      severity: 'HIGH',
      conditionKey: `mailbox-unreachable:${m.id}`,
      message:
        m.last_error ??
        `The mailbox ${m.name} (${m.username}) could not be read (${m.consecutive_failures} attempt(s) in a row).`,
      action:
        'Check the mailbox settings (Settings → Mailbox): password, server and folders. Until it is read, supplier tracking and buyer messages there are not seen.',
    }));
  }
}
