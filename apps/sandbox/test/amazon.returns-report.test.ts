import { gunzipSync } from 'node:zlib';
import type { Sandbox } from '../src';
import type { AmazonClient } from './helpers/clients';
import { T0, amazonSeller, startSandbox } from './helpers/sandbox';
import { control } from './helpers/control';

const REPORTS = '/reports/2021-06-30';
const TYPE = 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE';
const DAY = 24 * 3600 * 1000;
const HISTORY = { late: 0, invalidTracking: 0, cancelled: 0, delivered: 1, lateDelivery: 0 };
const HEADER = [
  'Order ID',
  'Order date',
  'Return request date',
  'Return request status',
  'Amazon RMA ID',
  'Merchant RMA ID',
  'Label type',
  'Label cost',
  'Currency code',
  'Return carrier',
  'Tracking ID',
  'Label to be paid by',
  'A-to-Z Claim',
  'Is prime',
  'ASIN',
  'Merchant SKU',
  'Item Name',
  'Return quantity',
  'Return Reason',
  'In policy',
  'Return type',
  'Resolution',
  'Invoice number',
  'Return delivery date',
  'Order Amount',
  'Order quantity',
  'SafeT Action reason',
  'SafeT claim id',
  'SafeT claim state',
  'SafeT claim creation time',
  'SafeT claim reimbursement amount',
  'Refunded Amount',
];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function range(sandbox: Sandbox, days: number) {
  const now = sandbox.clock.now().getTime();
  return { dataStartTime: new Date(now - days * DAY).toISOString(), dataEndTime: new Date(now).toISOString() };
}

/** createReport, then getReport until it leaves IN_QUEUE/IN_PROGRESS (or `polls` run out): every status seen. */
async function runReport(client: AmazonClient, dates: object, polls = 5) {
  const created = await client.call('POST', `${REPORTS}/reports`, {
    reportType: TYPE,
    marketplaceIds: ['ATVPDKIKX0DER'],
    ...dates,
  });
  expect(created.status).toBe(202);
  const seen: string[] = [];
  let report: any;
  for (let i = 0; i < polls; i += 1) {
    report = (await client.call('GET', `${REPORTS}/reports/${created.body.reportId}`)).body;
    seen.push(report.processingStatus);
    if (!['IN_QUEUE', 'IN_PROGRESS'].includes(report.processingStatus)) break;
  }
  return { report, seen };
}

async function download(client: AmazonClient, reportDocumentId: string): Promise<string> {
  const doc = await client.call('GET', `${REPORTS}/documents/${reportDocumentId}`);
  expect(doc.body).toMatchObject({ reportDocumentId, compressionAlgorithm: 'GZIP' });
  const res = await fetch(doc.body.url);
  expect(res.status).toBe(200);
  return gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
}

function parseTsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.replace(/\n$/, '').split('\n');
  expect(header.split('\t')).toEqual(HEADER);
  return lines.map((line) => {
    const cells = line.split('\t');
    expect(cells).toHaveLength(HEADER.length);
    return Object.fromEntries(HEADER.map((h, i) => [h, cells[i]]));
  });
}

describe('Amazon Reports: the returns report (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE)', () => {
  let sandbox: Sandbox;
  // Starting compiles every model's validators: seconds on a busy machine.
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  }, 30_000);
  afterEach(() => sandbox.clock.set(T0));
  afterAll(() => sandbox.close());

  it('runs IN_QUEUE → IN_PROGRESS → DONE to a GZIP TSV with the documented header and one row per generated return', async () => {
    sandbox.resetContractViolations();
    const { client, creds } = await amazonSeller(sandbox, 600, {
      placedWithinHours: 720,
      history: HISTORY,
      mix: { channelFulfilled: 0 },
    });
    const listed = (await control(sandbox, 'GET', `/amazon/returns?accountId=${creds.accountId}`)).body.returns;
    // About 6 % of the delivered orders come back (deterministic from the seed); some are still ahead of the clock.
    expect(listed.length).toBeGreaterThanOrEqual(5);
    expect(listed.length).toBeLessThanOrEqual(60);

    const { report, seen } = await runReport(client, range(sandbox, 60));
    expect(seen).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'DONE']);
    expect(report).toMatchObject({ reportType: TYPE, ...range(sandbox, 60) });
    const rows = parseTsv(await download(client, report.reportDocumentId));
    expect(rows.map((r) => r['Amazon RMA ID']).sort()).toEqual(listed.map((r: any) => r.rma).sort());

    const now = sandbox.clock.now().getTime();
    for (const row of rows) {
      const order = await client.call('GET', `/orders/2026-01-01/orders/${row['Order ID']}`);
      expect(order.status).toBe(200);
      const item = order.body.order.orderItems.find((i: any) => i.product.sellerSku === row['Merchant SKU']);
      expect(item).toBeDefined();
      expect(row['ASIN']).toBe(item.product.asin);
      expect(row['Order date']).toBe(order.body.order.createdTime);
      expect(row['Return request date']).toMatch(ISO);
      expect(Date.parse(row['Return request date'])).toBeLessThanOrEqual(now);
      expect(row['Return delivery date'] === '' || Date.parse(row['Return delivery date']) <= now).toBe(true);
      expect(row['Return request status']).toBe('Authorized');
      expect(row['Amazon RMA ID']).toMatch(/^D[A-Za-z0-9]{8}RRMA$/);
      expect(row['Currency code']).toBe('USD');
      expect(['UPS', 'USPS']).toContain(row['Return carrier']);
      expect(row['Tracking ID']).not.toBe('');
      expect(row['Return Reason']).toMatch(/^(CR-[A-Z_]+|AMZ-PG-[A-Z-]+)$/);
      expect(Number(row['Return quantity'])).toBeGreaterThanOrEqual(1);
      expect(row['A-to-Z Claim']).toBe('N');
      expect(row['Refunded Amount']).toBe('');
      expect(row['SafeT claim id']).toBe('');
    }
    const received = rows.filter((r) => r['Return delivery date'] !== '').length;

    // Ten days on, returns requested meanwhile appear and returns on their way have reached the seller.
    sandbox.clock.set(T0.getTime() + 10 * DAY);
    await client.authenticate();
    const later = await runReport(client, range(sandbox, 60));
    const laterRows = parseTsv(await download(client, later.report.reportDocumentId));
    expect(laterRows.length).toBeGreaterThanOrEqual(rows.length);
    expect(laterRows.filter((r) => r['Return delivery date'] !== '').length).toBeGreaterThan(received);
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  }, 30_000);

  it('shows a return made through the control API, empty delivery date until it reaches the seller', async () => {
    const { client, creds } = await amazonSeller(sandbox, 40, {
      placedWithinHours: 720,
      history: HISTORY,
      mix: { channelFulfilled: 0, multiLine: 0, multiQuantity: 1 },
    });
    const orders = (await control(sandbox, 'GET', `/amazon/returns?accountId=${creds.accountId}`)).body.returns.map(
      (r: any) => r.orderId,
    );
    const search = await client.call(
      'GET',
      `/orders/2026-01-01/orders?createdAfter=${new Date(T0.getTime() - 31 * DAY).toISOString()}&fulfillmentStatuses=SHIPPED&includedData=FULFILLMENT`,
    );
    const order = search.body.orders.find((o: any) => !orders.includes(o.orderId));
    const sku = order.orderItems[0].product.sellerSku;
    const ordered = order.orderItems[0].quantityOrdered;

    const made = await control(sandbox, 'POST', '/amazon/returns', {
      accountId: creds.accountId,
      orderId: order.orderId,
      sku,
      quantity: 1,
      reason: 'CR-UNWANTED_ITEM',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ orderId: order.orderId, sku, quantity: 1, receivedAt: null });
    const tooMany = await control(sandbox, 'POST', '/amazon/returns', {
      orderId: order.orderId,
      sku,
      quantity: ordered,
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error).toMatch(/quantity/);
    const open = await client.call(
      'GET',
      `/orders/2026-01-01/orders?createdAfter=${new Date(T0.getTime() - 31 * DAY).toISOString()}&fulfillmentStatuses=UNSHIPPED`,
    );
    const notShipped = await control(sandbox, 'POST', '/amazon/returns', { orderId: open.body.orders[0].orderId });
    expect(notShipped.status).toBe(409);
    expect(notShipped.body.error).toMatch(/has no shipped unit left to return$/);
    expect((await control(sandbox, 'POST', '/amazon/returns', { orderId: '111-0000000-0000000' })).status).toBe(404);
    const badReason = await control(sandbox, 'POST', '/amazon/returns', { orderId: order.orderId, reason: 'BROKEN' });
    expect(badReason.status).toBe(400);
    expect(badReason.body.error).toMatch(/^reason must be one of CR-DEFECTIVE/);

    const before = parseTsv(
      await download(client, (await runReport(client, range(sandbox, 1))).report.reportDocumentId),
    );
    expect(before.find((r) => r['Amazon RMA ID'] === made.body.rma)).toMatchObject({
      'Order ID': order.orderId,
      'Amazon RMA ID': made.body.rma,
      'Merchant SKU': sku,
      'Return quantity': '1',
      'Return Reason': 'CR-UNWANTED_ITEM',
      'Label to be paid by': 'Customer',
      'Return delivery date': '',
      'Order quantity': String(ordered),
    });

    // The buyer files an A-to-z claim on the order: the report flags the return.
    expect((await control(sandbox, 'POST', `/orders/amazon/${order.orderId}/defects`, { kind: 'claim' })).status).toBe(
      201,
    );
    const claimed = parseTsv(
      await download(client, (await runReport(client, range(sandbox, 1))).report.reportDocumentId),
    ).find((r) => r['Amazon RMA ID'] === made.body.rma);
    expect(claimed?.['A-to-Z Claim']).toBe('Y');

    sandbox.clock.set(T0.getTime() + 3 * DAY);
    await client.authenticate();
    const delivered = await control(sandbox, 'POST', `/amazon/returns/${made.body.rma}/deliver`, {});
    expect(delivered.status).toBe(200);
    expect(delivered.body.receivedAt).toBe(sandbox.clock.now().toISOString());
    expect((await control(sandbox, 'POST', `/amazon/returns/${made.body.rma}/deliver`, {})).status).toBe(409);
    expect((await control(sandbox, 'POST', '/amazon/returns/DNOSUCHRRMA/deliver', {})).status).toBe(404);
    const after = parseTsv(
      await download(client, (await runReport(client, range(sandbox, 5))).report.reportDocumentId),
    );
    expect(after.find((r) => r['Amazon RMA ID'] === made.body.rma)?.['Return delivery date']).toBe(
      sandbox.clock.now().toISOString(),
    );
  });

  it('refuses a range over 60 days, a start in the future, and an end before the start, naming the field', async () => {
    const { client } = await amazonSeller(sandbox);
    const post = (dates: object) =>
      client.call('POST', `${REPORTS}/reports`, { reportType: TYPE, marketplaceIds: ['ATVPDKIKX0DER'], ...dates });
    const now = T0.getTime();
    const tooLong = await post({
      dataStartTime: new Date(now - 61 * DAY).toISOString(),
      dataEndTime: new Date(now).toISOString(),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({ code: 'InvalidInput' });
    expect(tooLong.body.errors[0].message).toMatch(/dataStartTime and dataEndTime must not exceed 60 days/);
    const future = await post({ dataStartTime: new Date(now + DAY).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].message).toMatch(/dataStartTime must not be in the future/);
    const backwards = await post({
      dataStartTime: new Date(now - 2 * DAY).toISOString(),
      dataEndTime: new Date(now - 3 * DAY).toISOString(),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].message).toMatch(/dataEndTime must not be before dataStartTime/);
    const exactly60 = await post({
      dataStartTime: new Date(now - 60 * DAY).toISOString(),
      dataEndTime: new Date(now).toISOString(),
    });
    expect(exactly60.status).toBe(202);
    const malformed = await post({ dataStartTime: 'yesterday' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].message).toMatch(/dataStartTime/);
  });

  it('ends CANCELLED when no return falls in the range, as Amazon cancels a report with no data', async () => {
    const { client } = await amazonSeller(sandbox, 5);
    const { report, seen } = await runReport(client, range(sandbox, 30));
    expect(seen).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'CANCELLED']);
    expect(report.reportDocumentId).toBeUndefined();
  });

  it('ends FATAL, CANCELLED or stays IN_PROGRESS when told to, for the next report only', async () => {
    const { client, creds } = await amazonSeller(sandbox, 300, {
      placedWithinHours: 720,
      history: HISTORY,
      mix: { channelFulfilled: 0 },
    });
    const plant = (outcome: string) =>
      control(sandbox, 'POST', '/amazon/reports/faults', { accountId: creds.accountId, outcome });
    expect((await plant('FATAL')).status).toBe(201);
    const fatal = await runReport(client, range(sandbox, 60));
    expect(fatal.seen).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'FATAL']);
    expect(JSON.parse(await download(client, fatal.report.reportDocumentId))).toEqual({
      errorDetails: expect.stringMatching(/internal error/),
    });

    await plant('CANCELLED');
    expect((await runReport(client, range(sandbox, 60))).seen).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'CANCELLED']);

    await plant('STUCK');
    const stuck = await runReport(client, range(sandbox, 60), 8);
    expect(stuck.seen).toEqual(['IN_QUEUE', ...Array(7).fill('IN_PROGRESS')]);
    expect(stuck.report.reportDocumentId).toBeUndefined();

    // The planted outcomes are spent: the next report is DONE.
    expect((await runReport(client, range(sandbox, 60))).seen.at(-1)).toBe('DONE');
    expect((await plant('SLOW')).status).toBe(400);
    expect((await control(sandbox, 'POST', '/amazon/reports/faults', { outcome: 'FATAL' })).status).toBe(400);
  });
});
