import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { TrackingEventIngestService } from '../webhooks/tracking-event-ingest.service';
import { TrackingWebhookInboxRepository } from '../webhooks/tracking-webhook-inbox.repository';

const SWEEP_MS = 2_000;
export const INGEST_ID = 'inbox';

/**
 * `ingest-tracking-events` (id 'inbox'): applies the webhook inbox's pending events until none is left. The webhook
 * route queues it; a sweep every two seconds queues it again when events wait, since a post stored while a run was
 * finishing joins that run (one run per id) and would otherwise wait for the next post. Events already accepted are
 * applied whatever SYNC_ENABLED says.
 */
@Injectable()
export class IngestTrackingEventsJob
  implements JobHandler, OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  readonly jobName = JobName.INGEST_TRACKING_EVENTS;
  private readonly log = new Logger('TrackingWebhooks');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly ingest: TrackingEventIngestService,
    private readonly inbox: TrackingWebhookInboxRepository,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  handle(): Promise<number> {
    return this.ingest.ingestPending();
  }

  private async sweep(): Promise<void> {
    try {
      if (await this.inbox.hasPending()) await this.queue.enqueue(JobName.INGEST_TRACKING_EVENTS, INGEST_ID);
    } catch (err) {
      this.log.error(err);
    }
  }
}
