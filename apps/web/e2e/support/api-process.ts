// The real api as a child process: embedded PGlite in a fresh data directory, demo data, a free port.
// Its first start invites the first admin by a one-time link in DATA_DIR: the harness accepts it, enrols TOTP
// and makes itself an ADMIN API token for the suites' setup calls.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { acceptInvitation, signInBrowser, type Person, type Role } from './people';

export interface ApiProcess {
  baseUrl: string;
  /** An ADMIN API token (a named integration, not a person) for setup calls and facts. */
  adminToken: string;
  /** The first admin, who accepted the first-start invitation and enrolled TOTP. */
  admin: Person;
  /** The api's DATA_DIR (the demo writes `demo-accounts.json` there). */
  dataDir: string;
  /** Asks the api directly, with the admin token, for facts the console should then show. */
  graphql<TData>(query: string, variables?: Record<string, unknown>): Promise<TData>;
  /** Invites a person as the admin and accepts the link as them (with TOTP when the hub requires MFA of them). */
  addPerson(input: { email: string; name: string; role: Role }): Promise<Person>;
  /** Signs a browser in as the person without the sign-in page (password and TOTP over REST, then the cookie). */
  signIn(target: BrowserContext | Page, person: Person): Promise<void>;
  /** Signs the page's browser in as the person, opens the path and waits for the header saying who is signed in. */
  openAs(page: Page, person: Person, path?: string): Promise<void>;
  /**
   * Stops the api, runs SQL on its embedded database (to move timestamps, say) and starts it again at the same
   * address, with the same data; the browser's cookies stay valid as far as the browser knows.
   */
  restartAfter(sql: string): Promise<void>;
  /** What the api printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface ApiOptions {
  /** Extra environment for the api (SMTP_URL, OIDC_*, SESSION_IDLE_MINUTES…). */
  env?: Record<string, string>;
  /** A port chosen beforehand (with freePort) when something must know the address before the api starts. */
  port?: number;
  timeoutMs?: number;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function post(
  baseUrl: string,
  query: string,
  token?: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
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

/**
 * Runs SQL on a stopped api's embedded database. In a plain Node process: PGlite loads its WebAssembly with a
 * dynamic import, which Jest's module system refuses without --experimental-vm-modules.
 */
function execEmbeddedSql(pgliteDir: string, sql: string): Promise<void> {
  const script = `
    import { PGlite } from '@electric-sql/pglite';
    import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
    const db = await PGlite.create(process.env.PGLITE_DIR, { extensions: { pg_trgm } });
    try { await db.exec(process.env.SQL); } finally { await db.close(); }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: __dirname,
    env: { ...process.env, NODE_OPTIONS: '', PGLITE_DIR: pgliteDir, SQL: sql },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((done, fail) =>
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`The SQL failed (exit ${code}): ${errors}`)))),
  );
}

interface Running {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

function launch(main: string, env: NodeJS.ProcessEnv, log: { text: string }): Running {
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (log.text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log.text += chunk.toString()));
  return {
    child,
    output: () => log.text,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

async function waitUntil(running: Running, ready: () => Promise<boolean>, what: string, deadline: number) {
  while (!(await ready())) {
    if (running.child.exitCode !== null) throw new Error(`The api exited with code ${running.child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`The api did not ${what} in time`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

export async function startApi(main: string, webDist: string, options: ApiOptions = {}): Promise<ApiProcess> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-e2e-'));
  const port = options.port ?? (await freePort());
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
    PUBLIC_URL: baseUrl,
    ...options.env,
  };
  // The embedded demo: its own database, and jobs run in the api process rather than on a shared Redis.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;

  const log = { text: '' };
  let running = launch(main, env, log);
  const stop = async () => {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const failed = async (error: unknown): Promise<never> => {
    await stop();
    throw new Error(`${(error as Error).message}. The api's output:\n${log.text}`);
  };

  const invitationFile = join(dataDir, 'first-admin-invitation');
  const deadline = Date.now() + timeoutMs;
  let admin: Person | undefined;
  let adminToken = '';
  try {
    await waitUntil(
      running,
      async () => (await isHealthy(baseUrl)) && existsSync(invitationFile),
      'become healthy and invite its first admin',
      deadline,
    );
    const firstStart = await acceptInvitation(baseUrl, readFileSync(invitationFile, 'utf8').trim(), {
      name: 'First Admin',
      role: 'ADMIN',
    });
    admin = firstStart.person;
    const { createApiToken } = await firstStart.session.graphql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "e2e harness", role: ADMIN }) { token } }',
    );
    adminToken = createApiToken.token;
    // The demo's orders arrive through the real import from the sandbox: wait for each account's first pull.
    await waitUntil(running, () => firstPullsDone(baseUrl, adminToken), 'finish the demo import', deadline);
  } catch (error) {
    await failed(error);
  }

  const graphql = async <TData>(query: string, variables?: Record<string, unknown>) => {
    const body = await post(baseUrl, query, adminToken, variables);
    if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data as TData;
  };
  return {
    baseUrl,
    adminToken,
    admin: admin!,
    dataDir,
    graphql,
    async addPerson(input) {
      const { inviteUser } = await graphql<{ inviteUser: { link: string } }>(
        `mutation { inviteUser(input: { email: ${JSON.stringify(input.email)}, name: ${JSON.stringify(input.name)}, role: ${input.role} }) { link } }`,
      );
      return (await acceptInvitation(baseUrl, inviteUser.link, input)).person;
    },
    signIn: (target, person) => signInBrowser('context' in target ? target.context() : target, baseUrl, person),
    async openAs(page, person, path = '/') {
      await signInBrowser(page.context(), baseUrl, person);
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId('session-name').waitFor();
    },
    async restartAfter(sql) {
      await running.stop();
      await execEmbeddedSql(join(dataDir, 'pglite'), sql);
      running = launch(main, env, log);
      try {
        await waitUntil(running, () => isHealthy(baseUrl), 'become healthy again', Date.now() + timeoutMs);
      } catch (error) {
        await failed(error);
      }
    },
    output: () => log.text,
    stop,
  };
}
