import { randomUUID } from 'node:crypto';
import type { ValidateFunction } from '@order-hub/contracts';
import { amazonSchema, assertValid, walmartSchemas } from './specs';

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

interface Contract {
  request?: ValidateFunction;
  response?: ValidateFunction;
  error?: ValidateFunction;
}

function check(contract: Contract | undefined, what: string, requestBody: unknown, result: HttpResult): void {
  if (!contract) throw new Error(`no contract known for ${what}`);
  if (result.status < 300) {
    if (contract.request && requestBody !== undefined) {
      assertValid(contract.request, requestBody, `request of ${what}`);
      contractStats.requests += 1;
    }
    if (contract.response) {
      assertValid(contract.response, result.body, `${result.status} response of ${what}`);
      contractStats.responses += 1;
    }
  } else if (contract.error && typeof result.body === 'object') {
    assertValid(contract.error, result.body, `${result.status} error of ${what}`);
    contractStats.responses += 1;
  }
}

function walmartContract(method: string, path: string): Contract | undefined {
  const error = walmartSchemas.error();
  const p = path.split('?')[0];
  if (method === 'GET' && p === '/v3/orders') return { response: walmartSchemas.response('/v3/orders', 'get'), error };
  if (method === 'GET' && p === '/v3/orders/released') return { response: walmartSchemas.response('/v3/orders/released', 'get'), error };
  if (method === 'GET' && /^\/v3\/orders\/[^/]+$/.test(p)) return { response: walmartSchemas.getOrder(), error };
  const action = /^\/v3\/orders\/[^/]+\/(acknowledge|shipping|cancel|refund)$/.exec(p)?.[1];
  if (method === 'POST' && action) {
    const spec = `/v3/orders/{purchaseOrderId}/${action}`;
    return { request: action === 'acknowledge' ? undefined : walmartSchemas.request(spec, 'post'), response: walmartSchemas.response(spec, 'post'), error };
  }
  if (method === 'POST' && p === '/v3/token') return { response: walmartSchemas.token(), error };
  return { error };
}

export class WalmartClient {
  token?: string;

  constructor(
    readonly baseUrl: string,
    readonly credentials: { clientId: string; clientSecret: string },
  ) {}

  async authenticate(): Promise<string> {
    const form = { grant_type: 'client_credentials' };
    assertValid(walmartSchemas.tokenRequest(), form, 'Walmart token request');
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
    return { 'WM_SEC.ACCESS_TOKEN': this.token, 'WM_QOS.CORRELATION_ID': randomUUID(), 'WM_SVC.NAME': 'Walmart Marketplace', Accept: 'application/json' };
  }

  /** A call with the standard headers, its request and response checked against the official model. */
  async call(method: string, path: string, body?: unknown): Promise<HttpResult> {
    const headers = { ...this.headers(), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) };
    const res = await this.raw(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
    check(walmartContract(method, path), `Walmart ${method} ${path}`, body, res);
    return res;
  }

  async raw(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<HttpResult> {
    const res = await send(`${this.baseUrl}${path}`, { method, headers, body });
    check(walmartContract(method, path), `Walmart ${method} ${path}`, undefined, res);
    return res;
  }
}

const MCF = '/fba/outbound/2020-07-01';

function amazonContract(method: string, path: string): Contract | undefined {
  const p = path.split('?')[0];
  const ordersErr = amazonSchema('orders', 'ErrorList');
  const routes: [string, RegExp, () => Contract][] = [
    ['GET', /^\/orders\/2026-01-01\/orders$/, () => ({ response: amazonSchema('orders', 'SearchOrdersResponse'), error: ordersErr })],
    ['GET', /^\/orders\/2026-01-01\/orders\/[^/]+$/, () => ({ response: amazonSchema('orders', 'GetOrderResponse'), error: ordersErr })],
    ['GET', /^\/orders\/v0\/orders\/[^/]+\/address$/, () => ({ response: amazonSchema('ordersV0', 'GetOrderAddressResponse'), error: amazonSchema('ordersV0', 'GetOrderAddressResponse') })],
    ['POST', /^\/orders\/v0\/orders\/[^/]+\/shipmentConfirmation$/, () => ({ request: amazonSchema('ordersV0', 'ConfirmShipmentRequest'), error: amazonSchema('ordersV0', 'ConfirmShipmentErrorResponse') })],
    ['POST', /^\/tokens\/2021-03-01\/restrictedDataToken$/, () => ({ request: amazonSchema('tokens', 'CreateRestrictedDataTokenRequest'), response: amazonSchema('tokens', 'CreateRestrictedDataTokenResponse'), error: amazonSchema('tokens', 'ErrorList') })],
    ['GET', new RegExp(`^${MCF}/features$`), () => mcf('GetFeaturesResponse')],
    ['GET', new RegExp(`^${MCF}/features/inventory/[^/]+/[^/]+$`), () => mcf('GetFeatureSkuResponse')],
    ['POST', new RegExp(`^${MCF}/fulfillmentOrders/preview$`), () => ({ ...mcf('GetFulfillmentPreviewResponse'), request: amazonSchema('mcf', 'GetFulfillmentPreviewRequest') })],
    ['POST', new RegExp(`^${MCF}/fulfillmentOrders$`), () => ({ ...mcf('CreateFulfillmentOrderResponse'), request: amazonSchema('mcf', 'CreateFulfillmentOrderRequest') })],
    ['GET', new RegExp(`^${MCF}/fulfillmentOrders$`), () => mcf('ListAllFulfillmentOrdersResponse')],
    ['GET', new RegExp(`^${MCF}/fulfillmentOrders/[^/]+$`), () => mcf('GetFulfillmentOrderResponse')],
    ['PUT', new RegExp(`^${MCF}/fulfillmentOrders/[^/]+/cancel$`), () => mcf('CancelFulfillmentOrderResponse')],
    ['GET', new RegExp(`^${MCF}/tracking$`), () => mcf('GetPackageTrackingDetailsResponse')],
    ['POST', /^\/feeds\/2021-06-30\/documents$/, () => feeds('CreateFeedDocumentResponse', 'CreateFeedDocumentSpecification')],
    ['GET', /^\/feeds\/2021-06-30\/documents\/[^/]+$/, () => feeds('FeedDocument')],
    ['POST', /^\/feeds\/2021-06-30\/feeds$/, () => feeds('CreateFeedResponse', 'CreateFeedSpecification')],
    ['GET', /^\/feeds\/2021-06-30\/feeds$/, () => feeds('GetFeedsResponse')],
    ['GET', /^\/feeds\/2021-06-30\/feeds\/[^/]+$/, () => feeds('Feed')],
    ['DELETE', /^\/feeds\/2021-06-30\/feeds\/[^/]+$/, () => ({ error: amazonSchema('feeds', 'ErrorList') })],
  ];
  const found = routes.find(([m, re]) => m === method && re.test(p));
  return found ? found[2]() : { error: ordersErr };
}

const mcf = (definition: string): Contract => ({ response: amazonSchema('mcf', definition), error: amazonSchema('mcf', definition) });
const feeds = (response: string, request?: string): Contract => ({
  response: amazonSchema('feeds', response),
  error: amazonSchema('feeds', 'ErrorList'),
  ...(request ? { request: amazonSchema('feeds', request) } : {}),
});

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
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.credentials.refreshToken, client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret }).toString(),
    });
    if (res.status !== 200) throw new Error(`LWA failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.access_token;
    return res.body.access_token;
  }

  async call(method: string, path: string, body?: unknown, token = this.token): Promise<HttpResult> {
    const headers: Record<string, string> = { 'x-amz-access-token': token ?? '', 'x-amz-date': new Date().toISOString(), 'user-agent': 'order-hub-tests/1.0 (Language=TypeScript)' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await send(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    check(amazonContract(method, path), `Amazon ${method} ${path}`, body, res);
    return res;
  }
}
