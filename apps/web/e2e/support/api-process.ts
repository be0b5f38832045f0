// The real api as a child process: embedded PGlite in a fresh data directory, demo data, a free port.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ApiProcess {
  baseUrl: string;
  adminToken: string;
  /** The api's DATA_DIR (the demo writes `demo-accounts.json` there). */
  dataDir: string;
  /** Asks the api directly, as the admin, for facts the console should then show. */
  graphql<TData>(query: string): Promise<TData>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function post(baseUrl: string, query: string, token?: string): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const { data } = await post(baseUrl, '{ health { ok } }');
    return (data as { health?: { ok?: boolean } } | undefined)?.health?.ok === true;
  } catch {
    return false;
  }
}

async function firstPullsDone(baseUrl: string, token: string): Promise<boolean> {
  const { data } = await post(baseUrl, '{ channelAccounts { syncState { lastSuccessAt } } }', token);
  const accounts =
    (data as { channelAccounts?: { syncState: { lastSuccessAt: string | null } }[] } | undefined)?.channelAccounts ??
    [];
  return accounts.length > 0 && accounts.every((a) => a.syncState.lastSuccessAt !== null);
}

export async function startApi(main: string, webDist: string, timeoutMs = 60_000): Promise<ApiProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    SANDBOX_PORT: '0',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: webDist,
  };
  // The embedded demo: its own database, and jobs run in the api process rather than on a shared Redis.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;

  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const tokenFile = join(dataDir, 'admin-token');
  const deadline = Date.now() + timeoutMs;
  while (!((await isHealthy(baseUrl)) && existsSync(tokenFile))) {
    const failure =
      child.exitCode !== null
        ? `The api exited with code ${child.exitCode}`
        : Date.now() > deadline
          ? `The api did not become healthy within ${timeoutMs / 1000} s`
          : null;
    if (failure) {
      await stop();
      throw new Error(`${failure}. Its output:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }

  const adminToken = readFileSync(tokenFile, 'utf8').trim();
  // The demo's orders arrive through the real import from the sandbox: wait for each account's first pull.
  while (!(await firstPullsDone(baseUrl, adminToken))) {
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The demo import did not finish within ${timeoutMs / 1000} s. Its output:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    baseUrl,
    adminToken,
    dataDir,
    async graphql<TData>(query: string) {
      const body = await post(baseUrl, query, adminToken);
      if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
      return body.data as TData;
    },
    stop,
  };
}
