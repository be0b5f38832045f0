import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got, with the status it answered. */
export interface WebhookRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  body: string;
  json: any;
  answered: number;
}

export interface WebhookSink {
  /** `http://127.0.0.1:<port>/hook` */
  url: string;
  requests: WebhookRequest[];
  /** The next `count` requests are answered `status` (500 unless told) instead of 200. */
  failNext(count: number, status?: number): void;
  waitFor(pred: (r: WebhookRequest) => boolean, timeoutMs?: number): Promise<WebhookRequest>;
  close(): Promise<void>;
}

/**
 * How a receiver checks Order Hub's webhook: HMAC-SHA256 with the rule's secret over `<X-OrderHub-Timestamp>.<raw
 * body>`, hex, compared in constant time with X-OrderHub-Signature's `v1=` value.
 */
export function verifyOrderHubSignature(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = headers['x-orderhub-timestamp'];
  const signature = headers['x-orderhub-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !signature.startsWith('v1=')) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A real HTTP receiver on 127.0.0.1 (a free port) that keeps every request and answers 200, or fails on demand. */
export async function startWebhookSink(): Promise<WebhookSink> {
  const requests: WebhookRequest[] = [];
  const waiters: { pred: (r: WebhookRequest) => boolean; resolve: (r: WebhookRequest) => void }[] = [];
  let failures = 0;
  let failStatus = 500;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answered = failures > 0 ? failStatus : 200;
      if (failures > 0) failures -= 1;
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      const request = { path: req.url ?? '/', headers: req.headers, body, json, answered };
      requests.push(request);
      for (const w of [...waiters]) {
        if (w.pred(request)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(request);
        }
      }
      res.writeHead(answered, { 'content-type': 'text/plain' });
      res.end(answered === 200 ? 'ok' : 'receiver is down for maintenance');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    waitFor(pred, timeoutMs = 10_000) {
      const found = requests.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise<WebhookRequest>((resolve, reject) => {
        const waiter = {
          pred,
          resolve: (r: WebhookRequest) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No matching webhook request within ${timeoutMs} ms (received ${requests.length})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
