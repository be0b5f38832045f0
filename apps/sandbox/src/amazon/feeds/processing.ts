import type { AccountData, Feed } from '../../state/types';
import { endsFatal } from './feed-faults';
import { processAdjustmentFeed } from './payment-adjustment';
import {
  type MessageResult,
  applyAckMessage,
  feedMerchantIdentifier,
  parseAcknowledgementFeed,
  processingReport,
  wrongMerchant,
} from './acknowledgement';

export const PAYMENT_ADJUSTMENT_FEED = 'POST_PAYMENT_ADJUSTMENT_DATA';
const FEED_START_DELAY_MS = 60 * 1000;
const FEED_DONE_DELAY_MS = 3 * 60 * 1000;

function acknowledgementResults(data: AccountData, feed: Feed, xml: string, at: number): MessageResult[] | null {
  const messages = parseAcknowledgementFeed(xml);
  if (!messages) return null;
  const merchant = feedMerchantIdentifier(xml);
  const sellerId = data.account.amazon?.sellerId ?? '';
  return messages.map((m) => {
    if (merchant !== sellerId) return wrongMerchant(m, merchant);
    if (feed.silentlyDropped) return { messageId: m.messageId, amazonOrderId: m.amazonOrderId };
    const order = m.amazonOrderId ? data.amazonOrders.get(m.amazonOrderId) : undefined;
    return applyAckMessage(order, m, at);
  });
}

function finish(data: AccountData, feed: Feed, at: number): void {
  const input = data.feedDocuments.get(feed.inputFeedDocumentId);
  const xml = input?.content;
  feed.processingEndTime = at;
  const results =
    xml === undefined || endsFatal(data, feed.feedId)
      ? null
      : feed.feedType === PAYMENT_ADJUSTMENT_FEED
        ? processAdjustmentFeed(data, feed, xml, at, (messageId, found) => wrongMerchant({ messageId }, found))
        : acknowledgementResults(data, feed, xml, at);
  if (!results) {
    feed.status = 'FATAL';
    return;
  }
  const sellerId = data.account.amazon?.sellerId ?? '';
  data.sequence += 1;
  const reportId = `amzn1.tortuga.4.na.result.${feed.feedId}.${data.sequence}`;
  data.feedDocuments.set(reportId, {
    feedDocumentId: reportId,
    contentType: 'text/xml; charset=UTF-8',
    content: processingReport(feed.feedId, sellerId, results),
    createdAt: at,
  });
  feed.resultFeedDocumentId = reportId;
  feed.status = 'DONE';
}

/** Feeds wait in the queue for a minute, process, and are DONE three minutes after creation (sandbox clock). */
export function advanceFeeds(data: AccountData, now: number): void {
  for (const feed of data.feeds.values()) {
    if (feed.status === 'IN_QUEUE' && now >= feed.createdTime + FEED_START_DELAY_MS) {
      feed.status = 'IN_PROGRESS';
      feed.processingStartTime = feed.createdTime + FEED_START_DELAY_MS;
    }
    if (feed.status === 'IN_PROGRESS' && now >= feed.createdTime + FEED_DONE_DELAY_MS)
      finish(data, feed, feed.createdTime + FEED_DONE_DELAY_MS);
  }
}
