/**
 * A sandbox and a listening hub wired for pushes, for the push bench: the hub's PUBLIC_URL is its own loopback
 * address (Walmart webhooks reach /push/:accountId there) and its PUSH_QUEUE_* name an SQS queue of the sandbox
 * (Amazon notifications), long-polled by the hub. Scheduled pulls run (SYNC_ENABLED), as in production.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOperation } from '@order-hub/contracts';
import { createSandbox, type Sandbox, type ThrottleOverrides } from '@order-hub/sandbox';
import type { Channel } from '@order-hub/types';
import { DataSource } from 'typeorm';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';
import { createScratchPostgres, type ScratchDatabase } from '../test/support/test-databases';

export interface StackOptions {
  label: string;
  seed: number;
  /** The sandbox's throttles: true for the documented rates, or overrides (rateScale…). */
  throttling: true | ThrottleOverrides;
  /** Extra hub settings (CHANNEL_RATE_SCALE, <CHANNEL>_SYNC_INTERVAL_SECONDS…), or a function of the sandbox's. */
  env?: Record<string, string> | ((sandbox: Sandbox) => Record<string, string>);
  /** A PostgreSQL server to make a scratch database on; PGlite without it. */
  adminUrl?: string;
  /** Configure the SQS queue (PUSH_QUEUE_*) for channels that push through one (Amazon). */
  queue: boolean;
}

export interface BenchAccount {
  channel: Channel;
  /** The hub's account id. */
  id: string;
  /** The sandbox's account id. */
  sandboxId: string;
}

/** Channel calls the sandbox answered, per `<api>.<operationId>`, and how many of them it throttled (429). */
export interface CallCounts {
  calls: Map<string, number>;
  throttled: Map<string, number>;
}

export interface PushStack {
  sandbox: Sandbox;
  running: RunningApp;
  ds: DataSource;
  database: string;
  calls: CallCounts;
  gql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Creates the account in the hub (autoAcknowledge off) for a new sandbox seller; `push` subscribes it. */
  account(channel: Channel, name: string, push: boolean): Promise<BenchAccount>;
  close(): Promise<void>;
}

const CREATE_ACCOUNT = `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`;
const SUBSCRIBE = `mutation($id: ID!) { subscribePush(accountId: $id) { id push { state } } }`;

/** A port nobody listens on now, so PUBLIC_URL can name it before the hub starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Counts every Walmart and Amazon call the sandbox answers, by the official model's operation id. */
function countCalls(sandbox: Sandbox): CallCounts {
  const counts: CallCounts = { calls: new Map(), throttled: new Map() };
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  sandbox.app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/(walmart|amazon)(\/[^?]*)/.exec(req.url ?? '');
    if (!match) return;
    const api = match[1] as 'walmart' | 'amazon';
    const op = findOperation(api, req.method ?? 'GET', match[2]);
    if (!op) return;
    const key = `${api}.${op.operationId}`;
    add(counts.calls, key);
    res.once('finish', () => {
      if (res.statusCode === 429) add(counts.throttled, key);
    });
  });
  return counts;
}

export async function startPushStack(options: StackOptions): Promise<PushStack> {
  process.env.AWS_ACCESS_KEY_ID ??= 'bench';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
  const sandbox = await createSandbox({ seed: options.seed, throttling: options.throttling });
  const calls = countCalls(sandbox);
  const queue = sandbox.createQueue(`order-hub-bench-${options.label}`);
  const dataDir = mkdtempSync(join(tmpdir(), `order-hub-bench-push-${options.label}-`));
  let scratch: ScratchDatabase | undefined;
  let running: RunningApp | undefined;
  try {
    if (options.adminUrl) scratch = await createScratchPostgres(options.adminUrl);
    const port = await freePort();
    running = await createApp(
      loadConfig({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        SYNC_ENABLED: 'true',
        RATE_LIMIT_PER_MINUTE: '0',
        AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        ...(options.queue
          ? // An origin, as AWS's endpoints are: the sandbox serves SQS at its root too.
            { PUSH_QUEUE_URL: queue.url, PUSH_QUEUE_ARN: queue.arn, PUSH_QUEUE_ENDPOINT: sandbox.baseUrl }
          : {}),
        ...(scratch ? { DATABASE_URL: scratch.url } : { PGLITE_DIR: join(dataDir, 'pglite') }),
        ...(typeof options.env === 'function' ? options.env(sandbox) : options.env),
      }),
    );
    await running.app.listen(port, '127.0.0.1');
  } catch (error) {
    await running?.close();
    await sandbox.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const app = running;
  const token = (await app.app.get(ApiTokensService).create('bench push', 'ADMIN', 'system:bench')).secret;
  const { port } = app.app.getHttpServer().address() as { port: number };
  const gql = async <T = unknown>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data as T;
  };
  return {
    sandbox,
    running: app,
    ds: app.app.get(DataSource),
    database: scratch ? 'PostgreSQL' : 'PGlite (embedded)',
    calls,
    gql,
    async account(channel, name, push) {
      const seller = sandbox.createAccount(channel, name);
      const credentials =
        channel === 'WALMART'
          ? { clientId: seller.clientId, clientSecret: seller.clientSecret }
          : {
              clientId: seller.clientId,
              clientSecret: seller.clientSecret,
              refreshToken: seller.refreshToken ?? '',
              sellerId: seller.sellerId,
              lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
            };
      const created = await gql<{ createChannelAccount: { id: string } }>(CREATE_ACCOUNT, {
        input: {
          channel,
          name,
          environment: 'SANDBOX',
          // Only the orders' arrival is measured: acknowledging them is outbox work (the outbox bench).
          autoAcknowledge: false,
          baseUrl: channel === 'WALMART' ? sandbox.walmartBaseUrl : sandbox.amazonBaseUrl,
          credentials,
        },
      });
      const id = created.createChannelAccount.id;
      if (push) {
        const { subscribePush } = await gql<{ subscribePush: { push: { state: string } | null } }>(SUBSCRIBE, { id });
        if (subscribePush.push?.state !== 'ACTIVE')
          throw new Error(`${channel} push subscription is ${subscribePush.push?.state ?? 'missing'}, not ACTIVE`);
      }
      return { channel, id, sandboxId: seller.accountId };
    },
    async close() {
      await app.close();
      await sandbox.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Arrival {
  /** When the row was inserted (the database's clock, the same machine's as the sandbox's). */
  at: number;
  /** Who imported it: the push fetch (`system:order-push`) or a poll. */
  actor: string | null;
}

/** The hub's copies of these channel orders: when each arrived and by which path. */
export async function arrivals(ds: DataSource, accountId: string, ids: string[]): Promise<Map<string, Arrival>> {
  const found = new Map<string, Arrival>();
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows: { id: string; at: Date; actor: string | null }[] = await ds.query(
      `SELECT o.channel_order_id AS id, o.created_at AS at, a.actor FROM "order" o
       LEFT JOIN audit_event a ON a.order_id = o.id AND a.action = 'order.imported'
       WHERE o.account_id = $1 AND o.channel_order_id = ANY($2::text[])`,
      [accountId, ids.slice(i, i + 5_000)],
    );
    for (const r of rows) found.set(r.id, { at: new Date(r.at).getTime(), actor: r.actor });
  }
  return found;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small deterministic generator, so every run has the same arrival pattern. */
export function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

export function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
}
