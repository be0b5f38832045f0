import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import { JobQueue } from 'src/modules/jobs/job-queue';
import { TrackerPollingService, type PollOutcome } from '../tracker-polling.service';
import { TrackerRegistrationService, type RegistrationOutcome } from '../tracker-registration.service';
import { TrackingWebhookInboxRepository } from '../webhooks/tracking-webhook-inbox.repository';

const TICK_MS = 15_000;
/** Applied webhook events are kept this long (EasyPost retries a failed delivery for days), then dropped. */
const INBOX_KEEP_MS = 14 * 86_400_000;
const PRUNE_EVERY_TICKS = 240;

export const TRACK_SHIPMENTS_ID = 'due';

/**
 * `track-shipments`: registers the shipments the hub does not follow yet, then polls the trackers due. One job id,
 * so one run at a time across processes. The tick (with the hub's other schedules, SYNC_ENABLED) queues it and
 * drops applied webhook events past their keep.
 */
@Injectable()
export class TrackShipmentsJob implements JobHandler, OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  readonly jobName = JobName.TRACK_SHIPMENTS;
  private readonly log = new Logger('ShipmentTracking');
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly queue: JobQueue,
    private readonly registration: TrackerRegistrationService,
    private readonly polling: TrackerPollingService,
    private readonly inbox: TrackingWebhookInboxRepository,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  onApplicationBootstrap(): void {
    if (!this.config.sync.enabled) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async handle(): Promise<{ registration: RegistrationOutcome; polling: PollOutcome }> {
    const registration = await this.registration.registerUntracked(new Date());
    const polling = await this.polling.pollDue(new Date());
    return { registration, polling };
  }

  private async tick(): Promise<void> {
    try {
      await this.queue.enqueue(JobName.TRACK_SHIPMENTS, TRACK_SHIPMENTS_ID);
      if (this.ticks++ % PRUNE_EVERY_TICKS === 0) await this.inbox.prune(new Date(Date.now() - INBOX_KEEP_MS));
    } catch (err) {
      this.log.error(err);
    }
  }
}
