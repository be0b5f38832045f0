import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BadUserInputError } from 'src/common/errors/app-error';
import { Transactions } from 'src/common/database/transactions';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import { AuditService } from 'src/modules/audit/audit.service';
import { CredentialsCipher } from 'src/modules/channels/credentials-cipher';
import { EASYPOST_DEFAULT_BASE_URL, EASYPOST_PROVIDER } from './easypost/easypost-tracking-provider';
import { checkedBaseUrl, checkKeyFollowsBaseUrl } from './provider-base-url';
import { SETTING_AUDIT_ID } from './tracking-provider-setting.entity';
import { type SettingWithSecrets, TrackingProviderSettingRepository } from './tracking-provider-setting.repository';

/** Where the provider posts its webhooks on the hub (the route itself belongs to the trackers module). */
export const TRACKING_WEBHOOK_PATH = '/webhooks/easypost';

/** The settings as the settings page shows them: never the secrets, only whether they are stored. */
export interface TrackingProviderSettingsView {
  provider: string;
  enabled: boolean;
  baseUrl: string;
  hasApiKey: boolean;
  hasWebhookSecret: boolean;
  webhookPath: string;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

/** A change: absent = unchanged; "" clears a secret. */
export interface TrackingProviderChange {
  enabled?: boolean;
  apiKey?: string;
  webhookSecret?: string;
  baseUrl?: string;
}

const SECRET_MAX = 200;

/** Owns the provider's settings row: seeded from the environment on the first start, changed by an ADMIN. */
@Injectable()
export class TrackingProviderSettingsService implements OnApplicationBootstrap {
  private readonly log = new Logger('TrackingProvider');
  private readonly cipher: CredentialsCipher;

  constructor(
    private readonly settings: TrackingProviderSettingRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
  }

  /** The first start writes the row: EASYPOST_* when set (on with a key), else off with EasyPost's URL. */
  async onApplicationBootstrap(): Promise<void> {
    const seed = this.config.trackingProviderSeed;
    await this.settings.insertIfAbsent({
      provider: EASYPOST_PROVIDER,
      enabled: !!seed.apiKey,
      baseUrl: seed.baseUrl ? normalisedBaseUrl(seed.baseUrl) : EASYPOST_DEFAULT_BASE_URL,
      apiKeyEncrypted: seed.apiKey ? this.cipher.encrypt({ apiKey: seed.apiKey }) : null,
      webhookSecretEncrypted: seed.webhookSecret ? this.cipher.encrypt({ webhookSecret: seed.webhookSecret }) : null,
    });
  }

  async view(): Promise<TrackingProviderSettingsView> {
    const row = await this.settings.findWithSecrets();
    if (!row) throw new Error('tracking_provider_setting has no row (it is written at start)');
    return toView(row);
  }

  /**
   * Applies an ADMIN's change. The URL must be EasyPost's published host unless the hub allows custom hosts, and a
   * new URL needs the key with it; `trustedBaseUrl` is for the hub's own callers (the demo's sandbox), not the API.
   */
  async update(
    change: TrackingProviderChange,
    actor: string,
    options: { trustedBaseUrl?: boolean } = {},
  ): Promise<TrackingProviderSettingsView> {
    const baseUrl =
      change.baseUrl === undefined
        ? undefined
        : checkedBaseUrl(
            'input.baseUrl',
            change.baseUrl,
            options.trustedBaseUrl || this.config.allowCustomChannelHosts,
          );
    const apiKey = secret('input.apiKey', change.apiKey);
    const webhookSecret = secret('input.webhookSecret', change.webhookSecret);
    return this.tx.run(async (em) => {
      const row = await this.locked(em);
      const before = summary(row);
      checkKeyFollowsBaseUrl(row.baseUrl, baseUrl, apiKey !== undefined, !!row.apiKeyEncrypted);
      if (baseUrl !== undefined) row.baseUrl = baseUrl;
      if (apiKey !== undefined) row.apiKeyEncrypted = apiKey === null ? null : this.cipher.encrypt({ apiKey });
      if (webhookSecret !== undefined)
        row.webhookSecretEncrypted = webhookSecret === null ? null : this.cipher.encrypt({ webhookSecret });
      if (change.enabled !== undefined) row.enabled = change.enabled;
      if (row.enabled && !row.apiKeyEncrypted)
        throw new BadUserInputError(
          change.enabled ? 'input.enabled' : 'input.apiKey',
          'the provider can only be on with an API key: enter apiKey, or turn it off.',
        );
      const after = summary(row);
      if (JSON.stringify(before) === JSON.stringify(after) && apiKey === undefined && webhookSecret === undefined)
        return toView(row);
      row.version += 1;
      const saved = await this.settings.save(row, em);
      await this.audit.record(em, {
        actor,
        action: 'tracking_provider.updated',
        entityType: 'tracking_provider_setting',
        entityId: SETTING_AUDIT_ID,
        // Secrets never enter the audit log; only whether they were replaced or cleared.
        before,
        after: {
          ...after,
          ...(apiKey !== undefined ? { apiKey: apiKey === null ? 'cleared' : 'replaced' } : {}),
          ...(webhookSecret !== undefined ? { webhookSecret: webhookSecret === null ? 'cleared' : 'replaced' } : {}),
        },
      });
      this.log.log(`Tracking provider settings changed by ${actor}: ${JSON.stringify(after)}`);
      return toView(saved);
    });
  }

  private async locked(em: EntityManager): Promise<SettingWithSecrets> {
    const row = await this.settings.lockWithSecrets(em);
    if (!row) throw new Error('tracking_provider_setting has no row (it is written at start)');
    return row;
  }
}

/** undefined: unchanged; null: clear (""); else the trimmed value, refused when it holds spaces or is too long. */
function secret(field: string, value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/\s/.test(trimmed)) throw new BadUserInputError(field, 'must not contain spaces or line breaks.');
  if (trimmed.length > SECRET_MAX) throw new BadUserInputError(field, `must be at most ${SECRET_MAX} characters.`);
  return trimmed;
}

/** EASYPOST_BASE_URL is the operator's own (trusted); it still gets the `/v2/` ending the client needs. */
function normalisedBaseUrl(value: string): string {
  return checkedBaseUrl('EASYPOST_BASE_URL', value, true);
}

function summary(row: SettingWithSecrets) {
  return {
    enabled: row.enabled,
    baseUrl: row.baseUrl,
    hasApiKey: !!row.apiKeyEncrypted,
    hasWebhookSecret: !!row.webhookSecretEncrypted,
  };
}

function toView(row: SettingWithSecrets): TrackingProviderSettingsView {
  return {
    provider: row.provider,
    ...summary(row),
    webhookPath: TRACKING_WEBHOOK_PATH,
    lastSuccessAt: row.lastSuccessAt,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt,
  };
}
