import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

/** A pino destination that keeps every line the app writes. */
class LogCapture {
  lines: string[] = [];
  write(chunk: string) {
    for (const line of chunk.split('\n')) if (line) this.lines.push(line);
  }
  /** The lines written while `run` ran. */
  async during(run: () => unknown): Promise<string[]> {
    const from = this.lines.length;
    await run();
    return this.lines.slice(from);
  }
}

const BAD = 'ohk_notarealtokenatallnotarealtokenatallxxxx';

async function post(app: TestApp, query: string, token: string | null) {
  const res = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { errors?: { extensions: { code: string } }[] };
}

describe.each(testDatabases())('log flood and personal data in logs, on %s', (kind) => {
  let app: TestApp;
  const log = new LogCapture();
  beforeAll(async () => {
    // Room for one request of 300 aliased fields under the document limits.
    const env = { LOG_LEVEL: 'info', LOG_LINES_PER_CAUSE_PER_MINUTE: '10', GRAPHQL_MAX_ALIASES: '1000' };
    app = await startTestApp(kind, env, undefined, {
      logDestination: log,
    });
  });
  let closed = false;
  afterAll(async () => {
    if (!closed) await app?.close();
  });

  it('a refused token writes one line under 300 bytes with no stack (it wrote ~1.8 KB of stack trace)', async () => {
    const lines = await log.during(async () => {
      const res = await post(app, '{ me { name } }', BAD);
      expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });
    expect(lines).toHaveLength(1);
    expect(Buffer.byteLength(lines[0])).toBeLessThan(300);
    expect(lines[0]).not.toMatch(/stack|\s+at /);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 40,
      code: 'UNAUTHENTICATED',
      operation: 'me',
      msg: 'The API token is unknown or has been revoked.',
    });
    expect(lines[0]).not.toContain(BAD);
  });

  it('200 refused requests and one of 300 aliased fields write a bounded number of lines (one 16 KB request wrote 1.4 MB)', async () => {
    const aliased = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    const lines = await log.during(async () => {
      for (let i = 0; i < 20; i++) {
        await Promise.all(Array.from({ length: 10 }, () => post(app, '{ me { name } }', BAD)));
      }
      const res = await post(app, aliased, BAD);
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(res.errors?.every((e) => e.extensions.code === 'UNAUTHENTICATED')).toBe(true);
    });
    // The first test spent one of the cause's 10 lines this minute.
    expect(lines.length).toBeLessThanOrEqual(9);
    expect(lines.join('\n').length).toBeLessThan(9 * 300);
  });

  it('an unexpected error keeps its stack, and past 10 lines a minute its cause is counted instead of written', async () => {
    const lines = await log.during(() => {
      for (let i = 0; i < 30; i++) new Logger('PullOrders').error(new TypeError(`boom ${i}`));
    });
    expect(lines).toHaveLength(10);
    expect(JSON.parse(lines[0]).err.stack).toMatch(/^TypeError: boom 0\n\s+at /);
  });

  it('a failed INSERT logs its SQL and SQLSTATE, never the names and addresses in its parameters', async () => {
    const personal = ['Jane Roe', '12 Elm Street', 'jane.roe@example.com'];
    const lines = await log.during(async () => {
      const err = await app.ds
        .query(
          `INSERT INTO "order" ("account_id", "channel", "channel_order_id", "ordered_at", "status", "fulfillment_method",
             "ship_to", "ship_to_name", "total_cents", "currency", "raw_payload")
           VALUES ($1, 'WALMART', '4001', $2, 'CREATED', 'SELLER', $3, $4, 100, 'USD', $5)`,
          [
            randomUUID(),
            `${personal[0]} ordered yesterday`,
            JSON.stringify({ line1: personal[1], email: personal[2] }),
            personal[0],
            JSON.stringify({ buyer: personal[0], address: personal[1] }),
          ],
        )
        .then(
          () => null,
          (e: Error) => e,
        );
      expect(err).not.toBeNull();
      // What a job does with an error it did not expect (pull-orders, outbox, schedulers).
      new Logger('PullOrders').error(err);
    });
    const text = lines.join('\n');
    for (const value of personal) expect(text).not.toContain(value);
    const query = JSON.parse(lines.find((l) => l.includes('Query failed'))!);
    expect(query).toMatchObject({ context: 'Database', code: '22007', msg: 'Query failed' });
    expect(query.sql).toMatch(/^INSERT INTO "order" \("account_id", .*VALUES \(\$1, 'WALMART'/);
    const job = JSON.parse(lines.find((l) => l.includes('"PullOrders"'))!);
    expect(job.err).toMatchObject({ type: 'QueryFailedError', code: '22007' });
    expect(job.err.stack).toMatch(/^QueryFailedError: invalid input syntax for type timestamp with time zone: "…"\n/);
  });

  it('redacts the authorization and cookie headers wherever a logged object carries them', async () => {
    const lines = await log.during(() => {
      const headers = { authorization: `Bearer ${app.adminToken}`, cookie: 'session=abc', accept: '*/*' };
      app.running.app.getHttpAdapter().getInstance().log.info({ headers, upstream: { headers } }, 'headers');
    });
    expect(lines).toHaveLength(1);
    const redacted = { authorization: '[redacted]', cookie: '[redacted]', accept: '*/*' };
    expect(JSON.parse(lines[0])).toMatchObject({ headers: redacted, upstream: { headers: redacted } });
    expect(lines[0]).not.toContain(app.adminToken);
  });

  it('writes once how many lines each cause suppressed', async () => {
    const lines = await log.during(async () => {
      closed = true;
      await app.close();
    });
    const suppressed = lines.map((l) => JSON.parse(l)).filter((l) => l.suppressed);
    expect(suppressed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          cause: 'UNAUTHENTICATED me',
          suppressed: 192,
          msg: expect.stringMatching(/^suppressed 192 similar lines/),
        }),
        expect.objectContaining({ suppressed: 20 }),
      ]),
    );
  });
});
