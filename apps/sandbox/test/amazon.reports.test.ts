import { gunzipSync } from 'node:zlib';
import { checkDocument } from '@order-hub/contracts';
import type { Sandbox } from '../src';
import { amazonSeller, startSandbox } from './helpers/sandbox';
import { control } from './helpers/control';

const REPORTS = '/reports/2021-06-30';

describe('Amazon Reports: the account health report (GET_V2_SELLER_PERFORMANCE_REPORT)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());

  it('is created, polled until DONE, and downloaded GZIP-compressed as a document of the schema, from the seller’s own orders', async () => {
    const { client, orderIds } = await amazonSeller(sandbox, 6, {
      mix: { channelFulfilled: 0, multiLine: 0, intentToCancel: 0 },
    });
    expect((await control(sandbox, 'POST', `/orders/amazon/${orderIds[0]}/defects`, { kind: 'claim' })).status).toBe(
      201,
    );
    await control(sandbox, 'POST', `/orders/amazon/${orderIds[0]}/defects`, { kind: 'negativeFeedback' });
    await control(sandbox, 'POST', `/orders/amazon/${orderIds[1]}/defects`, { kind: 'chargeback' });

    const created = await client.call('POST', `${REPORTS}/reports`, {
      reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });
    expect(created.status).toBe(202);
    const path = `${REPORTS}/reports/${created.body.reportId}`;
    expect((await client.call('GET', path)).body.processingStatus).toBe('IN_QUEUE');
    expect((await client.call('GET', path)).body.processingStatus).toBe('IN_PROGRESS');
    const done = (await client.call('GET', path)).body;
    expect(done).toMatchObject({ processingStatus: 'DONE', reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT' });

    const doc = await client.call('GET', `${REPORTS}/documents/${done.reportDocumentId}`);
    expect(doc.body).toMatchObject({ reportDocumentId: done.reportDocumentId, compressionAlgorithm: 'GZIP' });
    const download = await fetch(doc.body.url);
    expect(download.status).toBe(200);
    const report = JSON.parse(gunzipSync(Buffer.from(await download.arrayBuffer())).toString('utf8'));
    expect(checkDocument('amazon', 'accountHealthReport-2020-11-18', report)).toEqual([]);

    const metrics = report.performanceMetrics[0];
    const mfn = metrics.orderDefectRate.mfn;
    // The range ends with yesterday, as Amazon's does: orders placed today are not in it yet.
    expect(mfn.orderCount).toBeGreaterThanOrEqual(2);
    expect(mfn.orderCount).toBeLessThanOrEqual(6);
    expect(mfn).toMatchObject({
      orderWithDefects: { count: 2, status: 'BAD' },
      claims: { count: 1 },
      chargebacks: { count: 1 },
      negativeFeedback: { count: 1 },
      status: 'BAD',
      targetValue: 0.01,
      targetCondition: 'LESS_THAN',
    });
    expect(mfn.rate).toBeCloseTo(2 / mfn.orderCount, 5);
    expect(mfn.reportingDateRange.reportingDateFrom).toMatch(/^\d{4}-\d\d-\d\dT00:00Z$/);
    expect(metrics.accountHealthRating.ahrStatus).toBe('WARNED');
    expect(report.accountStatuses).toEqual([{ marketplaceId: 'ATVPDKIKX0DER', status: 'AT_RISK' }]);
  });

  it('refuses report types it does not produce, another seller’s marketplace, and unknown reports', async () => {
    const { client } = await amazonSeller(sandbox);
    const other = await client.call('POST', `${REPORTS}/reports`, {
      reportType: 'GET_FLAT_FILE_OPEN_LISTINGS_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].message).toMatch(/GET_FLAT_FILE_OPEN_LISTINGS_DATA is not supported/);
    const foreign = await client.call('POST', `${REPORTS}/reports`, {
      reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
      marketplaceIds: ['A1F83G8C2ARO7P'],
    });
    expect(foreign.status).toBe(400);
    const missing = await client.call('POST', `${REPORTS}/reports`, { reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].message).toMatch(/marketplaceIds/);
    expect((await client.call('GET', `${REPORTS}/reports/999`)).status).toBe(404);
    expect((await client.call('GET', `${REPORTS}/documents/amzn1.spdoc.none`)).status).toBe(404);
  });

  it('a seller with no orders gets a GREAT rating and no-status rates', async () => {
    const { client } = await amazonSeller(sandbox);
    const { body } = await client.call('POST', `${REPORTS}/reports`, {
      reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });
    const path = `${REPORTS}/reports/${body.reportId}`;
    await client.call('GET', path);
    await client.call('GET', path);
    const done = (await client.call('GET', path)).body;
    const doc = await client.call('GET', `${REPORTS}/documents/${done.reportDocumentId}`);
    const report = JSON.parse(
      gunzipSync(Buffer.from(await (await fetch(doc.body.url)).arrayBuffer())).toString('utf8'),
    );
    expect(report.performanceMetrics[0].accountHealthRating.ahrStatus).toBe('GREAT');
    expect(report.performanceMetrics[0].orderDefectRate.mfn).toMatchObject({ orderCount: 0, status: 'NONE', rate: 0 });
  });
});
