import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { freshRedis, POSTGRES_ADMIN_URL } from './support/job-drivers';
import { createPerson, request, signIn } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const PASSWORD = 'Trombone-Lantern-93';
const WRONG = 'Not-The-Password-1';

/** A sign-in attempt from the address `ip` (the hub trusts X-Forwarded-For in these suites). */
const attempt = (app: TestApp, email: string, password: string, ip: string) =>
  request(app, 'POST', '/auth/sign-in', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

describe.each(testDatabases())('sign-in lockout on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind, { TRUST_PROXY: 'true' });
  });
  afterAll(() => app?.close());

  it('locks an account after 5 wrong passwords for 1 minute, doubling with each further failure', async () => {
    const person = await createPerson(app, { email: 'lena@example.com', password: PASSWORD, role: 'OPERATOR' });
    // Each from its own address: this is the account's lock, not the address's.
    for (let i = 1; i <= 4; i++) {
      const answer = await attempt(app, 'lena@example.com', WRONG, `203.0.113.${i}`);
      expect(answer).toMatchObject({ status: 401, body: { message: 'Wrong e-mail or password.' } });
    }
    expect((await attempt(app, 'lena@example.com', WRONG, '203.0.113.5')).status).toBe(401);

    // Locked now: even the right password is refused, with when to come back.
    const locked = await attempt(app, 'lena@example.com', PASSWORD, '203.0.113.6');
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({
      message: 'Too many failed sign-ins: try again in 1 minute.',
      retryAfterSeconds: expect.any(Number),
    });
    expect(Number(locked.headers.get('retry-after'))).toBe(locked.body.retryAfterSeconds);
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(50);
    expect(locked.body.retryAfterSeconds).toBeLessThanOrEqual(60);
    const [event] = await app.ds.query(`SELECT actor, after FROM audit_event WHERE action = 'user.locked'`);
    expect(event).toMatchObject({ actor: 'system:sign-in', after: { email: 'lena@example.com' } });

    // The minute passes (moved in SQL); one more wrong password locks for 2 minutes.
    await app.ds.query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [person.id]);
    expect((await attempt(app, 'lena@example.com', WRONG, '203.0.113.7')).status).toBe(401);
    const longer = await attempt(app, 'lena@example.com', PASSWORD, '203.0.113.8');
    expect(longer.status).toBe(429);
    expect(longer.body.message).toBe('Too many failed sign-ins: try again in 2 minutes.');
    expect(longer.body.retryAfterSeconds).toBeGreaterThan(110);

    // Once the lock has passed the right password works and clears the count.
    await app.ds.query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [person.id]);
    const session = await signIn(app, 'lena@example.com', PASSWORD, { 'x-forwarded-for': '203.0.113.9' });
    expect(session.body.status).toBe('SIGNED_IN');
    const [row] = await app.ds.query(`SELECT failed_sign_ins, locked_until FROM app_user WHERE id = $1`, [person.id]);
    expect(row).toEqual({ failed_sign_ins: 0, locked_until: null });
  });

  it('locks an address after 10 refused sign-ins in 15 minutes, whatever the accounts, and not other addresses', async () => {
    await createPerson(app, { email: 'max@example.com', password: PASSWORD, role: 'VIEWER' });
    const ip = '198.51.100.77';
    // Guessing across many addresses and one known one: none of the accounts reaches its own lock.
    for (let i = 0; i < 10; i++) {
      const answer = await attempt(app, i % 2 ? `nobody${i}@example.com` : 'max@example.com', WRONG, ip);
      if (i % 2 === 0) await app.ds.query(`UPDATE app_user SET failed_sign_ins = 0 WHERE email = 'max@example.com'`);
      expect(answer.status).toBe(401);
    }
    const blocked = await attempt(app, 'max@example.com', PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/^Too many failed sign-ins: try again in (14|15) minutes\.$/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60 - 5);
    // Another address is not held by it.
    expect((await signIn(app, 'max@example.com', PASSWORD, { 'x-forwarded-for': '198.51.100.78' })).body.status).toBe(
      'SIGNED_IN',
    );
  });
});

describe('sign-in lockout per address shared through Redis by two api processes', () => {
  let a: TestApp;
  let b: RunningApp;
  let bApp: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL: await freshRedis(14), TRUST_PROXY: 'true' };
    a = await startTestApp('postgres', env, POSTGRES_ADMIN_URL);
    b = await createApp(
      loadConfig({
        ...env,
        DATABASE_URL: a.databaseUrl!,
        DATA_DIR: a.dataDir,
        LOG_LEVEL: 'silent',
        SYNC_ENABLED: 'false',
      }),
    );
    await b.app.listen(0, '127.0.0.1');
    bApp = { ...a, baseUrl: `http://127.0.0.1:${(b.app.getHttpServer().address() as { port: number }).port}` };
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('counts refusals at one api process against the address at the other', async () => {
    await createPerson(a, { email: 'rui@example.com', password: PASSWORD, role: 'VIEWER' });
    const ip = '192.0.2.10';
    for (let i = 0; i < 10; i++) expect((await attempt(a, `x${i}@example.com`, WRONG, ip)).status).toBe(401);
    const blocked = await attempt(bApp, 'rui@example.com', PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body.retryAfterSeconds).toBeGreaterThan(14 * 60 - 5);
    expect((await attempt(bApp, 'rui@example.com', PASSWORD, '192.0.2.11')).status).toBe(200);
  });
});
