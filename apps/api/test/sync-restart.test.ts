import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { Client } from 'pg';
import { LeaseHolder } from '../src/modules/jobs/lease-holder';
import { SyncSchedulerService } from '../src/modules/sync/sync-scheduler.service';
import { adminTokenFromFirstStart } from './support/first-admin';
import { connectSandboxAccount, syncState, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { createScratchPostgres, testDatabases, type ScratchDatabase } from './support/test-databases';
import { until } from './support/wait';

const MAIN = join(__dirname, '..', 'dist', 'src', 'main.js');
const ORDERS = 2400;
const STATE = `{ channelAccounts { id syncState { running waitingForStoppedProcess leaseHolder leaseExpiresAt
  ordersImported pagesDone lastError } } }`;

interface SyncView {
  running: boolean;
  waitingForStoppedProcess: boolean;
  leaseHolder: string | null;
  leaseExpiresAt: string | null;
  ordersImported: number;
  pagesDone: number;
  lastError: string | null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The hub as a user runs it: `node dist/src/main.js`, its own process, stopped by a signal. */
class Hub {
  child!: ChildProcess;
  output = '';
  private exited!: Promise<number | null>;
  /** An ADMIN token made through the first-start invitation, once (it outlives restarts: it is in the database). */
  private token?: Promise<string>;

  constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    this.child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PORT: String(this.port), HOST: '127.0.0.1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    await until(
      'the hub to listen',
      () => Promise.resolve(this.output),
      (o) => o.includes('order-hub listening on') || this.child.exitCode !== null,
      60_000,
    );
    if (this.child.exitCode !== null) throw new Error(`hub exited: ${this.output}`);
  }

  async stop(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    this.token ??= adminTokenFromFirstStart(this.baseUrl, this.env.DATA_DIR);
    const token = await this.token;
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }

  async syncState(accountId: string): Promise<SyncView> {
    const data = await this.gql<{ channelAccounts: { id: string; syncState: SyncView }[] }>(STATE);
    return data.channelAccounts.find((a) => a.id === accountId)!.syncState;
  }
}

describe.each(testDatabases())(
  'the hub stopped in the middle of its first import, then started again, on %s',
  (kind) => {
    let sandbox: Sandbox;
    let dataDir: string;
    let scratch: ScratchDatabase | undefined;
    let hub: Hub;

    /** The account's lease columns, read from the database itself (the hub is stopped). */
    async function leaseRow(): Promise<{ lease_holder: string | null; locked_until: Date | null }> {
      const sql = `SELECT lease_holder, locked_until FROM account_sync_state`;
      if (scratch) {
        const client = new Client({ connectionString: scratch.url });
        await client.connect();
        try {
          return (await client.query(sql)).rows[0];
        } finally {
          await client.end();
        }
      }
      const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: { pg_trgm } });
      try {
        return (await db.query<{ lease_holder: string | null; locked_until: Date | null }>(sql)).rows[0];
      } finally {
        await db.close();
      }
    }

    beforeEach(async () => {
      sandbox = await createSandbox({ seed: 77, throttling: { rateScale: 1000 } });
      dataDir = mkdtempSync(join(tmpdir(), 'order-hub-restart-'));
      if (kind === 'postgres') scratch = await createScratchPostgres();
      hub = new Hub(
        {
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          CHANNEL_RATE_SCALE: '1000',
          WALMART_SYNC_INTERVAL_SECONDS: '5',
          // Far longer than the test may take: the restarted hub can only pull if the old lease was released or
          // seen to belong to a process that is gone, never because it ran out.
          SYNC_LEASE_SECONDS: '600',
          ...(scratch ? { DATABASE_URL: scratch.url } : {}),
        },
        await freePort(),
      );
    });
    afterEach(async () => {
      if (hub?.child && hub.child.exitCode === null) await hub.stop('SIGKILL');
      await sandbox?.close();
      await scratch?.drop();
      scratch = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** Starts the hub with one Walmart account of ORDERS orders served slowly, and waits until the import is under way. */
    async function importUnderWay(): Promise<string> {
      await hub.start();
      const creds = sandbox.createAccount('WALMART', 'Restart store');
      sandbox.generateOrders({ accountId: creds.accountId, count: ORDERS, seed: 9, placedWithinHours: 48 });
      sandbox.injectFault({ channel: 'WALMART', method: 'GET', route: '/walmart/v3/orders', slow: 1, slowMs: 300 });
      const created = await hub.gql(
        `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
        {
          input: {
            channel: 'WALMART',
            name: 'Restart store',
            environment: 'SANDBOX',
            autoAcknowledge: false,
            baseUrl: sandbox.walmartBaseUrl,
            credentials: { clientId: creds.clientId, clientSecret: creds.clientSecret },
          },
        },
      );
      const accountId = created.createChannelAccount.id as string;
      const state = await until(
        'the first import to be under way',
        () => hub.syncState(accountId),
        (s) => s.running && s.ordersImported > 0,
        60_000,
      );
      expect(state.ordersImported).toBeLessThan(ORDERS);
      return accountId;
    }

    async function restartedHubImportsEverything(accountId: string): Promise<void> {
      await hub.start();
      const done = await until(
        'the restarted hub to import every order',
        () => hub.syncState(accountId),
        (s) => s.ordersImported >= ORDERS && !s.running,
        120_000,
      );
      expect(done).toMatchObject({
        ordersImported: ORDERS,
        lastError: null,
        running: false,
        waitingForStoppedProcess: false,
      });
      const [{ n }] = (
        await hub.gql<{ orderViewCounts: { view: string; count: number }[] }>(`{ orderViewCounts { view count } }`)
      ).orderViewCounts
        .filter((c) => c.view === 'ALL')
        .map((c) => ({ n: c.count }));
      expect(n).toBe(ORDERS);
    }

    it('after SIGTERM mid-import the hub exits cleanly having released its lease, and the restarted hub imports every order', async () => {
      const accountId = await importUnderWay();
      expect(await hub.stop('SIGTERM')).toBe(0);
      expect(await leaseRow()).toEqual({ lease_holder: null, locked_until: null });
      await restartedHubImportsEverything(accountId);
    });

    it('after kill -9 mid-import the restarted hub sees the holder is gone and takes its lease at once, importing every order', async () => {
      const accountId = await importUnderWay();
      const dead = hub.child.pid!;
      await hub.stop('SIGKILL');
      const left = await leaseRow();
      expect(left.lease_holder).toMatch(new RegExp(`^[^:]+:${dead}:`));
      expect(left.locked_until).not.toBeNull();
      await restartedHubImportsEverything(accountId);
    });
  },
);

describe.each(testDatabases())('a sync lease held by another process, on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let account: ConnectedAccount;
  const pullNow = () => app.running.app.get(SyncSchedulerService).pullNow(account.hubId);
  const holderOf = () => app.running.app.get(LeaseHolder);

  async function plantLease(holder: string, scope: string, heartbeatAgoMs: number, expiresInMs: number) {
    await app.ds.query(
      `UPDATE account_sync_state SET lease_holder = $2, lease_holder_scope = $3, lease_heartbeat_at = $4, locked_until = $5
        WHERE account_id = $1`,
      [account.hubId, holder, scope, new Date(Date.now() - heartbeatAgoMs), new Date(Date.now() + expiresInMs)],
    );
  }

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 78, throttling: { rateScale: 1000 } });
    // Heartbeat every 10 s; a holder silent for 20 s is presumed stopped.
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', SYNC_LEASE_SECONDS: '30' });
    account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Lease store');
    sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 10, seed: 2 });
    await app.gql(`mutation($id: ID!) { syncAccount(accountId: $id) { running } }`, { id: account.hubId });
    await until(
      'the first pull',
      () => syncState(app, account.hubId),
      (s) => s.ordersImported === 10,
    );
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('a holder on another host that heartbeats is running and keeps the account; once its heartbeat is stale the state says it waits for a stopped process until the lease runs out, and then the account is taken over', async () => {
    const elsewhere = 'other-host:4242:2026-12-01T00:00:00.000Z';
    await plantLease(elsewhere, 'another-boot/pid:[1]', 0, 30_000);
    expect(await syncState(app, account.hubId)).toMatchObject({ running: true });
    expect(await pullNow()).toBe('BUSY');

    await plantLease(elsewhere, 'another-boot/pid:[1]', 25_000, 4_000);
    const res = await app.gql(
      `{ channelAccounts { id syncState { running waitingForStoppedProcess leaseHolder leaseExpiresAt } } }`,
    );
    const waiting = res.data!.channelAccounts.find((a: { id: string }) => a.id === account.hubId).syncState;
    expect(waiting).toMatchObject({ running: false, waitingForStoppedProcess: true, leaseHolder: elsewhere });
    const [{ locked_until }] = await app.ds.query(`SELECT locked_until FROM account_sync_state WHERE account_id = $1`, [
      account.hubId,
    ]);
    expect(new Date(waiting.leaseExpiresAt).getTime()).toBe(new Date(locked_until).getTime());
    expect(await pullNow()).toBe('BUSY');

    await until('the lease to run out and be taken over', pullNow, (outcome) => outcome === 'DONE', 30_000);
    const [row] = await app.ds.query(`SELECT lease_holder FROM account_sync_state WHERE account_id = $1`, [
      account.hubId,
    ]);
    expect(row.lease_holder).toBeNull();
  });

  it('a holder in this pid space whose process is gone is taken over at once, however long its lease had to run', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    await plantLease(`${hostname()}:${gone}:2026-12-01T00:00:00.000Z`, holderOf().scope, 0, 30 * 60_000);
    expect(await syncState(app, account.hubId)).toMatchObject({ running: false });
    expect(await pullNow()).toBe('DONE');
  });

  it('another application context of this very process is alive, and its lease is kept', async () => {
    await plantLease(`${holderOf().id.split('#')[0]}#99`, holderOf().scope, 0, 30_000);
    expect(await syncState(app, account.hubId)).toMatchObject({ running: true });
    expect(await pullNow()).toBe('BUSY');
    await app.ds.query(
      `UPDATE account_sync_state SET lease_holder = NULL, lease_holder_scope = NULL, locked_until = NULL WHERE account_id = $1`,
      [account.hubId],
    );
  });
});
