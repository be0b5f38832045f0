import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import { TrackingEventIngestService } from '../webhooks/tracking-event-ingest.service';

/** `ingest-tracking-events` (id 'inbox'): applies the webhook inbox's pending events until none is left. */
@Injectable()
export class IngestTrackingEventsJob implements JobHandler, OnModuleInit {
  readonly jobName = JobName.INGEST_TRACKING_EVENTS;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly ingest: TrackingEventIngestService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  handle(): Promise<number> {
    return this.ingest.ingestPending();
  }
}
