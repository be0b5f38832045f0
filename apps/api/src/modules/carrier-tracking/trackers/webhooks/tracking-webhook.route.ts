import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { registerRawBodyPost } from 'src/common/http/raw-body-route';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EASYPOST_PROVIDER } from 'src/modules/carrier-tracking/provider/easypost/easypost-tracking-provider';
import {
  TrackingProviderError,
  WebhookSignatureError,
  type TrackingProvider,
  type TrackingWebhookEvent,
} from 'src/modules/carrier-tracking/provider/tracking-provider';
import { TrackingProviderService } from 'src/modules/carrier-tracking/provider/tracking-provider.service';
import { markAuthenticationRefused } from 'src/modules/auth/request-authentication';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { INGEST_ID } from '../jobs/ingest-tracking-events.job';
import { TrackingWebhookInboxRepository } from './tracking-webhook-inbox.repository';

export const EASYPOST_WEBHOOK_PATH = '/webhooks/easypost';
/** The verifying provider is looked up at most this often (a settings change reaches the route within it). */
const VERIFIER_TTL_MS = 1_000;

/**
 * `POST /webhooks/easypost`: public (the provider signs it instead); exempt from the hub's per-address request limit
 * (rate-limits.ts), but a bad signature counts toward the address's refused authentications.
 * The signature is checked over the raw body, so this route reads the body as bytes in a scope of its own (the rest
 * of the hub keeps its JSON parser). A bad signature is answered 401 with nothing stored; a good one is stored in the
 * inbox by event id and answered 200 at once, and the ingest job applies it.
 */
@Injectable()
export class TrackingWebhookRoute implements OnModuleInit {
  private readonly log = new Logger('TrackingWebhooks');
  private verifier: { at: number; provider: Promise<TrackingProvider | null> } | null = null;

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly providers: TrackingProviderService,
    private readonly inbox: TrackingWebhookInboxRepository,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    registerRawBodyPost(this.http, EASYPOST_WEBHOOK_PATH, (req, reply) => this.receive(req, reply));
  }

  /** Verifies with the provider that holds the webhook secret, looked up once a second rather than per post. */
  private async verify(body: Buffer, headers: FastifyRequest['headers']): Promise<TrackingWebhookEvent> {
    const now = Date.now();
    if (!this.verifier || now - this.verifier.at > VERIFIER_TTL_MS)
      this.verifier = { at: now, provider: this.providers.webhookProvider() };
    const provider = await this.verifier.provider.catch((err: unknown) => {
      this.verifier = null;
      throw err;
    });
    if (!provider) throw new WebhookSignatureError('No tracking provider webhook secret is configured');
    return provider.verifyWebhook(body, headers);
  }

  private async receive(req: FastifyRequest, reply: FastifyReply) {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let event;
    try {
      event = await this.verify(body, req.headers);
    } catch (err) {
      if (err instanceof WebhookSignatureError) {
        req.log.warn({ ip: req.ip }, `Tracking webhook refused: ${err.message}`);
        markAuthenticationRefused(req);
        return reply.code(401).send({ error: 'The webhook signature does not match' });
      }
      // Signed, but not an event the provider's mapper can read: nothing is stored.
      if (err instanceof TrackingProviderError) {
        req.log.warn({ ip: req.ip }, `Tracking webhook unreadable: ${err.message}`);
        return reply.code(400).send({ error: 'The webhook is not a tracking event the hub can read' });
      }
      throw err;
    }
    // Events about something other than a tracker carry nothing the hub keeps.
    if (event.tracker && (await this.inbox.store(event.id, EASYPOST_PROVIDER, event.tracker))) {
      await this.queue.enqueue(JobName.INGEST_TRACKING_EVENTS, INGEST_ID).catch((err: unknown) => this.log.error(err));
    }
    return reply.code(200).send({ received: true });
  }
}
