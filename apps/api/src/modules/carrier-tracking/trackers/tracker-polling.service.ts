import { Injectable } from '@nestjs/common';
import {
  TrackingProviderError,
  type TrackerSnapshot,
  type TrackingProvider,
} from 'src/modules/carrier-tracking/provider/tracking-provider';
import { TrackingProviderService } from 'src/modules/carrier-tracking/provider/tracking-provider.service';
import { ProviderCallBudget } from './provider-call-budget';
import { ShipmentTrackerRepository, type ShipmentTrackerEntity } from './shipment-tracker.repository';
import { TrackerRegistrationService } from './tracker-registration.service';
import { TrackerSnapshotsService, type TrackerReport } from './tracker-snapshots.service';

/** Trackers looked at per run, and codes per list call (one call reconciles a batch). */
const DUE_PER_RUN = 500;
const CODES_PER_CALL = 50;

export interface PollOutcome {
  polled: number;
  failed: number;
}

/** One tracker's match in the provider's answer: its tracker id, else its code and carrier (never the code alone). */
export function findSnapshot(
  tracker: Pick<ShipmentTrackerEntity, 'providerTrackerId' | 'trackingCode' | 'carrier'>,
  snapshots: readonly TrackerSnapshot[],
): TrackerSnapshot | null {
  if (tracker.providerTrackerId) {
    const byId = snapshots.find((s) => s.providerTrackerId === tracker.providerTrackerId);
    if (byId) return byId;
  }
  return (
    snapshots.find(
      (s) =>
        s.trackingCode.toUpperCase() === tracker.trackingCode.toUpperCase() &&
        s.carrier.toUpperCase() === tracker.carrier.toUpperCase(),
    ) ?? null
  );
}

/**
 * Polling, the fallback when webhooks are late or lost: the trackers due (next_poll_at) are reconciled a batch of codes
 * per provider call, within the provider's rate limit. A failed call backs off each tracker of the batch exponentially;
 * a provider that is down (429, 5xx, network) ends the run. PENDING trackers (registration failed) are registered again.
 */
@Injectable()
export class TrackerPollingService {
  constructor(
    private readonly providers: TrackingProviderService,
    private readonly trackers: ShipmentTrackerRepository,
    private readonly registration: TrackerRegistrationService,
    private readonly snapshots: TrackerSnapshotsService,
    private readonly budget: ProviderCallBudget,
  ) {}

  async pollDue(now: Date): Promise<PollOutcome> {
    const outcome: PollOutcome = { polled: 0, failed: 0 };
    const provider = await this.providers.current();
    if (!provider) return outcome;
    const due = await this.trackers.due(now, DUE_PER_RUN);
    const tracking = due.filter((t) => t.state === 'TRACKING');
    for (let i = 0; i < tracking.length; i += CODES_PER_CALL) {
      if (!this.budget.take()) return outcome;
      const batch = tracking.slice(i, i + CODES_PER_CALL);
      if (await this.reconcile(provider, batch, now, outcome)) return outcome;
    }
    for (const pending of due.filter((t) => t.state === 'PENDING')) {
      if (!this.budget.take()) return outcome;
      // A PENDING tracker's carrier is the hub's carrier code it was registered under.
      const shipment = {
        shipmentId: pending.shipmentId,
        orderId: pending.orderId,
        carrier: pending.carrier,
        carrierCode: pending.carrier,
        trackingCode: pending.trackingCode,
      };
      const registered = { registered: 0, untrackable: 0, failed: 0 };
      const stop = await this.registration.registerOne(provider, shipment, now, registered, true);
      outcome.polled += registered.registered + registered.untrackable;
      outcome.failed += registered.failed;
      if (stop) return outcome;
    }
    return outcome;
  }

  /** One list call for the batch's codes; trackers missing from the answer are read one by one. */
  private async reconcile(
    provider: TrackingProvider,
    batch: ShipmentTrackerEntity[],
    now: Date,
    outcome: PollOutcome,
  ): Promise<boolean> {
    const reports: TrackerReport[] = [];
    try {
      const found = await provider.byCodes([...new Set(batch.map((t) => t.trackingCode))]);
      const missing: ShipmentTrackerEntity[] = [];
      for (const tracker of batch) {
        const snapshot = findSnapshot(tracker, found);
        if (snapshot) reports.push({ tracker, snapshot });
        else missing.push(tracker);
      }
      for (const tracker of missing) {
        if (!tracker.providerTrackerId) {
          await this.trackers.backOff(
            [tracker.shipmentId],
            'The provider lists no tracker for this code and carrier',
            now,
          );
          outcome.failed += 1;
          continue;
        }
        if (!this.budget.take()) break;
        reports.push({ tracker, snapshot: await provider.get(tracker.providerTrackerId) });
      }
      await this.providers.recordSuccess();
    } catch (err) {
      if (!(err instanceof TrackingProviderError)) throw err;
      const unanswered = batch.filter((t) => !reports.some((r) => r.tracker.shipmentId === t.shipmentId));
      await this.trackers.backOff(
        unanswered.map((t) => t.shipmentId),
        err.message,
        now,
      );
      await this.providers.recordFailure(err.message);
      outcome.failed += unanswered.length;
      await this.snapshots.apply(reports, now);
      outcome.polled += reports.length;
      return err.retryable;
    }
    await this.snapshots.apply(reports, now);
    outcome.polled += reports.length;
    return false;
  }
}
