import type { ContractLog } from './contract/log';
import type { AccountData } from './state/types';
import type { SandboxClock } from './clock';
import type { EasyPostSimulator } from './easypost/simulator';
import type { MalformedOrders } from './control/malformed-orders';
import type { OrderEventBus } from './push/order-events';
import type { SqsService } from './sqs/queues';
import type { AmazonNotifications } from './amazon/notifications/notifications';
import type { FaultRegistry } from './faults/faults';
import type { WalmartWebhooks } from './walmart/notifications/sender';
import type { Store } from './state/store';
import type { AmazonOperation, ThrottlePolicy, WalmartGroup } from './throttle/limits';
import type { BucketRegistry } from './throttle/token-bucket';

/** What every route module needs; built once per sandbox instance. */
export interface SandboxContext {
  store: Store;
  clock: SandboxClock;
  throttle: ThrottlePolicy;
  buckets: BucketRegistry;
  faults: FaultRegistry;
  /** What the run-time checks against the official models found. */
  contracts: ContractLog;
  /** Orders planted to be served broken (control API). */
  malformed: MalformedOrders;
  /** EasyPost's trackers and the parcels behind them (every package the channels ship becomes one). */
  easypost: EasyPostSimulator;
  /** Order changes the channels push to subscribers (Walmart webhooks, Amazon notifications). */
  orderEvents: OrderEventBus;
  /** Walmart's webhook subscriptions and their deliveries. */
  walmartWebhooks: WalmartWebhooks;
  /** The SQS queues Amazon's notifications are delivered to (served under /sqs). */
  sqs: SqsService;
  /** Amazon's Notifications API state (destinations, subscriptions, delivery faults) and its sender. */
  amazonNotifications: AmazonNotifications;
  /** Applies everything the clock has made due for an account (auto-cancel, MCF progress, feed processing). */
  advanceAccount(data: AccountData): void;
  /** Called after every stored write so a snapshot file (when configured) follows. */
  changed(): void;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    walmartGroup?: WalmartGroup;
    amazonOperation?: AmazonOperation;
    /** The route answers without a channel access token (token endpoints, upload URLs). */
    noAuth?: boolean;
  }
  interface FastifyRequest {
    account?: AccountData;
    /** Fault injection decided this write answers normally but is not stored. */
    silentDrop?: boolean;
    restrictedAccess?: { method: string; path: string; dataElements: string[] }[];
  }
}
