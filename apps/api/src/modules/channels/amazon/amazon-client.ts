import { ChannelError } from 'src/modules/channels/channel-error';
import { ChannelHttp, type RawResponse } from 'src/modules/channels/http/channel-http';
import { ClientBudgets, type ChannelClientOptions, type RateBucket } from 'src/modules/channels/http/rate-buckets';
import { parseAmazonError } from './amazon-errors';

export interface AmazonCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** Login with Amazon token endpoint; production's unless the account talks to a sandbox. */
  lwaEndpoint?: string;
}

export const LWA_ENDPOINT = 'https://api.amazon.com/auth/o2/token';

/** Amazon's default usage plans (rate per second, burst) for the operations the hub calls. */
const USAGE_PLANS: Record<string, { rate: number; burst: number }> = {
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
  createReport: { rate: 0.0167, burst: 15 },
  getReportDocument: { rate: 0.0167, burst: 15 },
  lwa: { rate: 1, burst: 10 },
  // Notifications API v1: every operation's usage plan is 1 request a second, burst 5 (notifications.json).
  getDestinations: { rate: 1, burst: 5 },
  createDestination: { rate: 1, burst: 5 },
  getSubscription: { rate: 1, burst: 5 },
  createSubscription: { rate: 1, burst: 5 },
  deleteSubscriptionById: { rate: 1, burst: 5 },
  sendTestNotification: { rate: 1, burst: 5 },
  // Shipping API v2 (Buy Shipping): 80 requests a second, burst 100, for each operation (shippingV2.json).
  getRates: { rate: 80, burst: 100 },
  purchaseShipment: { rate: 80, burst: 100 },
  getShipmentDocuments: { rate: 80, burst: 100 },
  cancelShipment: { rate: 80, burst: 100 },
  getTracking: { rate: 80, burst: 100 },
};
const DEFAULT_PLAN = { rate: 2, burst: 30 };

/**
 * Operations called without the seller's authorization, with a token the application gets for itself (LWA
 * client_credentials) in the scope named: the Notifications API's destinations, and its subscription calls by id
 * (notifications.json v1: each operation's description says "This is a grantless operation").
 */
const GRANTLESS_SCOPES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'getDestinations',
    'createDestination',
    'getDestination',
    'deleteDestination',
    'getSubscriptionById',
    'deleteSubscriptionById',
    'sendTestNotification',
  ].map((operation) => [operation, 'sellingpartnerapi::notifications']),
);

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** SP-API for one seller: LWA token exchanges, `x-amz-access-token`, usage plans, error envelope. */
export class AmazonClient {
  private token: CachedToken | null = null;
  private readonly grantless = new Map<string, CachedToken>();
  private readonly budgets: ClientBudgets;
  private readonly http: ChannelHttp;

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: AmazonCredentials,
    options: ChannelClientOptions = {},
  ) {
    this.budgets = new ClientBudgets(options, (operation) => USAGE_PLANS[operation] ?? DEFAULT_PLAN);
    this.http = new ChannelHttp(
      'AMAZON',
      {
        authHeaders: async (force, operation) => ({
          'x-amz-access-token': GRANTLESS_SCOPES[operation]
            ? await this.grantlessToken(GRANTLESS_SCOPES[operation], force)
            : await this.accessToken(force),
        }),
        parseError: parseAmazonError,
        bucket: (op) => this.bucket(op),
        observe: (op, res) => {
          const rate = Number(res.headers.get('x-amzn-ratelimit-limit'));
          if (rate > 0) this.bucket(op).setRate(this.budgets.scaled(rate));
        },
      },
      options.policy,
    );
  }

  get(operation: string, pathAndQuery: string): Promise<RawResponse> {
    return this.http.send({ operation, method: 'GET', url: this.baseUrl + pathAndQuery });
  }

  /** A call that changes nothing (a POST only because the API says so, like a preview): retried like a read. */
  read(operation: string, method: 'POST', path: string, body: unknown): Promise<RawResponse> {
    return this.http.send({
      operation,
      method,
      url: this.baseUrl + path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** A write with the PUT method (cancelFulfillmentOrder). */
  put(operation: string, path: string): Promise<RawResponse> {
    return this.http.send({ operation, method: 'PUT', url: this.baseUrl + path }, { writes: true });
  }

  /** A write: see ChannelHttp.send. */
  post(operation: string, path: string, body: unknown): Promise<RawResponse> {
    return this.http.send(
      {
        operation,
        method: 'POST',
        url: this.baseUrl + path,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      { writes: true },
    );
  }

  /**
   * A call retried only when Amazon throttled it (429) or the token needs refreshing, never after a 5xx or a
   * timeout: Buy Shipping's calls buy and cancel labels, and a label bought twice costs money.
   */
  once(
    operation: string,
    method: 'GET' | 'POST' | 'PUT',
    pathAndQuery: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<RawResponse> {
    return this.http.send(
      {
        operation,
        method,
        url: this.baseUrl + pathAndQuery,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      { writes: true },
    );
  }

  /** A write with the DELETE method (the Notifications API's deleteSubscriptionById). */
  delete(operation: string, path: string): Promise<RawResponse> {
    return this.http.send({ operation, method: 'DELETE', url: this.baseUrl + path }, { writes: true });
  }

  /** How long the next call of this operation would wait for its budget. */
  waitMs(operation: string): Promise<number> {
    return this.bucket(operation).waitMs();
  }

  /** The seller's token: LWA's refresh-token grant. */
  private async accessToken(force: boolean): Promise<string> {
    if (!force && this.token && this.token.expiresAt > Date.now()) return this.token.value;
    this.token = await this.exchange(
      { grant_type: 'refresh_token', refresh_token: this.credentials.refreshToken },
      'the refresh token',
    );
    return this.token.value;
  }

  /** The application's own token for a grantless operation: LWA's client-credentials grant in that scope. */
  private async grantlessToken(scope: string, force: boolean): Promise<string> {
    const cached = this.grantless.get(scope);
    if (!force && cached && cached.expiresAt > Date.now()) return cached.value;
    const token = await this.exchange({ grant_type: 'client_credentials', scope }, `the client credentials (${scope})`);
    this.grantless.set(scope, token);
    return token.value;
  }

  private async exchange(grant: Record<string, string>, what: string): Promise<CachedToken> {
    await this.bucket('lwa').take();
    const res = await fetch(this.credentials.lwaEndpoint ?? LWA_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        ...grant,
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
      }).toString(),
      signal: AbortSignal.timeout(20_000),
    }).catch((err: Error) => {
      throw new ChannelError('AMAZON', 'NETWORK', `Could not reach Login with Amazon: ${err.message}`, {
        operation: 'lwa',
      });
    });
    const body = (await res.json().catch(() => null)) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    } | null;
    if (!res.ok || !body?.access_token) {
      const why = body?.error_description ?? body?.error ?? `HTTP ${res.status}`;
      const kind = res.status >= 500 ? 'SERVER' : res.status === 429 ? 'THROTTLED' : 'AUTH';
      throw new ChannelError('AMAZON', kind, `Login with Amazon refused ${what}: ${why}`, {
        status: res.status,
        code: body?.error,
        operation: 'lwa',
      });
    }
    return {
      value: body.access_token,
      expiresAt: Date.now() + Math.max(0, (body.expires_in ?? 3600) - 60) * 1000,
    };
  }

  private bucket(operation: string): RateBucket {
    return this.budgets.bucket(operation);
  }
}
