import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';

export interface OidcTestAccount {
  sub: string;
  email: string;
  name: string;
  /** Authentication methods the issuer reports in the ID token (`amr`), e.g. ['pwd', 'mfa']. */
  amr?: string[];
  /** The `email_verified` claim (default true). */
  emailVerified?: boolean;
}

export interface OidcTestIssuer {
  /** The issuer's URL (http://127.0.0.1:<port>), what OIDC_ISSUER names. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Replaces the client's redirect URIs (for a hub that listens on a port chosen after the issuer started). */
  setRedirectUri(redirectUri: string | string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a real OpenID Connect issuer (oidc-provider) on 127.0.0.1 and a free port, with one confidential client
 * allowed to redirect to `redirectUri` and the given accounts. Its login page is an HTML form asking for the
 * account's e-mail (no password); consent is implied.
 */
export async function startOidcIssuer(options: {
  redirectUri?: string | string[];
  accounts: OidcTestAccount[];
}): Promise<OidcTestIssuer> {
  const clientId = 'order-hub';
  const clientSecret = randomBytes(24).toString('base64url');
  const settings = {
    clientId,
    clientSecret,
    redirectUris: [options.redirectUri ?? 'http://127.0.0.1/auth/oidc/callback'].flat(),
    accounts: options.accounts,
  };
  const child = spawn(process.execPath, ['--no-warnings', join(__dirname, 'oidc-issuer-process.mjs')], {
    env: { ...process.env, NODE_OPTIONS: '', OIDC_TEST_ISSUER: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: child.stdout });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const issuer = await nextLine(child, lines).catch((err: Error) => {
    child.kill();
    throw new Error(`The test OIDC issuer did not start: ${err.message}\n${errors}`);
  });
  return {
    issuer: (JSON.parse(issuer) as { issuer: string }).issuer,
    clientId,
    clientSecret,
    async setRedirectUri(redirectUri) {
      child.stdin.write(`${JSON.stringify({ redirectUris: [redirectUri].flat() })}\n`);
      await nextLine(child, lines);
    },
    close: () => stop(child),
  };
}

function nextLine(child: ChildProcess, lines: Interface): Promise<string> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`exited with code ${code}`));
    child.once('exit', exited);
    lines.once('line', (line) => {
      child.off('exit', exited);
      resolve(line);
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Cookies per origin, as a browser keeps them (enough for one sign-in's redirects). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.byOrigin.get(new URL(url).origin);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }

  take(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = this.header(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    this.take(url, response);
    return response;
  }
}

export interface OidcLoginOutcome {
  /** The hub's answer to its callback: 302 and where it sends the browser. */
  status: number;
  location: string;
  /** The callback URL as the browser followed it (after `rewriteCallbackUrl`). */
  callbackUrl: string;
  jar: CookieJar;
}

/**
 * Signs in through the hub's SSO over plain HTTP, as a browser would: GET `startUrl` (the hub's
 * /auth/oidc/start), follow the redirects to the issuer's login form, post `login` (an account's e-mail), follow
 * the redirects back to the hub's callback and return the hub's answer (not followed further). The rewrite hooks
 * let tests tamper with the authorization request or the callback the way an attacker could.
 */
export async function completeLoginOverHttp(
  startUrl: string,
  login: string,
  options: {
    jar?: CookieJar;
    rewriteAuthorizationUrl?: (url: URL) => void;
    rewriteCallbackUrl?: (url: URL) => void;
  } = {},
): Promise<OidcLoginOutcome> {
  const jar = options.jar ?? new CookieJar();
  const hub = new URL(startUrl).origin;
  const started = await jar.fetch(startUrl);
  const authorization = new URL(redirectTarget(started, startUrl));
  if (authorization.origin === hub) {
    return { status: started.status, location: authorization.pathname + authorization.search, callbackUrl: '', jar };
  }
  options.rewriteAuthorizationUrl?.(authorization);

  let url = authorization.toString();
  let response = await jar.fetch(url);
  for (let hops = 0; ; hops++) {
    if (hops > 20) throw new Error(`Too many redirects signing in at ${authorization.origin}`);
    if (response.status === 200 && /\/interaction\/[\w-]+$/.test(new URL(url).pathname)) {
      const form = new URL(`${new URL(url).pathname}/login`, url).toString();
      url = form;
      response = await jar.fetch(form, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }).toString(),
      });
      continue;
    }
    if (response.status < 300 || response.status >= 400) {
      throw new Error(`The issuer answered ${response.status} at ${url}: ${(await response.text()).slice(0, 500)}`);
    }
    const next = new URL(redirectTarget(response, url));
    if (next.origin === hub) {
      options.rewriteCallbackUrl?.(next);
      const callback = await jar.fetch(next.toString());
      return {
        status: callback.status,
        location: callback.headers.get('location') ?? '',
        callbackUrl: next.toString(),
        jar,
      };
    }
    url = next.toString();
    response = await jar.fetch(url);
  }
}

function redirectTarget(response: Response, from: string): string {
  const location = response.headers.get('location');
  if (!location) throw new Error(`Expected a redirect from ${from}, got ${response.status}`);
  return new URL(location, from).toString();
}
