import { Injectable, Logger } from '@nestjs/common';
import { carrierNamed, orderName } from '@order-hub/rules';
import { isCarrierCode, type CarrierCode } from '@order-hub/types';
import { Transactions } from 'src/common/database/transactions';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import {
  TrackingProviderError,
  type TrackerSnapshot,
  type TrackingProvider,
} from 'src/modules/carrier-tracking/provider/tracking-provider';
import { TrackingProviderService } from 'src/modules/carrier-tracking/provider/tracking-provider.service';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { ProviderCallBudget } from './provider-call-budget';
import { ShipmentTrackerRepository, type NewTracker, type UntrackedShipment } from './shipment-tracker.repository';
import { TrackerSnapshotsService } from './tracker-snapshots.service';

const DAY_MS = 86_400_000;
/** Shipments older than this are not registered: their story is over before the hub could follow it. */
export const REGISTRATION_WINDOW_DAYS = 60;
/** Shipments looked at per run. */
const BATCH = 200;

export interface RegistrationOutcome {
  registered: number;
  untrackable: number;
  failed: number;
}

/** The alert of a number the provider refuses; resolved once the shipment is tracked (a corrected number). */
export const untrackableKey = (shipmentId: string) => `untrackable-tracking:${shipmentId}`;

/** The hub's carrier of a shipment: its code when confirmed through the hub, else the carrier its name stands for. */
export function hubCarrierOf(s: Pick<UntrackedShipment, 'carrier' | 'carrierCode'>): CarrierCode {
  if (isCarrierCode(s.carrierCode) && s.carrierCode !== 'OTHER') return s.carrierCode;
  return carrierNamed(s.carrier) ?? 'OTHER';
}

/**
 * Registers every shipment with a tracking number at the tracking provider (console, CSV, API and MCF shipments
 * and channel imports alike), within the provider's rate limit. A number the provider refuses is marked UNTRACKABLE
 * and the operator is told; a failed call leaves a PENDING tracker that polling retries with backoff.
 */
@Injectable()
export class TrackerRegistrationService {
  private readonly log = new Logger('TrackerRegistration');

  constructor(
    private readonly tx: Transactions,
    private readonly providers: TrackingProviderService,
    private readonly trackers: ShipmentTrackerRepository,
    private readonly snapshots: TrackerSnapshotsService,
    private readonly orders: OrderRepository,
    private readonly alerts: AlertsService,
    private readonly budget: ProviderCallBudget,
  ) {}

  /** Registers the untracked shipments, newest first, until the batch or the call budget runs out. */
  async registerUntracked(now: Date): Promise<RegistrationOutcome> {
    const outcome: RegistrationOutcome = { registered: 0, untrackable: 0, failed: 0 };
    const provider = await this.providers.current();
    if (!provider) return outcome;
    const candidates = await this.trackers.untracked(
      new Date(now.getTime() - REGISTRATION_WINDOW_DAYS * DAY_MS),
      BATCH,
    );
    for (const shipment of candidates) {
      if (!this.budget.take()) break;
      const stop = await this.registerOne(provider, shipment, now, outcome);
      if (stop) break;
    }
    return outcome;
  }

  /**
   * Registers one shipment; `retrying` when its PENDING tracker is due again (a failure then lengthens its backoff).
   * True when the provider is down and the run should stop.
   */
  async registerOne(
    provider: TrackingProvider,
    shipment: UntrackedShipment,
    now: Date,
    outcome: RegistrationOutcome = { registered: 0, untrackable: 0, failed: 0 },
    retrying = false,
  ): Promise<boolean> {
    const carrier = hubCarrierOf(shipment);
    const base = {
      shipmentId: shipment.shipmentId,
      orderId: shipment.orderId,
      provider: provider.name,
      trackingCode: shipment.trackingCode,
    };
    try {
      const result = await provider.track(carrier, shipment.trackingCode);
      await this.providers.recordSuccess();
      if (result.kind === 'UNTRACKABLE') {
        await this.markUntrackable({ ...base, carrier }, result.reason, now);
        outcome.untrackable += 1;
      } else {
        await this.store(base, result.tracker, now);
        outcome.registered += 1;
      }
      return false;
    } catch (err) {
      if (!(err instanceof TrackingProviderError)) throw err;
      outcome.failed += 1;
      await this.providers.recordFailure(err.message);
      if (!retrying)
        await this.trackers.put([
          {
            ...base,
            providerTrackerId: null,
            carrier,
            state: 'PENDING',
            pollFailures: 0,
            nextPollAt: now,
            lastError: err.message.slice(0, 300),
          },
        ]);
      await this.trackers.backOff([shipment.shipmentId], err.message, now);
      return err.retryable;
    }
  }

  private async store(
    base: Omit<NewTracker, 'providerTrackerId' | 'carrier' | 'state'>,
    snapshot: TrackerSnapshot,
    now: Date,
  ) {
    const applied = await this.tx.run(async (em) => {
      // A number already on another shipment (reused across orders) shares the provider's tracker: this one is
      // then matched by code and carrier, since the tracker id names one shipment only.
      const [holder] = await this.trackers.findByProviderIds(base.provider, [snapshot.providerTrackerId], em);
      const shared = holder && holder.shipmentId !== base.shipmentId;
      const row: NewTracker = {
        ...base,
        providerTrackerId: shared ? null : snapshot.providerTrackerId,
        carrier: snapshot.carrier.slice(0, 32),
        state: 'TRACKING',
        checkedAt: now,
      };
      await this.trackers.put([row], em);
      const [tracker] = await this.trackers.findByShipmentIds([base.shipmentId], em);
      await this.alerts.resolve(untrackableKey(base.shipmentId), em);
      return this.snapshots.applyIn(em, [{ tracker, snapshot }], now);
    });
    await this.snapshots.announce(applied);
  }

  private async markUntrackable(row: Omit<NewTracker, 'providerTrackerId' | 'state'>, reason: string, now: Date) {
    const [order] = await this.orders.findByIds([row.orderId]);
    await this.tx.run(async (em) => {
      await this.trackers.put(
        [
          {
            ...row,
            providerTrackerId: null,
            state: 'UNTRACKABLE',
            untrackableReason: reason.slice(0, 300),
            checkedAt: now,
          },
        ],
        em,
      );
      const name = order ? orderName(order.channel, order.channelOrderId) : `Order ${row.orderId}`;
      await this.alerts.raise(
        {
          kind: 'UNTRACKABLE_TRACKING',
          severity: 'HIGH',
          conditionKey: untrackableKey(row.shipmentId),
          orderId: row.orderId,
          accountId: order?.accountId ?? null,
          message: `${name} was confirmed with ${row.carrier} tracking ${row.trackingCode}, and the carrier tracking service cannot follow that number: ${reason}. Walmart counts tracking it cannot follow on the carrier's site as invalid, so this shipment is a valid-tracking defect until it is corrected.`,
          action:
            'Check the number and the carrier with whoever shipped it (the supplier or the label) and correct the tracking on the order (Update tracking).',
        },
        em,
      );
    });
    this.log.warn(`Untrackable ${row.carrier} ${row.trackingCode} (shipment ${row.shipmentId}): ${reason}`);
  }
}
