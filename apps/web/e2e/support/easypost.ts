// The demo sandbox's EasyPost simulator, through its control API: parcels the carriers hold (with the faults sellers
// meet) and the webhook posts it makes on demand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiProcess } from './api-process';

export interface SandboxPlace {
  city: string;
  state: string;
  zip: string;
}

export interface ParcelSpec {
  /** EasyPost's carrier name: UPS, USPS, FedEx, … */
  carrier: string;
  trackingCode: string;
  shippedAt: string;
  shipTo: SandboxPlace;
  fault?: { fault: 'DELIVERED_ELSEWHERE'; deliveredTo: SandboxPlace } | { fault: 'NO_SCAN' };
}

/** The demo's sandbox root (its Walmart account's base URL less /walmart) and control key. */
async function sandbox(api: ApiProcess): Promise<{ root: string; headers: Record<string, string> }> {
  const { channelAccounts } = await api.graphql<{ channelAccounts: { channel: string; baseUrl: string }[] }>(
    '{ channelAccounts { channel baseUrl } }',
  );
  const walmart = channelAccounts.find((account) => account.channel === 'WALMART');
  if (!walmart) throw new Error('The demo has no Walmart account');
  const root = walmart.baseUrl.replace(/\/walmart\/?$/, '');
  const keyFile = join(api.dataDir, 'sandbox-key');
  const key = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : null;
  return { root, headers: { 'content-type': 'application/json', ...(key ? { 'x-sandbox-key': key } : {}) } };
}

/** A parcel the carrier holds before the hub hears of it; its scans follow the sandbox clock from `shippedAt`. */
export async function createParcel(api: ApiProcess, spec: ParcelSpec): Promise<void> {
  const { root, headers } = await sandbox(api);
  const response = await fetch(`${root}/_sandbox/easypost/parcels`, {
    method: 'POST',
    headers,
    body: JSON.stringify(spec),
  });
  if (!response.ok) throw new Error(`Creating the parcel failed: ${response.status} ${await response.text()}`);
}

/** Posts every due tracker.updated webhook now. */
export async function deliverWebhooks(api: ApiProcess): Promise<void> {
  const { root, headers } = await sandbox(api);
  const response = await fetch(`${root}/_sandbox/easypost/webhooks/deliver`, { method: 'POST', headers, body: '{}' });
  if (!response.ok) throw new Error(`Delivering webhooks failed: ${response.status} ${await response.text()}`);
}
