import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { registerRawBodyPost } from 'src/common/http/raw-body-route';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { markAuthenticationRefused } from 'src/modules/auth/request-authentication';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import { type ParsedPush, PushParseError } from 'src/modules/channels/channel-push';
import { channelDescriptor } from 'src/modules/channels/channel-registry';
import { PushInbox } from '../inbox/push-inbox.service';
import { PushLedger } from '../ledger/push-ledger.service';
import { UUID } from 'src/common/validation/uuid';

export const PUSH_WEBHOOK_PATH = '/push/:accountId';

/**
 * `POST /push/:accountId`: a channel's order push for one account. Public (the channel signs it with the account's
 * secret instead); exempt from the per-address request limit (rate-limits.ts), but a bad signature counts toward the
 * address's refused authentications. The signature covers the raw body, so the route reads bytes in a scope of its
 * own. Unknown, disabled or push-less account → 404; bad signature → 401; nothing stored for either. A delivery the
 * channel's parser cannot read is kept as MALFORMED (once per body) and answered 200, so the channel stops retrying
 * it; the rest go to the inbox, which dedupes by event id and hands each order to the job queue.
 */
@Injectable()
export class PushWebhookRoute implements OnModuleInit {
  private readonly log = new Logger('PushWebhooks');

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly accounts: ChannelAccountRepository,
    private readonly ledger: PushLedger,
    private readonly inbox: PushInbox,
  ) {}

  onModuleInit(): void {
    registerRawBodyPost<{ accountId: string }>(this.http, PUSH_WEBHOOK_PATH, (req, reply) => this.receive(req, reply));
  }

  private async receive(req: FastifyRequest<{ Params: { accountId: string } }>, reply: FastifyReply) {
    const { accountId } = req.params;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const account = UUID.test(accountId) ? await this.accounts.findEnabledById(accountId) : null;
    const push = account ? channelDescriptor(account.channel).push : undefined;
    const secret = push?.verifyWebhook ? await this.ledger.webhookSecret(accountId) : null;
    if (!push?.verifyWebhook || !secret) return reply.code(404).send({ error: 'No account here receives pushes' });
    if (!push.verifyWebhook(req.headers, body, secret)) {
      req.log.warn({ ip: req.ip, accountId }, 'Push refused: the signature does not match');
      markAuthenticationRefused(req);
      return reply.code(401).send({ error: 'The push signature does not match' });
    }
    let json: unknown = null;
    let parsed: ParsedPush;
    try {
      json = JSON.parse(body.toString('utf8'));
      parsed = push.parse(json);
    } catch (err) {
      if (!(err instanceof PushParseError || err instanceof SyntaxError)) throw err;
      const reason = err instanceof PushParseError ? err.reason : `The body is not JSON: ${err.message}`;
      const eventId = `malformed:${createHash('sha256').update(body).digest('hex')}`;
      this.log.warn(`Push for account ${accountId} could not be read: ${reason}`);
      await this.ledger.recordMalformed(accountId, eventId, reason, json ?? body.toString('utf8'));
      return reply.code(200).send({ received: 0 });
    }
    const received = await this.inbox.accept(accountId, parsed.events, new Date());
    return reply.code(200).send({ received });
  }
}
