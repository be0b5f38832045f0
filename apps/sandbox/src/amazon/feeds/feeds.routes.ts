import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../context';
import type { AccountData, Feed } from '../../state/types';
import { AmazonError, invalidInput, notFound } from '../errors';
import { account } from '../orders/orders.routes';
import { arr, iso, obj, req } from '../validate';
import { claimFatalFeed } from './feed-faults';
import { PAYMENT_ADJUSTMENT_FEED } from './processing';

const BASE = '/feeds/2021-06-30';
const SUPPORTED_FEED_TYPES = ['POST_ORDER_ACKNOWLEDGEMENT_DATA', PAYMENT_ADJUSTMENT_FEED];
const URL_TTL_MS = 5 * 60 * 1000;

function documentUrl(request: FastifyRequest, id: string): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}/amazon/_documents/${encodeURIComponent(id)}`;
}

function serializeFeed(feed: Feed) {
  return {
    feedId: feed.feedId,
    feedType: feed.feedType,
    marketplaceIds: feed.marketplaceIds,
    createdTime: iso(feed.createdTime),
    processingStatus: feed.status,
    ...(feed.processingStartTime !== undefined ? { processingStartTime: iso(feed.processingStartTime) } : {}),
    ...(feed.processingEndTime !== undefined ? { processingEndTime: iso(feed.processingEndTime) } : {}),
    ...(feed.resultFeedDocumentId ? { resultFeedDocumentId: feed.resultFeedDocumentId } : {}),
  };
}

function findDocument(
  ctx: SandboxContext,
  id: string,
): { data: AccountData; doc: NonNullable<ReturnType<AccountData['feedDocuments']['get']>> } | undefined {
  for (const data of ctx.store.accounts.values()) {
    const doc = data.feedDocuments.get(id);
    if (doc) return { data, doc };
  }
  return undefined;
}

/** Feeds API 2021-06-30, as far as order cancellation and refunds need: document, upload, feed, processing report. */
export function registerFeedRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(`${BASE}/documents`, { config: { amazonOperation: 'createFeedDocument' } }, (request, reply) => {
    const data = account(request);
    const contentType = req(obj(request.body, 'body').contentType, 'contentType');
    data.sequence += 1;
    const feedDocumentId = `amzn1.tortuga.4.na.${data.account.id}.${data.sequence}`;
    data.feedDocuments.set(feedDocumentId, { feedDocumentId, contentType, createdAt: ctx.clock.now() });
    ctx.changed();
    return reply.code(201).send({ feedDocumentId, url: `${documentUrl(request, feedDocumentId)}` });
  });

  // The presigned upload/download URL Amazon would hand out (S3 in production): no SP-API token, valid five minutes.
  app.put<{ Params: { id: string } }>('/_documents/:id', { config: { noAuth: true } }, (request, reply) => {
    const found = findDocument(ctx, request.params.id);
    if (!found) return reply.code(404).type('application/xml').send('<Error><Code>NoSuchKey</Code></Error>');
    if (ctx.clock.now() - found.doc.createdAt > URL_TTL_MS)
      return reply
        .code(403)
        .type('application/xml')
        .send('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
    if (found.doc.content !== undefined)
      return reply
        .code(403)
        .type('application/xml')
        .send('<Error><Code>AccessDenied</Code><Message>Document already uploaded</Message></Error>');
    const sentType = (request.headers['content-type'] ?? '').split(';')[0].trim();
    if (sentType !== found.doc.contentType.split(';')[0].trim()) {
      return reply
        .code(403)
        .type('application/xml')
        .send(
          '<Error><Code>SignatureDoesNotMatch</Code><Message>Content-Type must match the contentType given to createFeedDocument</Message></Error>',
        );
    }
    found.doc.content = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    ctx.changed();
    return reply.code(200).send();
  });
  app.get<{ Params: { id: string } }>('/_documents/:id', { config: { noAuth: true } }, (request, reply) => {
    const found = findDocument(ctx, request.params.id);
    if (!found || found.doc.content === undefined)
      return reply.code(404).type('application/xml').send('<Error><Code>NoSuchKey</Code></Error>');
    return reply.type(found.doc.contentType).send(found.doc.content);
  });

  app.post(`${BASE}/feeds`, { config: { amazonOperation: 'createFeed' } }, (request, reply) => {
    const data = account(request);
    const b = obj(request.body, 'body');
    const feedType = req(b.feedType, 'feedType');
    if (!SUPPORTED_FEED_TYPES.includes(feedType))
      throw invalidInput(
        `feedType ${feedType} is not supported by the sandbox (supported: ${SUPPORTED_FEED_TYPES.join(', ')})`,
      );
    const marketplaceIds = arr(b.marketplaceIds, 'marketplaceIds', { max: 25 }).map((m, i) =>
      req(m, `marketplaceIds[${i}]`),
    );
    if (!marketplaceIds.every((m) => m === data.account.amazon?.marketplaceId))
      throw invalidInput('marketplaceIds contains a marketplace this seller does not sell in');
    const inputFeedDocumentId = req(b.inputFeedDocumentId, 'inputFeedDocumentId');
    const doc = data.feedDocuments.get(inputFeedDocumentId);
    if (!doc) throw invalidInput(`inputFeedDocumentId ${inputFeedDocumentId} does not exist`);
    if (doc.content === undefined)
      throw invalidInput(`inputFeedDocumentId ${inputFeedDocumentId} has no uploaded content`);
    data.sequence += 1;
    const feedId = String(50000000000 + data.sequence * 7);
    data.feeds.set(feedId, {
      feedId,
      feedType,
      marketplaceIds,
      inputFeedDocumentId,
      createdTime: ctx.clock.now(),
      status: 'IN_QUEUE',
      ...(request.silentDrop ? { silentlyDropped: true } : {}),
    });
    claimFatalFeed(data, feedType, feedId);
    ctx.changed();
    return reply.code(202).send({ feedId });
  });

  app.get<{ Querystring: { feedTypes?: string; pageSize?: string } }>(
    `${BASE}/feeds`,
    { config: { amazonOperation: 'getFeeds' } },
    (request) => {
      const types = request.query.feedTypes?.split(',').filter(Boolean) ?? [];
      const pageSize = request.query.pageSize === undefined ? 10 : Number(request.query.pageSize);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
        throw invalidInput('pageSize must be an integer between 1 and 100');
      const feeds = [...account(request).feeds.values()]
        .filter((f) => types.length === 0 || types.includes(f.feedType))
        .sort((a, b) => b.createdTime - a.createdTime);
      return { feeds: feeds.slice(0, pageSize).map(serializeFeed) };
    },
  );

  app.get<{ Params: { feedId: string } }>(
    `${BASE}/feeds/:feedId`,
    { config: { amazonOperation: 'getFeed' } },
    (request) => {
      const feed = account(request).feeds.get(request.params.feedId);
      if (!feed) throw notFound(`Feed ${request.params.feedId} not found`);
      return serializeFeed(feed);
    },
  );

  app.delete<{ Params: { feedId: string } }>(
    `${BASE}/feeds/:feedId`,
    { config: { amazonOperation: 'cancelFeed' } },
    (request, reply) => {
      const feed = account(request).feeds.get(request.params.feedId);
      if (!feed) throw notFound(`Feed ${request.params.feedId} not found`);
      if (feed.status !== 'IN_QUEUE')
        throw new AmazonError(
          400,
          'InvalidInput',
          `Feed ${feed.feedId} is ${feed.status}; only IN_QUEUE feeds can be cancelled`,
        );
      feed.status = 'CANCELLED';
      ctx.changed();
      return reply.code(200).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    `${BASE}/documents/:id`,
    { config: { amazonOperation: 'getFeedDocument' } },
    (request) => {
      const doc = account(request).feedDocuments.get(request.params.id);
      if (!doc) throw notFound(`Feed document ${request.params.id} not found`);
      return { feedDocumentId: doc.feedDocumentId, url: documentUrl(request, doc.feedDocumentId) };
    },
  );
}
