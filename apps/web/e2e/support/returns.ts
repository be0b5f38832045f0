// The returns scenarios' set-up: shipped orders of the demo to return, the demo sandbox's control API that makes a
// buyer return them (and has the item received now), and the hub's returns import, asked for and waited on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiProcess } from './api-process';

interface DemoAccount {
  channel: 'WALMART' | 'AMAZON';
  hubId: string;
  sandboxAccountId: string;
}

export interface ShippedOrder {
  id: string;
  channelOrderId: string;
  accountId: string;
  lines: { lineNumber: string; sku: string; quantityShipped: number }[];
}

interface OrdersAnswer {
  orders: {
    edges: {
      node: {
        id: string;
        channelOrderId: string;
        fulfillmentMethod: string;
        account: { id: string };
        lines: { lineNumber: string; sku: string; quantityShipped: number; quantityCancelled: number }[];
      };
    }[];
  };
}

export interface StoredReturn {
  id: string;
  channelReturnId: string;
  status: string;
  orderId: string | null;
  lines: { returnLineNumber: string; quantity: number; quantityRefunded: number; quantityRefundable: number }[];
}

const RETURN_FIELDS =
  'id channelReturnId status orderId lines { returnLineNumber quantity quantityRefunded quantityRefundable }';

export function demoAccount(api: ApiProcess, channel: DemoAccount['channel']): DemoAccount {
  const demo = JSON.parse(readFileSync(join(api.dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
  const account = demo.find((a) => a.channel === channel);
  if (!account) throw new Error(`The demo has no ${channel} account`);
  return account;
}

/** Calls the demo sandbox's control API (under /_sandbox), with the key the demo generated into DATA_DIR. */
export async function sandboxControl<T>(api: ApiProcess, path: string, body: unknown): Promise<T> {
  const { channelAccounts } = await api.graphql<{ channelAccounts: { baseUrl: string }[] }>(
    '{ channelAccounts { baseUrl } }',
  );
  const sandbox = channelAccounts[0].baseUrl.replace(/\/(walmart|amazon)\/?$/, '');
  const keyFile = join(api.dataDir, 'sandbox-key');
  const key = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : null;
  const response = await fetch(`${sandbox}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-sandbox-key': key } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Sandbox ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Seller-fulfilled orders of the channel with shipped units and nothing cancelled, the most units first. */
export async function shippedOrders(api: ApiProcess, channel: DemoAccount['channel']): Promise<ShippedOrder[]> {
  const { orders } = await api.graphql<OrdersAnswer>(
    `{ orders(filter: { channel: ${channel}, statuses: [SHIPPED, DELIVERED] }, first: 100) { edges { node {
        id channelOrderId fulfillmentMethod account { id }
        lines { lineNumber sku quantityShipped quantityCancelled } } } } }`,
  );
  return orders.edges
    .map((edge) => edge.node)
    .filter((order) => order.fulfillmentMethod === 'MERCHANT' && order.lines.every((l) => l.quantityCancelled === 0))
    .map((order) => ({
      id: order.id,
      channelOrderId: order.channelOrderId,
      accountId: order.account.id,
      lines: order.lines.filter((l) => l.quantityShipped > 0),
    }))
    .filter((order) => order.lines.length > 0)
    .sort((a, b) => units(b) - units(a));
}

const units = (order: ShippedOrder) => order.lines.reduce((sum, line) => sum + line.quantityShipped, 0);

/** The sandbox refused a return because the order has nothing left to return (its generator returned it already). */
class NothingToReturn extends Error {}

async function firstReturnable<T>(
  orders: readonly ShippedOrder[],
  make: (order: ShippedOrder) => Promise<T>,
): Promise<{ order: ShippedOrder; made: T }> {
  const refused: string[] = [];
  for (const order of orders) {
    try {
      return { order, made: await make(order) };
    } catch (error) {
      if (!(error instanceof NothingToReturn)) throw error;
      refused.push(error.message);
    }
  }
  throw new Error(`No shipped order left to return: ${refused.slice(0, 3).join('; ')}`);
}

async function createReturn<T>(api: ApiProcess, path: string, body: unknown): Promise<T> {
  try {
    return await sandboxControl<T>(api, path, body);
  } catch (error) {
    const message = (error as Error).message;
    if (/ (400|409) .*(already returned|no shipped unit)/.test(message)) throw new NothingToReturn(message);
    throw error;
  }
}

/**
 * A Walmart buyer returns every shipped unit of the first order with units left to return (damaged), and the return
 * centre receives them now.
 */
export async function walmartReturnReceived(
  api: ApiProcess,
  orders: readonly ShippedOrder[],
): Promise<{ order: ShippedOrder; rma: string }> {
  const account = demoAccount(api, 'WALMART');
  const { order, made } = await firstReturnable(orders, (candidate) =>
    createReturn<{ returnOrderId: string }>(api, '/walmart/returns', {
      accountId: account.sandboxAccountId,
      purchaseOrderId: candidate.channelOrderId,
      lines: candidate.lines.map((line) => ({
        lineNumber: line.lineNumber,
        quantity: line.quantityShipped,
        reason: 'DAMAGED',
      })),
    }),
  );
  await sandboxControl(api, `/walmart/returns/${made.returnOrderId}/deliver`, {});
  return { order, rma: made.returnOrderId };
}

/** An Amazon buyer returns one shipped unit (no longer wanted) of the first order with one left; it reaches the seller now. */
export async function amazonReturnReceived(
  api: ApiProcess,
  orders: readonly ShippedOrder[],
): Promise<{ order: ShippedOrder; rma: string }> {
  const account = demoAccount(api, 'AMAZON');
  const { order, made } = await firstReturnable(orders, (candidate) =>
    createReturn<{ rma: string }>(api, '/amazon/returns', {
      accountId: account.sandboxAccountId,
      orderId: candidate.channelOrderId,
      quantity: 1,
      reason: 'CR-UNWANTED_ITEM',
    }),
  );
  await sandboxControl(api, `/amazon/returns/${made.rma}/deliver`, { accountId: account.sandboxAccountId });
  return { order, rma: made.rma };
}

/** Asks the hub to import the account's returns now and waits until the return is in, received. */
export async function importReturn(api: ApiProcess, accountId: string, channelReturnId: string): Promise<StoredReturn> {
  const deadline = Date.now() + 60_000;
  let last: StoredReturn | undefined;
  while (Date.now() < deadline) {
    await api.graphql(`mutation($id: ID!) { refreshReturns(accountId: $id) { __typename } }`, { id: accountId });
    const found = await findReturn(api, channelReturnId);
    last = found ?? undefined;
    if (found && found.status === 'RECEIVED') return found;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`The hub never imported return ${channelReturnId} as received; last seen: ${JSON.stringify(last)}`);
}

export async function findReturn(api: ApiProcess, channelReturnId: string): Promise<StoredReturn | null> {
  const { returns } = await api.graphql<{ returns: { edges: { node: StoredReturn }[] } }>(
    `query($q: String) { returns(filter: { search: $q }, first: 5) { edges { node { ${RETURN_FIELDS} } } } }`,
    { q: channelReturnId },
  );
  return returns.edges.map((edge) => edge.node).find((r) => r.channelReturnId === channelReturnId) ?? null;
}
