import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CHANNELS, type Channel } from '@order-hub/types';
import { JobHandlers, type JobHandler } from 'src/modules/jobs/job-handlers';
import { JobName } from 'src/modules/jobs/job-name';
import { ComplianceSnapshotService } from './compliance-snapshot.service';

/** `compliance-snapshots` for one channel (the job id): today's and yesterday's snapshots, and missing days of the last 30. */
@Injectable()
export class ComplianceSnapshotJob implements JobHandler, OnModuleInit {
  readonly jobName = JobName.COMPLIANCE_SNAPSHOTS;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly snapshots: ComplianceSnapshotService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(channel: string): Promise<number> {
    if (!CHANNELS.includes(channel as Channel)) throw new Error(`compliance-snapshots: unknown channel ${channel}`);
    return this.snapshots.refresh(channel as Channel, new Date());
  }
}
