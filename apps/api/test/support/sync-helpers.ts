import type { Sandbox } from '@order-hub/sandbox';
import type { Channel } from '@order-hub/types';
import type { TestApp } from './test-app';

export interface ConnectedAccount {
  hubId: string;
  sandboxAccountId: string;
}

/** A seller account in the sandbox, connected to the hub through the GraphQL API as an admin would. */
export async function connectSandboxAccount(
  app: TestApp,
  sandbox: Sandbox,
  channel: Channel,
  name: string,
  autoAcknowledge = false,
): Promise<ConnectedAccount> {
  const creds = sandbox.createAccount(channel, name);
  const res = await app.gql(
    `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
    {
      input: {
        channel,
        name,
        environment: 'SANDBOX',
        autoAcknowledge,
        baseUrl: channel === 'WALMART' ? sandbox.walmartBaseUrl : sandbox.amazonBaseUrl,
        credentials:
          channel === 'WALMART'
            ? { clientId: creds.clientId, clientSecret: creds.clientSecret }
            : {
                clientId: creds.clientId,
                clientSecret: creds.clientSecret,
                refreshToken: creds.refreshToken,
                sellerId: creds.sellerId,
                lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
              },
      },
    },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { hubId: res.data!.createChannelAccount.id, sandboxAccountId: creds.accountId };
}

export interface SyncStateView {
  phase: string;
  running: boolean;
  lastStartedAt: string | null;
  nextRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  ordersImported: number;
  ordersUpdated: number;
  pagesDone: number;
  pagesEstimated: number | null;
  backfillProgress: number | null;
  watermark: string | null;
}

const STATE_FIELDS =
  'phase running lastStartedAt nextRunAt lastSuccessAt lastError lastErrorAt ordersImported ordersUpdated pagesDone pagesEstimated backfillProgress watermark';

export async function syncState(app: TestApp, hubId: string): Promise<SyncStateView> {
  const res = await app.gql(`{ channelAccounts { id syncState { ${STATE_FIELDS} } } }`);
  return res.data!.channelAccounts.find((a: { id: string }) => a.id === hubId).syncState;
}

/** `syncAccount`, then waits for that pull to end; returns the state it left. */
export async function syncAndWait(app: TestApp, hubId: string, timeoutMs = 60_000): Promise<SyncStateView> {
  const asked = Date.now();
  const res = await app.gql(`mutation($id: ID!) { syncAccount(accountId: $id) { running } }`, { id: hubId });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return waitForPull(app, hubId, asked, timeoutMs);
}

export async function waitForPull(
  app: TestApp,
  hubId: string,
  since: number,
  timeoutMs = 60_000,
): Promise<SyncStateView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await syncState(app, hubId);
    const ended = [state.lastSuccessAt, state.lastErrorAt].some((t) => t && Date.parse(t) >= since - 5);
    const paused =
      state.lastStartedAt !== null &&
      Date.parse(state.lastStartedAt) >= since - 5 &&
      state.nextRunAt !== null &&
      Date.parse(state.nextRunAt) > Date.now();
    if (!state.running && (ended || paused)) return state;
    if (Date.now() > deadline) throw new Error(`Pull did not end within ${timeoutMs} ms: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function hubOrderIds(app: TestApp, hubId: string): Promise<string[]> {
  const rows: { channel_order_id: string }[] = await app.ds.query(
    'SELECT channel_order_id FROM "order" WHERE account_id = $1',
    [hubId],
  );
  return rows.map((r) => r.channel_order_id).sort();
}
