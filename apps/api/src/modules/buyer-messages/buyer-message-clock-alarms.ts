import { Injectable } from '@nestjs/common';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';
import { BuyerMessagesService } from './buyer-messages.service';

/** Feeds the compliance alarm scan the buyer-message clock's alarms (due soon, overdue); answered ones resolve. */
@Injectable()
export class BuyerMessageClockAlarms {
  constructor(private readonly messages: BuyerMessagesService) {}

  due(now: Date): Promise<RaisedAlert[]> {
    return this.messages.dueAlarms(now);
  }
}
