import { Injectable } from '@nestjs/common';
import { policyFor, sellerResponseRate } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { BuyerMessagesService } from 'src/modules/buyer-messages/buyer-messages.service';
import type { SellerResponseType } from './seller-response.type';

export const SELLER_RESPONSE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** The seller response rate of a channel (or one account) over the 30 days before `asOf`. */
@Injectable()
export class SellerResponseService {
  constructor(private readonly messages: BuyerMessagesService) {}

  async report(scope: { channel: Channel; accountId: string | null; asOf: Date }): Promise<SellerResponseType> {
    const from = new Date(scope.asOf.getTime() - SELLER_RESPONSE_WINDOW_DAYS * DAY_MS);
    const due = await this.messages.dueBetween(from, scope.asOf, scope);
    const rule = policyFor(scope.channel, 'US', scope.asOf).buyerMessages;
    return {
      ...sellerResponseRate(due, scope.asOf),
      windowDays: SELLER_RESPONSE_WINDOW_DAYS,
      respondWithinHours: rule.respondWithinHours,
      source: rule.source,
    };
  }
}
