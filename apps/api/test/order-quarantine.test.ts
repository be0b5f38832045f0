import fs from 'node:fs';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, hubOrderIds, syncAndWait, type ConnectedAccount } from './support/sync-helpers';

const QUARANTINE = `{ channelAccounts { id syncState { lastError ordersImported quarantinedOrders
  quarantine { channelOrderId stage reason firstSeenAt lastSeenAt } } } }`;
const ALERTS = `query($accountId: ID!) { alerts(filter: { accountId: $accountId, kinds: ["ORDER_QUARANTINED"] }) {
  edges { node { kind severity message resolvedAt } } } }`;

interface QuarantineView {
  lastError: string | null;
  ordersImported: number;
  quarantinedOrders: number;
  quarantine: { channelOrderId: string; stage: string; reason: string }[];
}

async function quarantineOf(app: TestApp, hubId: string): Promise<QuarantineView> {
  const res = await app.gql(QUARANTINE);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.channelAccounts.find((a: { id: string }) => a.id === hubId).syncState;
}

async function alertsOf(app: TestApp, hubId: string) {
  const res = await app.gql(ALERTS, { accountId: hubId });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.alerts.edges.map((e: { node: unknown }) => e.node) as {
    severity: string;
    message: string;
    resolvedAt: string | null;
  }[];
}

/** Walmart filters by whole seconds: a change in the current second is read by the next pull. */
const nextSecond = () => new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));

/**
 * Everything written to stdout and stderr while `work` runs, through the streams or straight to the file
 * descriptors (as the JSON logger does); still passed on.
 */
async function capturedOutput(work: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const text = (chunk: unknown) =>
    typeof chunk === 'string'
      ? chunk
      : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
        ? Buffer.from(chunk).toString('utf8')
        : '';
  const streams = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    return jest.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(text(chunk));
      return write(chunk, ...rest);
    });
  });
  const writeSync = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
  const write = fs.write.bind(fs) as (...args: unknown[]) => void;
  const fds = [
    jest.spyOn(fs, 'writeSync').mockImplementation((fd: number, chunk: unknown, ...rest: unknown[]) => {
      if (fd === 1 || fd === 2) chunks.push(text(chunk));
      return writeSync(fd, chunk, ...rest);
    }),
    jest.spyOn(fs, 'write').mockImplementation((fd: number, chunk: unknown, ...rest: unknown[]) => {
      if (fd === 1 || fd === 2) chunks.push(text(chunk));
      write(fd, chunk, ...rest);
    }),
  ];
  try {
    await work();
  } finally {
    for (const s of [...streams, ...fds]) s.mockRestore();
  }
  return chunks.join('');
}

describe.each(testDatabases())('one bad order in a page of channel orders on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 31, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', CHANNEL_TIMEOUT_MS: '1500', LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  async function fourOrders(name: string, seed: number): Promise<{ account: ConnectedAccount; orderIds: string[] }> {
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', name);
    const { orderIds } = sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 4, seed });
    return { account, orderIds };
  }

  it('an invalid date in one of 4 orders quarantines that order with the reason, imports the other 3 and raises an alert, and the good copy resolves both', async () => {
    const { account, orderIds } = await fourOrders('Walmart bad date', 3);
    const bad = orderIds[1];
    sandbox.malformOrder('WALMART', bad, { orderDate: 'not-a-date' });

    const state = await syncAndWait(app, account.hubId);
    expect(state).toMatchObject({ lastError: null, ordersImported: 3 });
    expect(await hubOrderIds(app, account.hubId)).toEqual(orderIds.filter((id) => id !== bad).sort());
    const quarantined = await quarantineOf(app, account.hubId);
    expect(quarantined).toMatchObject({
      quarantinedOrders: 1,
      quarantine: [{ channelOrderId: bad, stage: 'MAPPING', reason: 'orderedAt is not a valid date' }],
    });
    const [stored] = await app.ds.query(
      `SELECT payload->>'purchaseOrderId' AS po, payload->>'orderDate' AS "orderDate" FROM order_quarantine WHERE account_id = $1`,
      [account.hubId],
    );
    expect(stored).toEqual({ po: bad, orderDate: 'not-a-date' });
    const [alert] = await alertsOf(app, account.hubId);
    expect(alert).toMatchObject({ severity: 'HIGH', resolvedAt: null });
    expect(alert.message).toContain(`1 order of Walmart bad date could not be imported`);
    expect(alert.message).toContain(`${bad}: orderedAt is not a valid date`);

    // The channel changes the order and it is still unreadable: the same entry, seen twice.
    sandbox.restoreOrder('WALMART', bad);
    sandbox.malformOrder('WALMART', bad, { orderDate: 'not-a-date', shippingInfo: { estimatedShipDate: 'soon' } });
    await nextSecond();
    await syncAndWait(app, account.hubId);
    expect(await quarantineOf(app, account.hubId)).toMatchObject({
      quarantinedOrders: 1,
      quarantine: [{ channelOrderId: bad, reason: 'orderedAt is not a valid date' }],
    });
    const [seen] = await app.ds.query(`SELECT occurrences FROM order_quarantine WHERE account_id = $1`, [
      account.hubId,
    ]);
    expect(seen.occurrences).toBe(2);

    // The channel fixes the order: the next pull imports it and the quarantine and the alert resolve.
    sandbox.restoreOrder('WALMART', bad);
    await nextSecond();
    expect(await syncAndWait(app, account.hubId)).toMatchObject({ lastError: null, ordersImported: 4 });
    expect(await hubOrderIds(app, account.hubId)).toEqual([...orderIds].sort());
    expect(await quarantineOf(app, account.hubId)).toMatchObject({ quarantinedOrders: 0, quarantine: [] });
    expect((await alertsOf(app, account.hubId))[0].resolvedAt).not.toBeNull();
  });

  it('a database refusal of one order (a buyer name longer than its column) quarantines that order alone, and the log never shows the name', async () => {
    const { account, orderIds } = await fourOrders('Walmart long name', 5);
    const bad = orderIds[2];
    const name = `Zebulon Quarantine-Privacy ${'Q'.repeat(300)}`;
    sandbox.malformOrder('WALMART', bad, { shippingInfo: { postalAddress: { name } } });

    let state: Awaited<ReturnType<typeof syncAndWait>> | undefined;
    const log = await capturedOutput(async () => {
      state = await syncAndWait(app, account.hubId);
    });
    expect(state).toMatchObject({ lastError: null, ordersImported: 3 });
    expect(await hubOrderIds(app, account.hubId)).toEqual(orderIds.filter((id) => id !== bad).sort());
    const { quarantine } = await quarantineOf(app, account.hubId);
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]).toMatchObject({ channelOrderId: bad, stage: 'STORAGE' });
    expect(quarantine[0].reason).toMatch(/^the database refused it: value too long .*\[SQLSTATE 22001\]$/);
    expect(quarantine[0].reason).not.toContain('Zebulon');
    // The quarantine is logged by order id and reason; the failed statement's parameters are not.
    expect(log).toContain(`Order ${bad} of account ${account.hubId} quarantined (STORAGE)`);
    expect(log).not.toContain('Zebulon');
    expect(log).not.toContain('QQQQQQQQQQ');
    expect((await alertsOf(app, account.hubId))[0]).toMatchObject({ severity: 'HIGH', resolvedAt: null });

    sandbox.restoreOrder('WALMART', bad);
    await nextSecond();
    expect(await syncAndWait(app, account.hubId)).toMatchObject({ lastError: null, ordersImported: 4 });
    expect((await quarantineOf(app, account.hubId)).quarantinedOrders).toBe(0);
  });

  it('an Amazon order with an unreadable creation time is quarantined and the rest of the page imported', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon bad date');
    const { orderIds } = sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 4, seed: 4 });
    const bad = orderIds[0];
    sandbox.malformOrder('AMAZON', bad, { createdTime: '2026-02-30T25:61:00Z' });

    expect(await syncAndWait(app, account.hubId)).toMatchObject({ lastError: null, ordersImported: 3 });
    expect(await hubOrderIds(app, account.hubId)).toEqual(orderIds.filter((id) => id !== bad).sort());
    expect(await quarantineOf(app, account.hubId)).toMatchObject({
      quarantinedOrders: 1,
      quarantine: [{ channelOrderId: bad, stage: 'MAPPING', reason: 'orderedAt is not a valid date' }],
    });
  });
});
