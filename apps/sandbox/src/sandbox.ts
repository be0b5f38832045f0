import type { AddressInfo } from 'node:net';
import type { Channel } from '@order-hub/types';
import Fastify, { type FastifyInstance } from 'fastify';
import { amazonPlugin } from './amazon/plugin';
import { AmazonNotifications, type NotificationFaults } from './amazon/notifications/notifications';
import { advanceFeeds } from './amazon/feeds/processing';
import { advanceMcfOrders } from './amazon/mcf/progress';
import { SandboxClock } from './clock';
import type { SandboxContext } from './context';
import { ContractLog } from './contract/log';
import { warmContracts } from './contract/enforce';
import { controlPlugin } from './control/control.routes';
import { easypostPlugin } from './easypost/routes';
import { EasyPostSimulator } from './easypost/simulator';
import { mcfPackages } from './easypost/shipments';
import { MalformedOrders } from './control/malformed-orders';
import { OrderEventBus } from './push/order-events';
import type { PackageEventType } from './control/package-events';
import { type AccountCredentials, ControlService, type GenerateRequest } from './control/service';
import { type Fault, type FaultSpec, FaultRegistry } from './faults/faults';
import { loadEasyPostSnapshot, loadSnapshot, saveSnapshot } from './state/snapshot';
import { Store } from './state/store';
import { type ThrottleOverrides, ThrottlePolicy } from './throttle/limits';
import { BucketRegistry } from './throttle/token-bucket';
import { sqsPlugin } from './sqs/sqs.routes';
import { SqsService } from './sqs/queues';
import { applyWalmartAutoCancel } from './walmart/lifecycle';
import { walmartPlugin } from './walmart/plugin';
import { WalmartWebhooks } from './walmart/notifications/sender';
import { applyWalmartReturnRefunds } from './walmart/returns/lifecycle';
import type { ValidTrackingCount } from './walmart/tracking-validity';

export interface SandboxOptions {
  /** 0 picks a free port (default 0). */
  port?: number;
  host?: string;
  seed?: number;
  /** A Date freezes the clock there (it then moves only through set/advance); default real time. */
  clock?: Date | 'real';
  controlApiKey?: string;
  /** JSON file the state is loaded from at start and saved to after changes and on close. */
  snapshotFile?: string;
  /** Default on with the documented rates; false turns it off; overrides change rates per group. */
  throttling?: boolean | ThrottleOverrides;
  logger?: boolean;
  /** API keys /easypost accepts (HTTP Basic user name); default [EASYPOST_TEST_KEY]. */
  easypostApiKeys?: string[];
}

/** The EasyPost test key the sandbox accepts unless told otherwise. */
export const EASYPOST_TEST_KEY = 'EZTK_sandbox_test_key';
/** In real-clock mode, how often due webhook posts are made. */
const WEBHOOK_TICK_MS = 3_000;

export interface Sandbox {
  baseUrl: string;
  walmartBaseUrl: string;
  amazonBaseUrl: string;
  controlBaseUrl: string;
  /** The base URL for EasyPost's client (`new EasyPostClient(key, { baseUrl })`): ends with `/v2/`. */
  easypostBaseUrl: string;
  easypostApiKey: string;
  /** The endpoint for @aws-sdk/client-sqs (`new SQSClient({ endpoint })`); `baseUrl` itself works as well. */
  sqsEndpoint: string;
  /** The Fastify instance, for `inject` in fast tests. */
  app: FastifyInstance;
  close(): Promise<void>;
  createAccount(channel: Channel, name?: string): AccountCredentials;
  /** An SQS queue (attributes such as VisibilityTimeout in seconds, as strings like SQS takes them). */
  createQueue(name: string, attributes?: Record<string, string>): { url: string; arn: string };
  /** What share of the account's Amazon notifications is dropped, duplicated, reordered or delayed 24 h. */
  amazonNotificationFaults(accountId: string, faults: NotificationFaults): NotificationFaults;
  generateOrders(request: GenerateRequest): { accountId: string; channel: Channel; orderIds: string[] };
  clock: { now(): Date; set(at: Date | string | number): Date; advance(ms: number): Date };
  injectFault(spec: FaultSpec): Fault;
  clearFaults(id?: string): number;
  packageEvent(trackingNumber: string, type: PackageEventType): { channel: Channel; orderId: string };
  orderState(
    channel: Channel,
    orderId: string,
  ): { channel: Channel; accountId: string; view: unknown; internal: unknown };
  setMcfInventory(accountId: string, sku: string, quantity: number): { sku: string; quantity: number };
  /** Requests refused and responses broken against the official models, since start or the last reset. */
  /** Serves the order with `patch` merged into the channel's JSON (an invalid date…) until `restoreOrder`. */
  malformOrder(
    channel: Channel,
    orderId: string,
    patch: Record<string, unknown>,
  ): { channel: Channel; orderId: string };
  /** Serves the order's good copy again, as changed now, so the next incremental pull reads it. */
  restoreOrder(channel: Channel, orderId: string): { channel: Channel; orderId: string };
  contractViolations(): ReturnType<ContractLog['report']>;
  resetContractViolations(): void;
  /** A Walmart seller's shipments as its Valid Tracking Rate counts them. */
  validTracking(accountId: string): ValidTrackingCount;
}

const SNAPSHOT_DEBOUNCE_MS = 500;

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const store = new Store();
  if (options.snapshotFile) loadSnapshot(store, options.snapshotFile);
  const clock = new SandboxClock(options.clock);
  const seed = options.seed ?? 1;
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    saveTimer = undefined;
    if (options.snapshotFile) saveSnapshot(store, options.snapshotFile, easypost);
  };
  const easypost = new EasyPostSimulator();
  const sqs = new SqsService(clock);
  if (options.snapshotFile) loadEasyPostSnapshot(easypost, options.snapshotFile);
  const ctx: SandboxContext = {
    store,
    clock,
    throttle: new ThrottlePolicy(options.throttling),
    buckets: new BucketRegistry(),
    faults: new FaultRegistry(seed),
    contracts: new ContractLog(),
    malformed: new MalformedOrders(),
    orderEvents: new OrderEventBus(),
    walmartWebhooks: new WalmartWebhooks(clock, store),
    easypost,
    sqs,
    amazonNotifications: new AmazonNotifications(store, clock, sqs, seed),
    advanceAccount(data) {
      const now = clock.now();
      applyWalmartAutoCancel(data, now, (order, at) =>
        ctx.orderEvents.emit({
          channel: 'WALMART',
          accountId: data.account.id,
          orderId: order.purchaseOrderId,
          kind: 'AUTO_CANCELLED',
          at: new Date(at),
        }),
      );
      applyWalmartReturnRefunds(data, now);
      advanceMcfOrders(
        data,
        now,
        (order) => {
          for (const p of mcfPackages(order)) easypost.recordShipment(p);
        },
        (order, at) =>
          ctx.orderEvents.emit({
            channel: 'AMAZON',
            accountId: data.account.id,
            orderId: order.sellerFulfillmentOrderId,
            kind: 'MCF_STATUS',
            at: new Date(at),
          }),
      );
      advanceFeeds(data, now);
    },
    changed() {
      if (options.snapshotFile && !saveTimer) saveTimer = setTimeout(save, SNAPSHOT_DEBOUNCE_MS);
    },
  };
  ctx.orderEvents.on((event) => ctx.walmartWebhooks.onOrderEvent(event));
  ctx.orderEvents.on((event) => ctx.amazonNotifications.onOrderEvent(event));
  const service = new ControlService(ctx, seed);
  warmContracts('walmart');
  warmContracts('amazon');

  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true, bodyLimit: 10 * 1024 * 1024 });
  const plugin =
    (setup: (instance: FastifyInstance) => void) => (instance: FastifyInstance, _opts: unknown, done: () => void) => {
      setup(instance);
      done();
    };
  await app.register(
    plugin((instance) => walmartPlugin(instance, ctx)),
    { prefix: '/walmart' },
  );
  await app.register(
    plugin((instance) => amazonPlugin(instance, ctx)),
    { prefix: '/amazon' },
  );
  await app.register(
    plugin((instance) => controlPlugin(instance, { ctx, service, apiKey: options.controlApiKey })),
    { prefix: '/_sandbox' },
  );
  const easypostKeys = options.easypostApiKeys ?? [EASYPOST_TEST_KEY];
  await app.register(
    plugin((instance) => easypostPlugin(instance, ctx, easypostKeys)),
    { prefix: '/easypost' },
  );
  // SQS at /sqs and, as AWS's own endpoints are bare origins (what the hub's PUSH_QUEUE_ENDPOINT takes), at POST /.
  for (const prefix of ['/sqs', '']) {
    await app.register(
      plugin((instance) => sqsPlugin(instance, sqs)),
      { prefix },
    );
  }
  // A real clock moves by itself, so due webhook posts go out on a timer; a fixed clock waits for the control API.
  const tick = setInterval(() => {
    if (!clock.isFixed()) easypost.deliverDue(clock.now()).catch((error: unknown) => app.log.error(error));
  }, WEBHOOK_TICK_MS).unref();
  app.addHook('onClose', (_instance, done) => {
    clearInterval(tick);
    sqs.close();
    ctx.walmartWebhooks.close();
    done();
  });
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });

  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${host}:${address.port}`;
  sqs.setBaseUrl(baseUrl);
  return {
    baseUrl,
    walmartBaseUrl: `${baseUrl}/walmart`,
    amazonBaseUrl: `${baseUrl}/amazon`,
    controlBaseUrl: `${baseUrl}/_sandbox`,
    easypostBaseUrl: `${baseUrl}/easypost/v2/`,
    easypostApiKey: easypostKeys[0],
    sqsEndpoint: `${baseUrl}/sqs`,
    app,
    async close() {
      if (saveTimer) clearTimeout(saveTimer);
      if (options.snapshotFile) save();
      await app.close();
    },
    createAccount: (channel, name) => service.createAccount(channel, name),
    createQueue: (name, attributes) => {
      const queue = sqs.createQueue(name, attributes);
      return { url: queue.url, arn: queue.arn };
    },
    amazonNotificationFaults: (accountId, faults) => ctx.amazonNotifications.setFaults(accountId, faults),
    generateOrders: (request) => service.generateOrders(request),
    clock: {
      now: () => clock.nowDate(),
      set(at) {
        clock.set(typeof at === 'string' ? Date.parse(at) : at);
        return clock.nowDate();
      },
      advance(ms) {
        clock.advance(ms);
        return clock.nowDate();
      },
    },
    injectFault: (spec) => service.injectFault(spec),
    clearFaults: (id) => service.clearFaults(id),
    packageEvent: (trackingNumber, type) => service.packageEvent(trackingNumber, type),
    orderState: (channel, orderId) => service.orderState(channel, orderId),
    setMcfInventory: (accountId, sku, quantity) => service.setMcfInventory(accountId, sku, quantity),
    validTracking: (accountId) => service.validTracking(accountId),
    malformOrder: (channel, orderId, patch) => service.malformOrder(channel, orderId, patch),
    restoreOrder: (channel, orderId) => service.restoreOrder(channel, orderId),
    contractViolations: () => ctx.contracts.report(),
    resetContractViolations: () => ctx.contracts.reset(),
  };
}
