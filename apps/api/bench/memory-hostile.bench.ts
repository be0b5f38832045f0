/**
 * Memory under hostile GraphQL: starts the api on an in-memory PGlite in a child process, sends it
 * BENCH_REQUESTS (default 11,000) hostile requests, BENCH_CONCURRENCY (8) at a time, each a distinct document of
 * about BENCH_DOC_BYTES (16 KB): thousands of unknown fields, a thousand aliases, deep nesting, a long string
 * argument, a list of thousands of values. Prints the child's RSS after a warm-up (start), at its peak, and
 * BENCH_SETTLE_SECONDS (60) after the last request, with the answers by code, and writes them to
 * docs/benchmarks.md. BENCH_APP_DIR=<a built dist folder> runs another build of the api (to compare with the
 * tree before a change) and writes nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeBenchmarkSection } from './benchmarks-doc';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 11_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DOC_BYTES = Number(process.env.BENCH_DOC_BYTES ?? 16_384);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 60);
const APP_DIR = process.env.BENCH_APP_DIR ?? join(__dirname, '..');

type ToChild = { type: 'memory'; gc?: boolean };
type FromChild =
  | { type: 'ready'; port: number; token: string }
  | { type: 'memory'; rss: number; peakRss: number; heapUsed: number; heapTotal: number; external: number };

/** The api, in the child process: reports its address, then its memory (and its peak, sampled here) on request. */
async function serve(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-memory-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createApp } = require(join(APP_DIR, 'src', 'bootstrap')) as typeof import('../src/bootstrap');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConfig } = require(
    join(APP_DIR, 'src', 'config', 'app-config'),
  ) as typeof import('../src/config/app-config');
  const running = await createApp(
    loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      PGLITE_DIR: 'memory',
      LOG_LEVEL: 'silent',
      SYNC_ENABLED: 'false',
      // Measures what the requests hold, not what the rate limiter refuses.
      RATE_LIMIT_PER_MINUTE: '0',
      AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
    }),
  );
  await running.app.listen(0, '127.0.0.1');
  let peakRss = process.memoryUsage().rss;
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50).unref();
  process.on('message', (m: ToChild) => {
    if (m.type !== 'memory') return;
    if (m.gc) (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    process.send!({ type: 'memory', rss, peakRss, heapUsed, heapTotal, external } satisfies FromChild);
  });
  process.on('disconnect', () => {
    void running.close().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
  const { port } = running.app.getHttpServer().address() as { port: number };
  process.send!({
    type: 'ready',
    port,
    token: (await running.app.get(ApiTokensService).create('memory bench admin', 'ADMIN', 'system:memory-bench'))
      .secret,
  } satisfies FromChild);
}

function nextMessage<T extends FromChild['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<FromChild, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the api exited (${code})`));
    const onMessage = (m: FromChild) => {
      if (m.type !== type) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(m as Extract<FromChild, { type: T }>);
    };
    child.on('message', onMessage).once('exit', onExit);
  });
}

async function memory(child: ChildProcess, gc = false) {
  const reply = nextMessage(child, 'memory');
  child.send({ type: 'memory', gc } satisfies ToChild);
  return reply;
}

/** Repeats `unit(k)` until the document is about DOC_BYTES long. */
function fill(unit: (k: number) => string, wrap: (body: string) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < DOC_BYTES; k++) {
    const part = unit(k);
    parts.push(part);
    length += part.length + 1;
  }
  return wrap(parts.join(' '));
}

/** The i-th hostile request; every document is distinct, so none is answered from a cache. */
function hostile(i: number): { kind: string; body: string } {
  const id = `${i.toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const kinds: [string, () => string][] = [
    [
      'unknown fields',
      () =>
        fill(
          (k) => `f${id}_${k}`,
          (b) => `{ ${b} }`,
        ),
    ],
    [
      'aliases',
      () =>
        fill(
          (k) => `a${id}_${k}: __typename`,
          (b) => `{ ${b} }`,
        ),
    ],
    [
      'deep nesting',
      () => {
        const depth = Math.floor(DOC_BYTES / 24);
        return `{ q${id}: __schema { types { ${'fields { type { '.repeat(depth)}name${' } }'.repeat(depth)} } } }`;
      },
    ],
    [
      'long string',
      () => `{ q${id}: orders(first: 1, filter: { search: "${'x'.repeat(DOC_BYTES - 80)}" }) { totalCount } }`,
    ],
    [
      'long list',
      () =>
        fill(
          (k) => (k % 2 ? 'CREATED' : 'SHIPPED'),
          (b) => `{ q${id}: orders(first: 1, filter: { statuses: [${b}] }) { totalCount } }`,
        ),
    ],
  ];
  const [kind, make] = kinds[i % kinds.length];
  return { kind, body: JSON.stringify({ query: make() }) };
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

async function main(): Promise<void> {
  // --expose-gc only for the last reading: a full collection tells what is held from what is merely not yet freed.
  const child = fork(__filename, ['serve'], { stdio: 'inherit', execArgv: ['--expose-gc'] });
  const { port, token } = await nextMessage(child, 'ready');
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (body: string) => {
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const json = (await res.json().catch(() => null)) as {
      errors?: { extensions?: { code?: string; limit?: string } }[];
    } | null;
    const error = json?.errors?.[0]?.extensions;
    const code =
      res.status !== 200
        ? `HTTP ${res.status}`
        : error
          ? `${error.code}${error.limit ? ` (${error.limit})` : ''}`
          : 'OK';
    return { code, ms: performance.now() - started };
  };

  const legit = JSON.stringify({ query: '{ health { ok } orders(first: 10) { totalCount edges { node { id } } } }' });
  for (let i = 0; i < 200; i++) await post(legit);
  const start = await memory(child);

  const tally = new Map<string, number>();
  let slowest = 0;
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const { kind, body } = hostile(next++);
        const { code, ms } = await post(body);
        const key = `${kind}: ${code}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        slowest = Math.max(slowest, ms);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  const end = await memory(child);
  await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
  const settled = await memory(child);
  const collected = await memory(child, true);
  const stillAnswers = (await post(legit)).code;
  child.disconnect();

  const rows = [...tally].sort(([a], [b]) => a.localeCompare(b));
  const lines = [
    `${REQUESTS.toLocaleString('en-US')} hostile GraphQL requests (distinct documents of about ${DOC_BYTES.toLocaleString('en-US')} bytes:`,
    'unknown fields, aliases, deep nesting, a long string, a long list), eight at a time, against the api on an in-memory',
    `PGlite in a child process. ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `| | after warm-up | peak | at the last request | ${SETTLE_SECONDS} s later | then after a full GC |`,
    '|---|---|---|---|---|---|',
    `| RSS | ${mb(start.rss)} | ${mb(end.peakRss)} | ${mb(end.rss)} | ${mb(settled.rss)} | ${mb(collected.rss)} |`,
    `| JS heap used | ${mb(start.heapUsed)} | | ${mb(end.heapUsed)} | ${mb(settled.heapUsed)} | ${mb(collected.heapUsed)} |`,
    `| JS heap reserved | ${mb(start.heapTotal)} | | ${mb(end.heapTotal)} | ${mb(settled.heapTotal)} | ${mb(collected.heapTotal)} |`,
    `| external (buffers, PGlite's WebAssembly memory) | ${mb(start.external)} | | ${mb(end.external)} | ${mb(settled.external)} | ${mb(collected.external)} |`,
    '',
    `Slowest request ${slowest.toFixed(0)} ms; ${(REQUESTS / seconds).toFixed(0)} requests/s.`,
    '',
    '| request: answer | count |',
    '|---|---|',
    ...rows.map(([key, n]) => `| ${key} | ${n} |`),
    '',
    `A plain query afterwards: ${stillAnswers}.`,
  ];
  console.log(lines.join('\n'));
  if (!process.env.BENCH_APP_DIR) writeBenchmarkSection('apps/api — memory under hostile GraphQL', lines.join('\n'));
}

if (process.argv[2] === 'serve') void serve();
else
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
