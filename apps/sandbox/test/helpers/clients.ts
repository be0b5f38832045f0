import { randomUUID } from 'node:crypto';
import { type ContractApi, checkRequest, checkResponse, findOperation } from '@order-hub/contracts';

export interface HttpResult {
  status: number;
  body: any;
  headers: Headers;
}

export const contractStats = { responses: 0, requests: 0 };

async function send(url: string, init: RequestInit): Promise<HttpResult> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: any = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: res.status, body, headers: res.headers };
}

/** A path the models do not define is still answered in the channel's error envelope, as any of its operations. */
const ENVELOPE_OF: Record<ContractApi, [string, string]> = {
  walmart: ['GET', '/v3/orders'],
  amazon: ['GET', '/orders/2026-01-01/orders'],
};

/** The request body the sandbox accepted and the response it sent, against the official model of the operation. */
function check(api: ContractApi, method: string, path: string, requestBody: unknown, result: HttpResult): void {
  const what = `${api} ${method} ${path}`;
  let op = findOperation(api, method, path);
  if (!op && result.status >= 400) op = findOperation(api, ...ENVELOPE_OF[api]);
  if (!op) throw new Error(`no operation of the ${api} models for ${method} ${path}`);
  const violations: string[] = [];
  if (result.status < 300 && requestBody !== undefined) {
    violations.push(...checkRequest(op, { body: requestBody }).map((v) => `request ${v.field}: ${v.message}`));
    contractStats.requests += 1;
  }
  if (typeof result.body === 'object' || result.body === '') {
    violations.push(
      ...checkResponse(op, result.status, result.body === '' ? undefined : result.body).map(
        (v) => `${v.field}: ${v.message}`,
      ),
    );
    contractStats.responses += 1;
  }
  if (violations.length)
    throw new Error(
      `${what} (${result.status}) violates the official model:\n  ${violations.join('\n  ')}\n${JSON.stringify(result.body).slice(0, 1500)}`,
    );
}

export class WalmartClient {
  token?: string;

  constructor(
    readonly baseUrl: string,
    readonly credentials: { clientId: string; clientSecret: string },
  ) {}

  async authenticate(): Promise<string> {
    const form = { grant_type: 'client_credentials' };
    expect(checkRequest(findOperation('walmart', 'POST', '/v3/token')!, { body: form })).toEqual([]);
    const res = await this.raw('POST', '/v3/token', new URLSearchParams(form).toString(), {
      Authorization: `Basic ${Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      'WM_QOS.CORRELATION_ID': randomUUID(),
      'WM_SVC.NAME': 'Walmart Marketplace',
      Accept: 'application/json',
    });
    if (res.status !== 200) throw new Error(`token call failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.access_token;
    return res.body.access_token;
  }

  headers(): Record<string, string> {
    if (!this.token) throw new Error('authenticate first');
    return {
      'WM_SEC.ACCESS_TOKEN': this.token,
      'WM_QOS.CORRELATION_ID': randomUUID(),
      'WM_SVC.NAME': 'Walmart Marketplace',
      Accept: 'application/json',
    };
  }

  /** A call with the standard headers, its request and response checked against the official model. */
  async call(method: string, path: string, body?: unknown): Promise<HttpResult> {
    const headers = { ...this.headers(), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) };
    const res = await this.raw(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
    check('walmart', method, path, body, res);
    return res;
  }

  async raw(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<HttpResult> {
    const res = await send(`${this.baseUrl}${path}`, { method, headers, body });
    check('walmart', method, path, undefined, res);
    return res;
  }
}

/** notifications.json v1: destinations, subscriptions by id and test notifications are grantless operations. */
function isGrantless(method: string, path: string): boolean {
  const p = path.split('?')[0];
  return (
    p.startsWith('/notifications/v1/destinations') ||
    /^\/notifications\/v1\/subscriptions\/[^/]+\/testNotification$/.test(p) ||
    (/^\/notifications\/v1\/subscriptions\/[^/]+\/[^/]+$/.test(p) && (method === 'GET' || method === 'DELETE'))
  );
}

export class AmazonClient {
  token?: string;

  constructor(
    readonly baseUrl: string,
    readonly credentials: { clientId: string; clientSecret: string; refreshToken: string },
  ) {}

  async authenticate(): Promise<string> {
    const res = await send(`${this.baseUrl}/auth/o2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: this.credentials.refreshToken,
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
      }).toString(),
    });
    if (res.status !== 200) throw new Error(`LWA failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.access_token;
    return res.body.access_token;
  }

  /** The application's client_credentials token for the Notifications API's grantless operations. */
  async grantlessToken(scope = 'sellingpartnerapi::notifications'): Promise<string> {
    const res = await send(`${this.baseUrl}/auth/o2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope,
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
      }).toString(),
    });
    if (res.status !== 200) throw new Error(`LWA failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.access_token as string;
  }

  /** Calls with the seller's token, or a grantless one where the Notifications API wants it (unless a token is given). */
  async call(method: string, path: string, body?: unknown, token?: string): Promise<HttpResult> {
    const chosen = token ?? (isGrantless(method, path) ? await this.grantlessToken() : this.token);
    const headers: Record<string, string> = {
      'x-amz-access-token': chosen ?? '',
      'x-amz-date': new Date().toISOString(),
      'user-agent': 'order-hub-tests/1.0 (Language=TypeScript)',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await send(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    check('amazon', method, path, body, res);
    return res;
  }
}
