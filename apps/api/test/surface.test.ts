import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/app-config';
import { startTestApp, type TestApp } from './support/test-app';

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('security headers', () => {
  let app: TestApp;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'order-hub-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    app = await startTestApp('pglite', { WEB_DIST_DIR: web, GRAPHIQL: 'true' });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('@fastify/helmet: the console and GraphQL answer with a CSP without inline script, frame-ancestors none, nosniff and a Referrer-Policy', async () => {
    for (const path of ['/', '/orders/123', '/assets/app.js', '/graphql?query=%7Bhealth%7Bok%7D%7D']) {
      const res = await fetch(app.baseUrl + path);
      expect([path, res.status]).toEqual([path, 200]);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(directives).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self'",
        'frame-ancestors': "'none'",
        'object-src': "'none'",
      });
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|upgrade-insecure-requests/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('relaxes the CSP for GraphiQL’s own pages only (its scripts come from unpkg)', async () => {
    const res = await fetch(`${app.baseUrl}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' https:\/\/unpkg\.com;/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });

  it('the built console has no inline script or style, so it runs under that policy', () => {
    const dist = join(__dirname, '..', '..', 'web', 'dist', 'index.html');
    // The console is built by `npm run build` (CI builds before testing); the source index.html holds the same.
    const html = readFileSync(existsSync(dist) ? dist : join(__dirname, '..', '..', 'web', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });
});

describe('introspection and the version in health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app?.close());

  it('anonymous introspection answers UNAUTHENTICATED saying a token is needed; with a token it works', async () => {
    for (const query of [INTROSPECTION, '{ __type(name: "ApiToken") { name } }', '{ health { ok __schema: ok } }']) {
      const anonymous = await app.gql(query, {}, null);
      if (query.includes('__schema: ok')) {
        // An alias named like a meta field is not introspection.
        expect(anonymous.errors).toBeUndefined();
        continue;
      }
      expect(anonymous.data).toBeNull();
      expect(anonymous.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^Introspection is for signed-in callers\. Sign in, or send a valid API token/),
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    expect((await app.gql(INTROSPECTION, {}, 'ohk_bad')).errors?.[0]?.message).toMatch(/unknown or has been revoked/);
    expect((await app.gql(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // __typename is no introspection of the schema.
    expect((await app.gql('{ __typename }', {}, null)).data).toEqual({ __typename: 'Query' });
  });

  it('health answers everyone, and its version only to a caller with a valid token', async () => {
    const anonymous = await app.gql('{ health { ok version } }', {}, null);
    expect(anonymous.data).toEqual({ health: { ok: true, version: null } });
    const bad = await app.gql('{ health { ok version } }', {}, 'ohk_bad');
    expect(bad.data).toEqual({ health: { ok: true, version: null } });
    const known = await app.gql('{ health { ok version } }');
    expect(known.data).toEqual({ health: { ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) } });
  });
});

describe('GRAPHQL_INTROSPECTION', () => {
  it('always: anyone may introspect and read the version; never: not even an admin', async () => {
    const always = await startTestApp('pglite', { GRAPHQL_INTROSPECTION: 'always' });
    try {
      expect((await always.gql(INTROSPECTION, {}, null)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await always.gql('{ health { version } }', {}, null)).data!.health.version).toEqual(expect.any(String));
    } finally {
      await always.close();
    }
    const never = await startTestApp('pglite', { GRAPHQL_INTROSPECTION: 'never' });
    try {
      const res = await never.gql(INTROSPECTION);
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/turned off on this hub \(GRAPHQL_INTROSPECTION=never\)/),
        extensions: { code: 'FORBIDDEN' },
      });
    } finally {
      await never.close();
    }
  });

  it('refuses an unknown setting naming the variable', () => {
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'sometimes' })).toThrow(
      'Invalid configuration: GRAPHQL_INTROSPECTION must be authenticated, always or never (got "sometimes")',
    );
  });
});
