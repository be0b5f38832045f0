import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Sandbox } from '@order-hub/sandbox';
import { ChannelEnvironment, type Channel } from '@order-hub/types';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import {
  EASYPOST_DEFAULT_BASE_URL,
  EasyPostTrackingProvider,
} from 'src/modules/carrier-tracking/provider/easypost/easypost-tracking-provider';
import {
  TRACKING_WEBHOOK_PATH,
  TrackingProviderSettingsService,
} from 'src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import { SkuCategoriesService } from 'src/modules/catalog/sku-categories.service';
import { ChannelAccountsService } from 'src/modules/channels/channel-accounts.service';
import { DEMO_CATEGORY_BY_SKU_PREFIX } from './demo-sku-categories';
import { demoEasyPostWebhookSecret, demoSandboxKey, sandboxKeyFile } from './sandbox-key';

const ACTOR = 'system:demo';
const ORDERS_PER_ACCOUNT = 150;
/**
 * A seller's last 30 days, so every compliance metric has data: orders placed over the month, the past-due ones
 * shipped (a few late, a few with a tracking number the carrier would reject), some cancelled, most delivered.
 * Placed within a minute less than 30 days so none falls just outside the hub's 30-day backfill.
 */
const HISTORY_ORDERS_PER_ACCOUNT = 600;
const HISTORY_HOURS = 720 - 1 / 60;
const DEMO_HISTORY = { late: 0.03, invalidTracking: 0.02, cancelled: 0.015, delivered: 0.9, lateDelivery: 0.06 };
/** New orders arrive in the demo as they would in a shop: a few every couple of minutes. */
const TRICKLE_MS = 2 * 60_000;
/** The first import of the demo orders takes a few seconds; their SKUs get categories once it is in. */
const FIRST_CATEGORIES_MS = 20_000;

interface DemoAccount {
  channel: Channel;
  hubId: string;
  sandboxAccountId: string;
}

/**
 * The embedded demo (DEMO_DATA=true): the channel sandbox runs in this process with a Walmart and an Amazon
 * seller account and their orders, and the hub imports them through the real adapters, as it would from
 * the marketplaces. The sandbox state is kept in the data directory, so a restart finds the same orders.
 */
@Injectable()
export class DemoSandboxService implements OnApplicationShutdown {
  private readonly log = new Logger('Demo');
  private sandbox: Sandbox | null = null;
  private trickle: NodeJS.Timeout | null = null;
  private firstCategories: NodeJS.Timeout | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly accounts: ChannelAccountsService,
    private readonly categories: SkuCategoriesService,
    private readonly tracking: TrackingProviderSettingsService,
  ) {}

  async start(): Promise<Sandbox> {
    const { createSandbox } = await import('@order-hub/sandbox');
    const sandbox = await createSandbox({
      port: this.config.sandboxPort,
      seed: 20261124,
      snapshotFile: join(this.config.dataDir, 'sandbox.json'),
      // Its control API can create sellers, move the clock and inject faults: only with the key in DATA_DIR.
      controlApiKey: demoSandboxKey(this.config.dataDir),
    });
    this.sandbox = sandbox;
    const file = join(this.config.dataDir, 'demo-accounts.json');
    let demo = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]) : null;
    if (demo) {
      await this.pointAt(sandbox, demo);
    } else if ((await this.accounts.count()) === 0) {
      demo = await this.create(sandbox);
      writeFileSync(file, JSON.stringify(demo, null, 2));
    }
    if (demo) {
      const accounts = demo;
      this.trickle = setInterval(() => {
        this.newOrders(sandbox, accounts);
        void this.mapCategories(accounts);
      }, TRICKLE_MS);
      this.trickle.unref();
      this.firstCategories = setTimeout(() => void this.mapCategories(accounts), FIRST_CATEGORIES_MS);
      this.firstCategories.unref();
    }
    await this.trackWithSandbox(sandbox);
    this.log.log(
      `Channel sandbox at ${sandbox.baseUrl} (Walmart ${sandbox.walmartBaseUrl}, Amazon ${sandbox.amazonBaseUrl}); its control API ${sandbox.controlBaseUrl} wants header x-sandbox-key with the key in ${sandboxKeyFile(this.config.dataDir)}`,
    );
    return sandbox;
  }

  /**
   * Carrier scans in the demo: the tracking provider points at the sandbox's EasyPost (`/easypost/v2/`) with its
   * test key, and the sandbox posts tracker webhooks to the hub's /webhooks/easypost. Turned on the first time; later
   * starts follow the sandbox's port and leave on/off as an ADMIN set it. A provider an ADMIN pointed at EasyPost
   * itself is left alone.
   */
  private async trackWithSandbox(sandbox: Sandbox): Promise<void> {
    try {
      await this.pointTrackingAt(sandbox);
    } catch (err) {
      this.log.warn(`Carrier tracking could not be pointed at the sandbox: ${(err as Error).message}`);
    }
  }

  private async pointTrackingAt(sandbox: Sandbox): Promise<void> {
    const current = await this.tracking.view();
    if (current.hasApiKey && current.baseUrl === EASYPOST_DEFAULT_BASE_URL) {
      this.log.log('Carrier tracking stays with the EasyPost account configured on the settings page');
      return;
    }
    const webhookSecret = demoEasyPostWebhookSecret(this.config.dataDir);
    await this.tracking.update(
      {
        apiKey: sandbox.easypostApiKey,
        webhookSecret,
        baseUrl: sandbox.easypostBaseUrl,
        ...(current.hasApiKey ? {} : { enabled: true }),
      },
      ACTOR,
      { trustedBaseUrl: true },
    );
    const provider = new EasyPostTrackingProvider({
      apiKey: sandbox.easypostApiKey,
      webhookSecret,
      baseUrl: sandbox.easypostBaseUrl,
      timeoutMs: this.config.sync.channelTimeoutMs,
    });
    if (!this.config.port) {
      this.log.warn('PORT=0: the sandbox cannot be told where to post tracker webhooks; scans arrive by polling');
      return;
    }
    const url = `http://127.0.0.1:${this.config.port}${TRACKING_WEBHOOK_PATH}`;
    if (await provider.ensureWebhook(url)) this.log.log(`The sandbox posts EasyPost tracker webhooks to ${url}`);
  }

  /** Where the running sandbox's control API is (it needs the key in `<DATA_DIR>/sandbox-key`). */
  get controlBaseUrl(): string | null {
    return this.sandbox?.controlBaseUrl ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.trickle) clearInterval(this.trickle);
    if (this.firstCategories) clearTimeout(this.firstCategories);
    await this.sandbox?.close();
  }

  private async create(sandbox: Sandbox): Promise<DemoAccount[]> {
    // The sandbox accounts and all their orders exist before the hub knows the accounts, so the first import
    // (a 30-day backfill by change time) finds the history too; later pulls only look at recent changes.
    const sellers = (['WALMART', 'AMAZON'] as const).map((channel) => {
      const creds = sandbox.createAccount(channel, `Demo ${channel === 'WALMART' ? 'Walmart' : 'Amazon'} US`);
      sandbox.generateOrders({ accountId: creds.accountId, count: ORDERS_PER_ACCOUNT });
      return { channel, creds };
    });
    // Generated after the open orders so those stay exactly what the demo always showed. No buyer cancel
    // requests in the history: the generator leaves those orders alone, so Walmart would auto-cancel them
    // (a seller-fault cancellation) and Amazon would hold them unshipped and late, where a seller honours them.
    for (const { creds } of sellers) {
      sandbox.generateOrders({
        accountId: creds.accountId,
        count: HISTORY_ORDERS_PER_ACCOUNT,
        placedWithinHours: HISTORY_HOURS,
        mix: { intentToCancel: 0 },
        history: DEMO_HISTORY,
      });
    }
    const created: DemoAccount[] = [];
    for (const { channel, creds } of sellers) {
      const account = await this.accounts.create(
        {
          channel,
          name: creds.name,
          marketplace: creds.marketplaceId ?? 'US',
          environment: ChannelEnvironment.SANDBOX,
          baseUrl: this.baseUrl(sandbox, channel),
          timeZone: 'America/Los_Angeles',
          credentials: this.credentials(sandbox, channel, creds),
          // The demo leaves acknowledgement to the operator, so the New tab has work to try.
          autoAcknowledge: false,
        },
        ACTOR,
      );
      created.push({ channel, hubId: account.id, sandboxAccountId: creds.accountId });
    }
    this.log.log(
      `Created demo seller accounts with ${ORDERS_PER_ACCOUNT} open orders and ${HISTORY_ORDERS_PER_ACCOUNT} orders of 30-day history each in the sandbox; the hub imports them now`,
    );
    return created;
  }

  /** Product categories for the demo accounts' SKUs by prefix (Amazon's valid tracking rate is per category). */
  async mapCategories(demo: readonly DemoAccount[]): Promise<void> {
    try {
      let mapped = 0;
      for (const d of demo) mapped += await this.categories.mapUnmappedByPrefix(d.hubId, DEMO_CATEGORY_BY_SKU_PREFIX);
      if (mapped) this.log.log(`Mapped ${mapped} demo SKUs to product categories`);
    } catch (err) {
      this.log.warn(`Could not map demo SKU categories: ${(err as Error).message}`);
    }
  }

  /** The sandbox may listen on another port than last time; the demo accounts follow it. */
  private async pointAt(sandbox: Sandbox, demo: DemoAccount[]): Promise<void> {
    for (const d of demo) {
      const account = await this.accounts.get(d.hubId).catch(() => null);
      const baseUrl = this.baseUrl(sandbox, d.channel);
      if (!account || account.baseUrl === baseUrl) continue;
      const stored = (await this.accounts.credentialsOf(d.hubId)) ?? {};
      const credentials =
        d.channel === 'AMAZON' ? { ...stored, lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token` } : stored;
      await this.accounts.update(d.hubId, { baseUrl, credentials }, ACTOR);
    }
  }

  private newOrders(sandbox: Sandbox, demo: DemoAccount[]): void {
    for (const d of demo) {
      sandbox.generateOrders({
        accountId: d.sandboxAccountId,
        count: 1 + Math.floor(Math.random() * 3),
        placedWithinHours: 0.001,
      });
    }
  }

  private baseUrl(sandbox: Sandbox, channel: Channel): string {
    return channel === 'WALMART' ? sandbox.walmartBaseUrl : sandbox.amazonBaseUrl;
  }

  private credentials(
    sandbox: Sandbox,
    channel: Channel,
    creds: { clientId: string; clientSecret: string; refreshToken?: string; sellerId: string },
  ): Record<string, string> {
    return channel === 'WALMART'
      ? { clientId: creds.clientId, clientSecret: creds.clientSecret }
      : {
          clientId: creds.clientId,
          clientSecret: creds.clientSecret,
          refreshToken: creds.refreshToken!,
          sellerId: creds.sellerId,
          lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
        };
  }
}
