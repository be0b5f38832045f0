import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from 'src/common/database/transactions';
import { ShipmentTrackerRepository, type ShipmentTrackerEntity } from '../shipment-tracker.repository';
import { TrackerSnapshotsService, type TrackerReport } from '../tracker-snapshots.service';
import { TrackingWebhookInboxRepository, type PendingTrackingEvent } from './tracking-webhook-inbox.repository';

const DAY_MS = 86_400_000;
/** Events applied per transaction. */
const BATCH = 1_000;
/** Carriers reuse tracking numbers: a code matches only trackers created within about four months. */
export const CODE_MATCH_DAYS = 120;
/** After a short batch, how long to let posts gather before claiming again (fewer, larger transactions). */
const GATHER_MS = 50;
/** Codes remembered as logged, so an unknown code is logged once (the set starts over past this size). */
const LOGGED_CODES_MAX = 10_000;

/**
 * Applies the webhook inbox: pending events a batch at a time, each matched to the shipments it is about by the
 * provider's tracker id, else by code AND carrier among recent trackers (never by code alone). An event about a
 * parcel the hub does not follow is deleted (stored nowhere) and its code logged once.
 */
@Injectable()
export class TrackingEventIngestService {
  private readonly log = new Logger('TrackingWebhooks');
  private readonly loggedCodes = new Set<string>();

  constructor(
    private readonly tx: Transactions,
    private readonly inbox: TrackingWebhookInboxRepository,
    private readonly trackers: ShipmentTrackerRepository,
    private readonly snapshots: TrackerSnapshotsService,
  ) {}

  /**
   * Applies pending events until none is left (none after a short wait, so a stream of posts is applied in batches
   * rather than one transaction each); returns how many events were applied.
   */
  async ingestPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = new Date();
      const batch = await this.tx.run(async (em) => {
        const events = await this.inbox.claimPending(em, BATCH);
        if (events.length === 0) return null;
        const { reports, matched, unknown } = await this.match(events, now, em);
        const applied = await this.snapshots.applyIn(em, reports, now);
        await this.inbox.markProcessed(em, matched, now);
        await this.inbox.remove(em, unknown);
        return { applied, events: events.length, matched: matched.length };
      });
      if (!batch) return total;
      await this.snapshots.announce(batch.applied);
      total += batch.matched;
      if (batch.events < BATCH) await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    }
  }

  /** Two set-based lookups for the whole batch (tracker ids, then codes), then matching in memory by key. */
  private async match(events: PendingTrackingEvent[], now: Date, em: EntityManager) {
    const byId = new Map<string, ShipmentTrackerEntity[]>();
    for (const provider of new Set(events.map((e) => e.provider))) {
      const ids = [...new Set(events.filter((e) => e.provider === provider).map((e) => e.snapshot.providerTrackerId))];
      for (const t of await this.trackers.findByProviderIds(provider, ids, em))
        push(byId, `${provider}:${t.providerTrackerId}`, t);
    }
    const codes = [...new Set(events.map((e) => e.snapshot.trackingCode.toUpperCase()))];
    const byCode = new Map<string, ShipmentTrackerEntity[]>();
    const since = new Date(now.getTime() - CODE_MATCH_DAYS * DAY_MS);
    for (const t of await this.trackers.findRecentByCodes(codes, since, em))
      if (t.state !== 'UNTRACKABLE') push(byCode, codeKey(t.provider, t.trackingCode, t.carrier), t);
    const reports: TrackerReport[] = [];
    const matched: string[] = [];
    const unknown: string[] = [];
    for (const event of events) {
      const { snapshot } = event;
      const followers = new Map<string, ShipmentTrackerEntity>();
      for (const t of byId.get(`${event.provider}:${snapshot.providerTrackerId}`) ?? []) followers.set(t.shipmentId, t);
      for (const t of byCode.get(codeKey(event.provider, snapshot.trackingCode, snapshot.carrier)) ?? [])
        if (!t.providerTrackerId || t.providerTrackerId === snapshot.providerTrackerId) followers.set(t.shipmentId, t);
      if (followers.size === 0) {
        unknown.push(event.id);
        this.logUnknown(snapshot.carrier, snapshot.trackingCode);
        continue;
      }
      matched.push(event.id);
      for (const tracker of followers.values()) reports.push({ tracker, snapshot });
    }
    return { reports, matched, unknown };
  }

  private logUnknown(carrier: string, code: string): void {
    const key = `${carrier}:${code}`.toUpperCase();
    if (this.loggedCodes.has(key)) return;
    if (this.loggedCodes.size >= LOGGED_CODES_MAX) this.loggedCodes.clear();
    this.loggedCodes.add(key);
    this.log.warn(
      `Tracking webhook for ${carrier} ${code}: the hub follows no shipment with it; the event is not kept`,
    );
  }
}

const codeKey = (provider: string, code: string, carrier: string) =>
  `${provider}|${code.toUpperCase()}|${carrier.toUpperCase()}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
