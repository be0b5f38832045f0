import { Injectable } from '@nestjs/common';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import { CredentialsCipher } from 'src/modules/channels/credentials-cipher';
import type { LabelSeller } from 'src/modules/labels/label-seller';
import { EasyPostLabelSeller } from './easypost/easypost-labels';
import { EASYPOST_PROVIDER, EasyPostTrackingProvider } from './easypost/easypost-tracking-provider';
import { type TrackingProvider, type TrackingWebhookEvent, WebhookSignatureError } from './tracking-provider';
import { type SettingWithSecrets, TrackingProviderSettingRepository } from './tracking-provider-setting.repository';

/** Where the tracking provider stands, for the compliance page's "carrier data as of". */
export interface TrackingProviderStatus {
  /** The active provider's name; null when the hub runs without one (off, or no API key). */
  provider: string | null;
  enabled: boolean;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

interface Built {
  version: number;
  provider: EasyPostTrackingProvider;
  /** The provider's shipping API (labels for channels that sell none), with the same key and base URL. */
  labels: EasyPostLabelSeller | null;
  /** On and with an API key: `current()` and `labelSeller()` hand them out. */
  active: boolean;
  hasWebhookSecret: boolean;
}

/** A success is written at most this often per process (pollers report one per call). */
const SUCCESS_WRITE_INTERVAL_MS = 15_000;

/**
 * The tracking provider the hub uses now, built from the stored settings and kept until they change (every
 * process compares the row's version, so a change made through the api reaches the workers on their next call).
 */
@Injectable()
export class TrackingProviderService {
  private readonly cipher: CredentialsCipher;
  private readonly timeoutMs: number;
  private built: Built | null = null;
  private lastSuccessWrite = 0;

  constructor(
    private readonly settings: TrackingProviderSettingRepository,
    @InjectConfig() config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
    this.timeoutMs = config.sync.channelTimeoutMs;
  }

  /** The provider to call, or null when the hub runs without one (then scan-based figures say "no carrier data"). */
  async current(): Promise<TrackingProvider | null> {
    const built = await this.build();
    return built?.active ? built.provider : null;
  }

  /** The provider's label service (Walmart orders' labels), or null when the hub runs without a provider. */
  async labelSeller(): Promise<LabelSeller | null> {
    const built = await this.build();
    return built?.active ? built.labels : null;
  }

  /** The provider that verifies webhooks: there whenever a webhook secret is stored, on or off. */
  async webhookProvider(): Promise<TrackingProvider | null> {
    const built = await this.build();
    return built?.hasWebhookSecret ? built.provider : null;
  }

  /** Verifies and parses a webhook; WebhookSignatureError (answer 401, store nothing) without a secret or a match. */
  async verifyWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<TrackingWebhookEvent> {
    const provider = await this.webhookProvider();
    if (!provider) throw new WebhookSignatureError('No tracking provider webhook secret is configured');
    return provider.verifyWebhook(rawBody, headers);
  }

  async status(): Promise<TrackingProviderStatus> {
    const [row, built] = await Promise.all([this.settings.find(), this.build()]);
    return {
      provider: built?.active ? built.provider.name : null,
      enabled: row?.enabled ?? false,
      lastSuccessAt: row?.lastSuccessAt ?? null,
      lastError: row?.lastError ?? null,
      lastErrorAt: row?.lastErrorAt ?? null,
    };
  }

  /** The provider answered. */
  async recordSuccess(at: Date = new Date()): Promise<void> {
    if (at.getTime() - this.lastSuccessWrite < SUCCESS_WRITE_INTERVAL_MS) return;
    this.lastSuccessWrite = at.getTime();
    await this.settings.recordSuccess(at);
  }

  /** The provider failed (down, throttled, refused the key): shown on the settings page and the compliance page. */
  async recordFailure(err: unknown, at: Date = new Date()): Promise<void> {
    await this.settings.recordFailure(err instanceof Error ? err.message : String(err), at);
  }

  private async build(): Promise<Built | null> {
    const row = await this.settings.find();
    if (!row) return null;
    if (this.built?.version === row.version) return this.built;
    const full = await this.settings.findWithSecrets();
    if (!full) return null;
    this.built = this.fromRow(full);
    return this.built;
  }

  private fromRow(row: SettingWithSecrets): Built {
    const apiKey = row.apiKeyEncrypted ? this.cipher.decrypt(row.apiKeyEncrypted).apiKey : null;
    const webhookSecret = row.webhookSecretEncrypted
      ? this.cipher.decrypt(row.webhookSecretEncrypted).webhookSecret
      : null;
    // One provider so far; the row names it so a second one has somewhere to go.
    if (row.provider !== EASYPOST_PROVIDER) throw new Error(`Unknown tracking provider ${row.provider}`);
    return {
      version: row.version,
      provider: new EasyPostTrackingProvider({
        apiKey,
        webhookSecret,
        baseUrl: row.baseUrl,
        timeoutMs: this.timeoutMs,
      }),
      labels: apiKey ? new EasyPostLabelSeller({ apiKey, baseUrl: row.baseUrl, timeoutMs: this.timeoutMs }) : null,
      active: row.enabled && !!apiKey,
      hasWebhookSecret: !!webhookSecret,
    };
  }
}
