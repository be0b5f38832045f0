import { randomUUID } from 'node:crypto';
import { ChannelError } from 'src/modules/channels/channel-error';
import { ChannelHttp, type RawResponse } from 'src/modules/channels/http/channel-http';
import { ClientBudgets, type ChannelClientOptions, type RateBucket } from 'src/modules/channels/http/rate-buckets';
import { parseWalmartError, walmartRetryAfterMs } from './walmart-errors';

export interface WalmartCredentials {
  clientId: string;
  clientSecret: string;
}

/** Client-side budgets per endpoint group; Walmart's headers and 429s correct them at run time. */
const BUDGETS: Record<string, { rate: number; burst: number }> = {
  token: { rate: 1, burst: 10 },
  'orders.list': { rate: 10, burst: 50 },
  'orders.get': { rate: 10, burst: 50 },
  'orders.write': { rate: 1, burst: 60 },
  // Walmart publishes no Returns API limit the reference knows (shared/docs/reference/walmart.md §5): the returns
  // list and the return refund each get the refund budget (60 a minute, the figure cited for order refunds).
  'returns.list': { rate: 1, burst: 60 },
  'returns.refund': { rate: 1, burst: 60 },
};

const SVC_NAME = 'Walmart Marketplace';

/** Walmart Marketplace API for one seller: client-credentials token, required headers, errors, budgets. */
export class WalmartClient {
  private token: { value: string; expiresAt: number } | null = null;
  private readonly budgets: ClientBudgets;
  private readonly http: ChannelHttp;

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: WalmartCredentials,
    options: ChannelClientOptions = {},
  ) {
    this.budgets = new ClientBudgets(options, (group) => BUDGETS[group] ?? BUDGETS['orders.write']);
    this.http = new ChannelHttp(
      'WALMART',
      {
        authHeaders: async (force) => ({ 'WM_SEC.ACCESS_TOKEN': await this.accessToken(force) }),
        parseError: parseWalmartError,
        bucket: (op) => this.bucket(op),
        observe: (op, res) => this.observe(op, res),
      },
      options.policy,
    );
  }

  async get(operation: string, pathAndQuery: string): Promise<RawResponse> {
    return this.http.send({ operation, method: 'GET', url: this.baseUrl + pathAndQuery, headers: this.headers() });
  }

  /** A write: see ChannelHttp.send. */
  async post(operation: string, path: string, body?: unknown): Promise<RawResponse> {
    return this.http.send(
      {
        operation,
        method: 'POST',
        url: this.baseUrl + path,
        headers: { ...this.headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      { writes: true },
    );
  }

  /** A DELETE (the Notifications API's subscriptions): see ChannelHttp.send. */
  async delete(operation: string, path: string): Promise<RawResponse> {
    return this.http.send(
      { operation, method: 'DELETE', url: this.baseUrl + path, headers: this.headers() },
      { writes: true },
    );
  }

  private headers(): Record<string, string> {
    return { 'WM_QOS.CORRELATION_ID': randomUUID(), 'WM_SVC.NAME': SVC_NAME };
  }

  /** How long the next call of this operation would wait for its budget. */
  waitMs(operation: string): Promise<number> {
    return this.bucket(operation).waitMs();
  }

  private async accessToken(force: boolean): Promise<string> {
    if (!force && this.token && this.token.expiresAt > Date.now()) return this.token.value;
    await this.bucket('token').take();
    const basic = Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString('base64');
    const res = await fetch(`${this.baseUrl}/v3/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...this.headers(),
      },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(20_000),
    }).catch((err: Error) => {
      throw new ChannelError('WALMART', 'NETWORK', `Could not reach the channel: ${err.message}`, {
        operation: 'token',
      });
    });
    const text = await res.text();
    const body = text ? safeJson(text) : null;
    if (!res.ok) {
      const error = parseWalmartError({ status: res.status, headers: res.headers, body }, 'token');
      // A refused client id/secret is an authentication problem whatever status Walmart used.
      throw res.status < 500 && res.status !== 429
        ? new ChannelError('WALMART', 'AUTH', `Token request refused: ${error.message}`, error.details)
        : error;
    }
    const { access_token, expires_in } = body as { access_token: string; expires_in: number };
    // Renew a minute early so a token never expires in flight.
    this.token = { value: access_token, expiresAt: Date.now() + Math.max(0, expires_in - 60) * 1000 };
    return access_token;
  }

  private bucket(operation: string): RateBucket {
    return this.budgets.bucket(operation.startsWith('orders.') && !BUDGETS[operation] ? 'orders.write' : operation);
  }

  /** Walmart says how many calls are left; at zero, wait for its replenishment time instead of a 429. */
  private observe(operation: string, res: RawResponse): void {
    if (res.headers.get('x-current-token-count') === '0') {
      const wait = walmartRetryAfterMs(res.headers);
      if (wait !== undefined) this.bucket(operation).exhaust(Date.now() + wait);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
