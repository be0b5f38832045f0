// The MCF scenarios' set-up: open Walmart orders to route, and the demo sandbox's control API for MCF stock.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiProcess } from './api-process';

export interface OpenWalmartOrder {
  id: string;
  channelOrderId: string;
  skus: string[];
}

interface OrdersAnswer {
  orders: {
    edges: {
      node: {
        id: string;
        channelOrderId: string;
        status: string;
        fulfillmentMethod: string;
        shipTo: { countryCode: string } | null;
        mcfOrder: { status: string } | null;
        lines: { sku: string; quantityShipped: number; quantityCancelled: number; quantityOrdered: number }[];
      };
    }[];
  };
}

/** Acknowledged Walmart orders with nothing shipped or cancelled and no MCF history, oldest-listed last. */
export async function openWalmartOrders(api: ApiProcess): Promise<OpenWalmartOrder[]> {
  const { orders } = await api.graphql<OrdersAnswer>(
    `{ orders(filter: { channel: WALMART, statuses: [CREATED, ACKNOWLEDGED] }, first: 100) { edges { node {
        id channelOrderId status fulfillmentMethod shipTo { countryCode } mcfOrder { status }
        lines { sku quantityShipped quantityCancelled quantityOrdered } } } } }`,
  );
  return orders.edges
    .map((edge) => edge.node)
    .filter(
      (order) =>
        order.fulfillmentMethod === 'MERCHANT' &&
        order.mcfOrder === null &&
        order.shipTo !== null &&
        order.lines.every((line) => line.quantityShipped === 0 && line.quantityCancelled === 0),
    )
    .map((order) => ({
      id: order.id,
      channelOrderId: order.channelOrderId,
      skus: [...new Set(order.lines.map((line) => line.sku))],
    }));
}

interface DemoAccount {
  channel: 'WALMART' | 'AMAZON';
  hubId: string;
  sandboxAccountId: string;
}

/** Gives the demo Amazon seller MCF stock of these SKUs, through the sandbox's control API. */
export async function stockMcf(api: ApiProcess, skus: readonly string[], quantity = 50): Promise<void> {
  const demo = JSON.parse(readFileSync(join(api.dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
  const amazon = demo.find((account) => account.channel === 'AMAZON');
  if (!amazon) throw new Error('The demo has no Amazon account');
  const { channelAccounts } = await api.graphql<{ channelAccounts: { id: string; baseUrl: string }[] }>(
    '{ channelAccounts { id baseUrl } }',
  );
  const baseUrl = channelAccounts.find((account) => account.id === amazon.hubId)?.baseUrl;
  if (!baseUrl) throw new Error('The demo Amazon account is not in the hub');
  const sandbox = baseUrl.replace(/\/amazon\/?$/, '');
  // The demo's sandbox wants the control API key it generated into DATA_DIR.
  const keyFile = join(api.dataDir, 'sandbox-key');
  const key = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : null;
  for (const sku of skus) {
    const response = await fetch(`${sandbox}/_sandbox/mcf/inventory`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-sandbox-key': key } : {}) },
      body: JSON.stringify({ accountId: amazon.sandboxAccountId, sku, quantity }),
    });
    if (!response.ok)
      throw new Error(`Setting MCF stock of ${sku} failed: ${response.status} ${await response.text()}`);
  }
}
