import { randomBytes } from 'node:crypto';
import { detectCarrier, easypostCarrier, ORIGINS, placeFor, TEST_CODES } from './carriers';
import { EasyPostError, invalidParameter, notFound, untrackable } from './errors';
import { LabelDesk, type LabelDeskState } from './labels';
import { parcelScript, testCodeScript } from './script';
import { currentStatus, serializeTracker, visibleScans } from './serialize';
import type { ShippedPackage } from './shipments';
import type {
  EasyPostPlace,
  EventRecord,
  Parcel,
  ParcelFaultSpec,
  ParcelScript,
  TrackerRecord,
  TrackerStatus,
} from './types';
import { type DeliveryCounts, WebhookDispatcher } from './webhooks';

const key = (carrier: string, code: string) => `${carrier.toLowerCase()}|${code.replace(/\s+/g, '').toUpperCase()}`;
const DEFAULT_SHIP_TO: EasyPostPlace = { city: 'CHARLESTON', state: 'SC', zip: '29401', country: 'US' };

export interface TrackerQuery {
  trackingCodes: string[];
  carrier?: string;
  pageSize: number;
  beforeId?: string;
  afterId?: string;
  start?: number;
  end?: number;
}

export interface EasyPostState {
  parcels: Parcel[];
  trackers: TrackerRecord[];
  events: EventRecord[];
  webhooks: WebhookDispatcher['webhooks'] extends Map<string, infer V> ? V[] : never;
  pending: WebhookDispatcher['pending'];
  seq: number;
  /** Absent in snapshots written before the label desk. */
  labels?: LabelDeskState;
}

/**
 * EasyPost's Tracker API over the sandbox clock: parcels (what the carriers hold, with scripted scans and faults),
 * trackers (what a client follows, by code and carrier), and the tracker.created / tracker.updated events owed to
 * registered webhooks as the clock passes each scripted scan.
 */
export class EasyPostSimulator {
  private readonly parcels = new Map<string, Parcel>();
  private readonly scripts = new Map<string, ParcelScript>();
  private readonly trackers = new Map<string, TrackerRecord>();
  private readonly trackerByKey = new Map<string, string>();
  private readonly events = new Map<string, EventRecord>();
  readonly hooks = new WebhookDispatcher();
  private seq = 0;
  /** Shipments, rates and labels: a bought label's parcel joins the carriers' parcels, with a tracker. */
  readonly labels = new LabelDesk({
    labelBought: (s, rate, now) => {
      const place = (a: typeof s.to): EasyPostPlace => ({
        city: (a.city ?? '').toUpperCase(),
        state: (a.state ?? '').toUpperCase(),
        zip: (a.zip ?? '').slice(0, 5),
        country: a.country,
      });
      const code = s.bought?.trackingCode as string;
      this.newParcel({
        carrier: rate.carrier,
        trackingCode: code,
        shippedAt: now,
        shipTo: place(s.to),
        origin: place(s.from),
      });
      const tracker = this.createTracker(code, rate.carrier, now, s.id);
      return { trackerId: tracker.id };
    },
    scanned: (carrier, code, now) => {
      const parcel = this.parcel(carrier, code);
      const script = parcel ? this.scriptOf({ carrier: parcel.carrier, trackingCode: code } as TrackerRecord) : null;
      return visibleScans(script, now).some((scan) => scan.status !== 'pre_transit');
    },
    labelVoided: (carrier, code) => {
      this.setFault(carrier, code, { fault: 'NO_SCAN' });
    },
  });

  constructor(readonly mode: 'test' | 'production' = 'test') {}

  // ---- parcels ----

  /** A package a channel shipped; the first record of a (carrier, code) wins, as the carrier keeps the first label. */
  recordShipment(shipped: ShippedPackage): void {
    const carrier = easypostCarrier(shipped.carrier) ?? detectCarrier(shipped.trackingCode);
    if (!carrier || !shipped.trackingCode) return;
    if (this.parcels.has(key(carrier, shipped.trackingCode))) return;
    this.putParcel({
      carrier,
      trackingCode: shipped.trackingCode,
      shippedAt: shipped.shippedAt,
      origin: placeFor(shipped.trackingCode, ORIGINS),
      shipTo: shipped.shipTo,
    });
  }

  putParcel(parcel: Parcel): Parcel {
    const k = key(parcel.carrier, parcel.trackingCode);
    this.parcels.set(k, parcel);
    this.scripts.delete(k);
    return parcel;
  }

  newParcel(input: {
    carrier: string;
    trackingCode: string;
    shippedAt: number;
    shipTo?: EasyPostPlace;
    origin?: EasyPostPlace;
    fault?: ParcelFaultSpec;
  }): Parcel {
    const carrier = easypostCarrier(input.carrier);
    if (!carrier) throw new RangeError(`carrier ${input.carrier} is not one the sandbox's EasyPost tracks`);
    return this.putParcel({
      carrier,
      trackingCode: input.trackingCode,
      shippedAt: input.shippedAt,
      origin: input.origin ?? placeFor(input.trackingCode, ORIGINS),
      shipTo: input.shipTo ?? DEFAULT_SHIP_TO,
      ...(input.fault ? { fault: input.fault } : {}),
    });
  }

  parcel(carrier: string, code: string): Parcel | undefined {
    const name = easypostCarrier(carrier) ?? carrier;
    return this.parcels.get(key(name, code));
  }

  setFault(carrier: string, code: string, fault: ParcelFaultSpec | null): Parcel | undefined {
    const parcel = this.parcel(carrier, code);
    if (!parcel) return undefined;
    if (fault) parcel.fault = fault;
    else delete parcel.fault;
    this.scripts.delete(key(parcel.carrier, parcel.trackingCode));
    return parcel;
  }

  private scriptOf(tracker: TrackerRecord): ParcelScript | null {
    if (tracker.testScript) return tracker.testScript;
    const k = key(tracker.carrier, tracker.trackingCode);
    const parcel = this.parcels.get(k);
    if (!parcel) return null;
    let script = this.scripts.get(k);
    if (!script) {
      script = parcelScript(parcel);
      this.scripts.set(k, script);
    }
    return script;
  }

  // ---- trackers ----

  /** POST /trackers: the existing tracker for the code and carrier, else a new one (tracker.created). */
  createTracker(rawCode: unknown, rawCarrier: unknown, now: number, shipmentId?: string): TrackerRecord {
    if (typeof rawCode !== 'string' || rawCode.trim() === '')
      throw invalidParameter('tracker.tracking_code', 'is required');
    if (rawCarrier !== undefined && rawCarrier !== null && typeof rawCarrier !== 'string')
      throw invalidParameter('tracker.carrier', 'must be a string');
    const code = rawCode.replace(/\s+/g, '').toUpperCase();
    const testStatus = TEST_CODES[code] as TrackerStatus | undefined;
    const given = typeof rawCarrier === 'string' && rawCarrier.trim() !== '' ? rawCarrier : undefined;
    const carrier = given ? easypostCarrier(given) : testStatus ? 'USPS' : detectCarrier(code);
    if (!carrier) throw untrackable(code);
    if (this.parcels.get(key(carrier, code))?.fault?.fault === 'UNTRACKABLE') throw untrackable(code);
    const existing = this.trackerByKey.get(key(carrier, code));
    if (existing) return this.trackers.get(existing) as TrackerRecord;
    this.seq += 1;
    const tracker: TrackerRecord = {
      id: `trk_${randomBytes(16).toString('hex')}`,
      seq: this.seq,
      carrier,
      trackingCode: code,
      createdAt: now,
      reportedScans: 0,
      reportedStatus: 'unknown',
      ...(shipmentId ? { shipmentId } : {}),
      ...(testStatus ? { testScript: testCodeScript(carrier, testStatus, now) } : {}),
    };
    const script = this.scriptOf(tracker);
    tracker.reportedScans = visibleScans(script, now).length;
    tracker.reportedStatus = currentStatus(script, now);
    this.trackers.set(tracker.id, tracker);
    this.trackerByKey.set(key(carrier, code), tracker.id);
    this.emit(tracker, 'tracker.created', null, now, now);
    return tracker;
  }

  tracker(id: string): TrackerRecord {
    const tracker = this.trackers.get(id);
    if (!tracker) throw notFound(`tracker ${id}`);
    return tracker;
  }

  deleteTracker(id: string): void {
    const tracker = this.tracker(id);
    this.trackers.delete(id);
    this.trackerByKey.delete(key(tracker.carrier, tracker.trackingCode));
  }

  json(tracker: TrackerRecord, now: number): Record<string, unknown> {
    return serializeTracker(tracker, this.scriptOf(tracker), now, this.mode);
  }

  /** GET /trackers: newest first, filtered, one page; `before_id` pages back, `after_id` forward. */
  list(query: TrackerQuery, now: number): { trackers: TrackerRecord[]; hasMore: boolean } {
    const seqOf = (id: string, field: string) => {
      const t = this.trackers.get(id);
      if (!t) throw invalidParameter(field, `${id} is not a tracker of this account`);
      return t.seq;
    };
    const before = query.beforeId ? seqOf(query.beforeId, 'before_id') : Number.POSITIVE_INFINITY;
    const after = query.afterId ? seqOf(query.afterId, 'after_id') : 0;
    const codes = new Set(query.trackingCodes.map((c) => c.replace(/\s+/g, '').toUpperCase()));
    const carrier = query.carrier ? (easypostCarrier(query.carrier) ?? query.carrier).toLowerCase() : undefined;
    const { from, to } = createdWindow(query, now);
    const matching = [...this.trackers.values()].filter((t) => {
      if (t.seq >= before || t.seq <= after) return false;
      if (codes.size > 0 && !codes.has(t.trackingCode)) return false;
      if (carrier && t.carrier.toLowerCase() !== carrier) return false;
      return t.createdAt >= from && t.createdAt <= to;
    });
    // after_id pages towards newer trackers: the page is the oldest ones above it, shown newest first.
    matching.sort((a, b) => (query.afterId ? a.seq - b.seq : b.seq - a.seq));
    const page = matching.slice(0, query.pageSize);
    if (query.afterId) page.reverse();
    return { trackers: page, hasMore: matching.length > page.length };
  }

  // ---- events ----

  /**
   * Announces every status change the clock (or a fault) has brought since the last call: one tracker.updated per
   * change, dated when the carrier scanned, its result the tracker as it stood then.
   */
  refresh(now: number): number {
    let emitted = 0;
    for (const tracker of this.trackers.values()) {
      const script = this.scriptOf(tracker);
      const scans = visibleScans(script, now);
      if (scans.length > tracker.reportedScans) {
        for (const scan of scans.slice(tracker.reportedScans)) {
          if (scan.status === tracker.reportedStatus) continue;
          this.emit(tracker, 'tracker.updated', tracker.reportedStatus, Math.max(scan.at, tracker.createdAt), now);
          tracker.reportedStatus = scan.status;
          emitted += 1;
        }
      } else {
        const status = currentStatus(script, now);
        if (status !== tracker.reportedStatus) {
          this.emit(tracker, 'tracker.updated', tracker.reportedStatus, now, now);
          tracker.reportedStatus = status;
          emitted += 1;
        }
      }
      tracker.reportedScans = scans.length;
    }
    return emitted;
  }

  private emit(
    tracker: TrackerRecord,
    description: EventRecord['description'],
    previous: TrackerStatus | null,
    at: number,
    now: number,
  ): void {
    const event: EventRecord = {
      id: `evt_${randomBytes(16).toString('hex')}`,
      description,
      createdAt: at,
      previousStatus: previous,
      result: this.json(tracker, at),
      completedUrls: [],
    };
    this.events.set(event.id, event);
    this.hooks.enqueue(event, now);
  }

  event(id: string): EventRecord | undefined {
    return this.events.get(id);
  }

  deliverDue(now: number): Promise<DeliveryCounts & { events: number }> {
    const events = this.refresh(now);
    return this.hooks.deliverDue(now, (id) => this.events.get(id), this.mode).then((c) => ({ ...c, events }));
  }

  // ---- snapshot ----

  state(): EasyPostState {
    return {
      parcels: [...this.parcels.values()],
      trackers: [...this.trackers.values()],
      events: [...this.events.values()],
      webhooks: [...this.hooks.webhooks.values()],
      pending: this.hooks.pending,
      seq: this.seq,
      labels: this.labels.state(),
    };
  }

  load(state: EasyPostState): void {
    for (const p of state.parcels) this.putParcel(p);
    for (const t of state.trackers) {
      this.trackers.set(t.id, t);
      this.trackerByKey.set(key(t.carrier, t.trackingCode), t.id);
    }
    for (const e of state.events) this.events.set(e.id, e);
    for (const h of state.webhooks) this.hooks.webhooks.set(h.id, h);
    this.hooks.pending = [...state.pending];
    this.seq = state.seq;
    if (state.labels) this.labels.load(state.labels);
  }
}

export { EasyPostError };

const MONTH_MS = 30 * 86_400_000;

/**
 * EasyPost lists records by when they were created: start_datetime defaults to a month before end_datetime (or before
 * now), end_datetime to a month after start_datetime (or now), so a list without a window sees the last month only.
 */
function createdWindow(query: { start?: number; end?: number }, now: number): { from: number; to: number } {
  if (query.start !== undefined && query.end !== undefined) return { from: query.start, to: query.end };
  if (query.start !== undefined) return { from: query.start, to: query.start + MONTH_MS };
  const to = query.end ?? now;
  return { from: to - MONTH_MS, to };
}
