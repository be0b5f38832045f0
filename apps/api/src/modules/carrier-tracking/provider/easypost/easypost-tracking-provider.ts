import EasyPostClient from '@easypost/api';
import type { CarrierCode } from '@order-hub/types';
import {
  type TrackerPage,
  type TrackerSnapshot,
  type TrackingProvider,
  TrackingProviderError,
  type TrackResult,
  type TrackingWebhookEvent,
  WebhookSignatureError,
} from '../tracking-provider';
import { easyPostCarrier } from './easypost-carriers';
import { EasyPostPayloadError, toTrackerSnapshot, toWebhookEvent } from './easypost-tracker.mapper';

export const EASYPOST_PROVIDER = 'EASYPOST';
export const EASYPOST_DEFAULT_BASE_URL = 'https://api.easypost.com/v2/';

export interface EasyPostSettings {
  apiKey: string | null;
  webhookSecret: string | null;
  /** Ends with `/v2/`, as the client appends paths such as `trackers` to it. */
  baseUrl: string;
  timeoutMs: number;
}

/**
 * EasyPost's refusals of a number: no supported carrier matches it (the guide: "If the tracking code cannot be
 * matched to a supported carrier, an error is returned"), the carrier given does not track such numbers, or the
 * code matches several carriers and none was given. Codes as EasyPost's client lists them (types/errors/ErrorCode).
 */
const UNTRACKABLE_CODES = new Set([
  'TRACKER.NO_CARRIER_FOR_CODE',
  'TRACKER.UNSUPPORTED_CARRIER',
  'TRACKER.CARRIER_CODE_MISMATCH',
  'TRACKER.MULTIPLE_CARRIERS_FOR_CODE',
]);

/** Codes per list request: EasyPost takes them in the query string. */
const CODES_PER_REQUEST = 50;
const PAGE_SIZE = 100;
const DAY_MS = 24 * 3600_000;
/** The hub follows shipments for 60 days, so a tracker created longer before `since` is none of its business. */
const TRACKER_HORIZON_MS = 60 * DAY_MS;
/** How far back a number's trackers are looked for (carriers reuse numbers after a few months). */
const CODE_LOOKBACK_MS = 90 * DAY_MS;

/** The parts of EasyPost's client the hub uses (its bundled types declare Utils as a class, not an instance). */
interface EasyPostApi {
  Tracker: {
    create(params: { tracking_code: string; carrier?: string }): Promise<unknown>;
    retrieve(id: string): Promise<unknown>;
    all(params: Record<string, unknown>): Promise<unknown>;
  };
  Webhook: {
    create(params: { url: string; webhook_secret?: string }): Promise<{ id: string; url: string }>;
    all(): Promise<{ webhooks?: { id: string; url: string }[] }>;
  };
  Utils: { validateWebhook(body: Buffer, headers: Record<string, string>, secret: string): unknown };
}

interface ApiErrorLike {
  statusCode: number;
  code?: string;
  message?: string;
}

/** EasyPost's official Node client pointed at `baseUrl` (EasyPost or the sandbox), every request cut at `timeoutMs`. */
export function newEasyPostClient(apiKey: string, baseUrl: string, timeoutMs: number): unknown {
  return new EasyPostClient(apiKey, {
    baseUrl,
    timeout: timeoutMs,
    // The client keeps `timeout` but does not apply it to its requests (8.9.0); superagent does.
    requestMiddleware: (request: { timeout(t: object): unknown }) =>
      request.timeout({ response: timeoutMs, deadline: timeoutMs }),
  });
}

/** EasyPost's Tracker API through its official Node client, pointed at `baseUrl` (EasyPost or the sandbox). */
export class EasyPostTrackingProvider implements TrackingProvider {
  readonly name = EASYPOST_PROVIDER;
  private readonly client: EasyPostApi | null;
  private readonly utils: EasyPostApi['Utils'];

  constructor(private readonly settings: EasyPostSettings) {
    this.client = settings.apiKey
      ? (newEasyPostClient(settings.apiKey, settings.baseUrl, settings.timeoutMs) as EasyPostApi)
      : null;
    // Verifying a webhook needs only the secret; `useProxy` lets the client be built without a key.
    this.utils = (this.client ?? new EasyPostClient('', { useProxy: true })).Utils;
  }

  async track(carrier: CarrierCode, trackingNumber: string): Promise<TrackResult> {
    const name = easyPostCarrier(carrier);
    try {
      const tracker = await this.api().Tracker.create({
        tracking_code: trackingNumber,
        ...(name ? { carrier: name } : {}),
      });
      return { kind: 'TRACKING', tracker: toTrackerSnapshot(tracker) };
    } catch (err) {
      if (isApiError(err) && err.code && UNTRACKABLE_CODES.has(err.code))
        return { kind: 'UNTRACKABLE', reason: `${err.message || 'EasyPost cannot track this number'} (${err.code})` };
      throw providerError(err, 'creating a tracker');
    }
  }

  async get(providerTrackerId: string): Promise<TrackerSnapshot> {
    try {
      return toTrackerSnapshot(await this.api().Tracker.retrieve(providerTrackerId));
    } catch (err) {
      throw providerError(err, `reading tracker ${providerTrackerId}`);
    }
  }

  async byCodes(trackingCodes: readonly string[], carrier?: CarrierCode): Promise<TrackerSnapshot[]> {
    const name = carrier ? easyPostCarrier(carrier) : undefined;
    const found: TrackerSnapshot[] = [];
    for (let i = 0; i < trackingCodes.length; i += CODES_PER_REQUEST) {
      const params = {
        tracking_codes: trackingCodes.slice(i, i + CODES_PER_REQUEST),
        ...(name ? { carrier: name } : {}),
        ...createdWindow(new Date(Date.now() - CODE_LOOKBACK_MS)),
      };
      let beforeId: string | null = null;
      do {
        const page = await this.list({ ...params, ...(beforeId ? { before_id: beforeId } : {}) });
        found.push(...page.trackers);
        beforeId = page.next;
      } while (beforeId);
    }
    return found;
  }

  async updatedSince(since: Date, next?: string | null): Promise<TrackerPage> {
    const page = await this.list({
      ...createdWindow(new Date(since.getTime() - TRACKER_HORIZON_MS)),
      ...(next ? { before_id: next } : {}),
    });
    const changed = page.trackers.filter((t) => t.updatedAt >= since);
    return { trackers: changed.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime()), next: page.next };
  }

  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): TrackingWebhookEvent {
    if (!this.settings.webhookSecret) throw new WebhookSignatureError('No EasyPost webhook secret is configured');
    const signature = header(headers, 'x-hmac-signature');
    if (!signature) throw new WebhookSignatureError('The webhook has no X-Hmac-Signature header');
    let body: unknown;
    try {
      body = this.utils.validateWebhook(rawBody, { 'x-hmac-signature': signature }, this.settings.webhookSecret);
    } catch {
      throw new WebhookSignatureError();
    }
    try {
      return toWebhookEvent(body);
    } catch (err) {
      throw providerError(err, 'reading a webhook');
    }
  }

  /**
   * Makes sure EasyPost posts its events to `url`, signed with the webhook secret (EasyPost-specific: the demo
   * registers the hub with the sandbox; an operator does it once in EasyPost's dashboard). True when it was added.
   */
  async ensureWebhook(url: string): Promise<boolean> {
    try {
      const { webhooks = [] } = await this.api().Webhook.all();
      if (webhooks.some((w) => w.url === url)) return false;
      await this.api().Webhook.create({
        url,
        ...(this.settings.webhookSecret ? { webhook_secret: this.settings.webhookSecret } : {}),
      });
      return true;
    } catch (err) {
      throw providerError(err, 'registering the webhook');
    }
  }

  /** One page of trackers, newest first as EasyPost lists them; `next` is the before_id of the page after it. */
  private async list(params: Record<string, unknown>): Promise<TrackerPage> {
    try {
      const res = (await this.api().Tracker.all({ page_size: PAGE_SIZE, ...params })) as {
        trackers?: unknown[];
        has_more?: boolean;
      };
      const trackers = (res.trackers ?? []).map(toTrackerSnapshot);
      const last = trackers.at(-1);
      return { trackers, next: res.has_more && last ? last.providerTrackerId : null };
    } catch (err) {
      throw providerError(err, 'listing trackers');
    }
  }

  private api(): EasyPostApi {
    if (!this.client) throw new TrackingProviderError('No EasyPost API key is configured', false);
    return this.client;
  }
}

/**
 * EasyPost lists trackers created between start_datetime and end_datetime, and without them only those of the last
 * month (a start alone reaches one month past it): both are always given, the end a day past now.
 */
function createdWindow(start: Date): { start_datetime: string; end_datetime: string } {
  const end = new Date(Math.max(Date.now(), start.getTime()) + DAY_MS);
  return { start_datetime: start.toISOString(), end_datetime: end.toISOString() };
}

function isApiError(err: unknown): err is ApiErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as ApiErrorLike).statusCode === 'number';
}

/**
 * The client's errors as TrackingProviderError: HTTP errors carry EasyPost's status and code (429, 408 and 5xx are
 * worth retrying); timeouts and network failures are retryable; a payload that is not EasyPost's is not.
 */
export function providerError(err: unknown, action: string): TrackingProviderError {
  if (err instanceof TrackingProviderError) return err;
  if (err instanceof EasyPostPayloadError)
    return new TrackingProviderError(`EasyPost, ${action}: ${err.message}`, false);
  if (isApiError(err)) {
    const status = err.statusCode;
    const retryable = status === 429 || status === 408 || status >= 500;
    const code = err.code ? ` ${err.code}` : '';
    return new TrackingProviderError(
      `EasyPost answered HTTP ${status}${code} ${action}: ${err.message || 'no message'}`,
      retryable,
      status,
    );
  }
  const e = err as { timeout?: number; code?: string; message?: string } | null;
  if (e?.timeout || e?.code === 'ECONNABORTED' || e?.code === 'ETIMEDOUT')
    return new TrackingProviderError(`EasyPost did not answer in time ${action}`, true);
  const cause = e?.code ?? e?.message ?? String(err);
  return new TrackingProviderError(`EasyPost could not be reached ${action}: ${cause}`, true);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key ? headers[key] : undefined;
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
