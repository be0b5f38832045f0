import { gzipSync } from 'node:zlib';
import { checkDocument } from '@order-hub/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../context';
import type { AccountData } from '../../state/types';
import { AmazonError, invalidInput, notFound } from '../errors';
import { account } from '../orders/orders.routes';
import { arr, iso, isoDateTime, obj, req } from '../validate';
import { accountHealthDocument } from './account-health';
import { type ReportOutcome, takeReportOutcome } from './report-faults';
import { RETURNS_REPORT_TYPE, returnsRange, returnsReportTsv } from './returns-report';

const BASE = '/reports/2021-06-30';
const ACCOUNT_HEALTH = 'GET_V2_SELLER_PERFORMANCE_REPORT';
const SUPPORTED_REPORT_TYPES = [ACCOUNT_HEALTH, RETURNS_REPORT_TYPE];
const URL_TTL_MS = 5 * 60 * 1000;

type Status = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';

interface Report {
  reportId: string;
  reportType: string;
  marketplaceIds: string[];
  createdTime: number;
  dataStartTime?: number;
  dataEndTime?: number;
  /** A planted ending other than DONE (control API). */
  outcome?: ReportOutcome;
  status: Status;
  processingStartTime?: number;
  processingEndTime?: number;
  reportDocumentId?: string;
}

interface ReportDocument {
  reportDocumentId: string;
  /** GZIP-compressed, as Amazon serves large documents: JSON or a tab-separated flat file, by report type. */
  gzipped: Buffer;
  createdAt: number;
}

interface ReportsState {
  reports: Map<string, Report>;
  documents: Map<string, ReportDocument>;
}

const stateOf = new WeakMap<AccountData, ReportsState>();
function reportsOf(data: AccountData): ReportsState {
  let state = stateOf.get(data);
  if (!state) {
    state = { reports: new Map(), documents: new Map() };
    stateOf.set(data, state);
  }
  return state;
}

function serializeReport(report: Report) {
  return {
    reportId: report.reportId,
    reportType: report.reportType,
    marketplaceIds: report.marketplaceIds,
    ...(report.dataStartTime !== undefined ? { dataStartTime: iso(report.dataStartTime) } : {}),
    ...(report.dataEndTime !== undefined ? { dataEndTime: iso(report.dataEndTime) } : {}),
    createdTime: iso(report.createdTime),
    processingStatus: report.status,
    ...(report.processingStartTime !== undefined ? { processingStartTime: iso(report.processingStartTime) } : {}),
    ...(report.processingEndTime !== undefined ? { processingEndTime: iso(report.processingEndTime) } : {}),
    ...(report.reportDocumentId ? { reportDocumentId: report.reportDocumentId } : {}),
  };
}

function storeDocument(data: AccountData, report: Report, content: string, now: number): string {
  data.sequence += 1;
  const reportDocumentId = `amzn1.spdoc.1.4.na.${data.account.id}.${report.reportId}.${data.sequence}`;
  reportsOf(data).documents.set(reportDocumentId, { reportDocumentId, gzipped: gzipSync(content), createdAt: now });
  return reportDocumentId;
}

function end(report: Report, status: Status, now: number, reportDocumentId?: string): void {
  report.status = status;
  report.processingEndTime = now;
  if (reportDocumentId) report.reportDocumentId = reportDocumentId;
}

/**
 * The returns flat file for the report's range. Amazon cancels a report that has no data to return (SP-API docs,
 * "Verify that report processing is complete": CANCELLED covers "an automatic cancellation if there is no data to
 * return"; sellers see exactly that for this report type, jlevers/selling-partner-api#545), so an empty range ends
 * CANCELLED without a document. A client that never cancels its reports reads CANCELLED as "no returns".
 */
function finishReturnsReport(data: AccountData, report: Report, now: number): void {
  if (report.outcome === 'FATAL') {
    const details = JSON.stringify({ errorDetails: 'The report could not be generated because of an internal error.' });
    return end(report, 'FATAL', now, storeDocument(data, report, details, now));
  }
  if (report.outcome === 'CANCELLED') return end(report, 'CANCELLED', now);
  const tsv = returnsReportTsv(data, { start: report.dataStartTime ?? now, end: report.dataEndTime ?? now }, now);
  if (tsv === null) return end(report, 'CANCELLED', now);
  end(report, 'DONE', now, storeDocument(data, report, tsv, now));
}

/**
 * A report is queued when created, in progress at the first read, and done at the next: as with Amazon, a client
 * polls getReport until DONE. The document is computed from the seller's orders when the report finishes.
 */
function advance(ctx: SandboxContext, data: AccountData, report: Report): void {
  const now = ctx.clock.now();
  if (report.status === 'IN_QUEUE') {
    report.status = 'IN_PROGRESS';
    report.processingStartTime = now;
    return;
  }
  if (report.status !== 'IN_PROGRESS' || report.outcome === 'STUCK') return;
  if (report.reportType === RETURNS_REPORT_TYPE) return finishReturnsReport(data, report, now);
  if (report.outcome) return end(report, report.outcome, now);
  const document = accountHealthDocument(data, report.marketplaceIds[0], now);
  // The document is held to Amazon's schema as every answer is held to its model.
  const violations = checkDocument('amazon', 'accountHealthReport-2020-11-18', document);
  if (violations.length > 0)
    throw new AmazonError(
      500,
      'InternalFailure',
      `The sandbox's account health document violates Amazon's schema: ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}`,
    );
  end(report, 'DONE', now, storeDocument(data, report, JSON.stringify(document), now));
}

function downloadUrl(request: FastifyRequest, id: string): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}/amazon/_reports/${encodeURIComponent(id)}`;
}

/** Reports API 2021-06-30, as far as the account health and returns reports need: create, poll, document, download. */
export function registerReportRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(`${BASE}/reports`, { config: { amazonOperation: 'createReport' } }, (request, reply) => {
    const data = account(request);
    const b = obj(request.body, 'body');
    const reportType = req(b.reportType, 'reportType');
    if (!SUPPORTED_REPORT_TYPES.includes(reportType))
      throw invalidInput(
        `reportType ${reportType} is not supported by the sandbox (supported: ${SUPPORTED_REPORT_TYPES.join(', ')})`,
      );
    const marketplaceIds = arr(b.marketplaceIds, 'marketplaceIds', { max: 25 }).map((m, i) =>
      req(m, `marketplaceIds[${i}]`),
    );
    if (marketplaceIds.length === 0) throw invalidInput('marketplaceIds must name at least one marketplace');
    if (!marketplaceIds.every((m) => m === data.account.amazon?.marketplaceId))
      throw invalidInput('marketplaceIds contains a marketplace this seller does not sell in');
    const now = ctx.clock.now();
    const start = b.dataStartTime === undefined ? undefined : isoDateTime(b.dataStartTime, 'dataStartTime');
    const finish = b.dataEndTime === undefined ? undefined : isoDateTime(b.dataEndTime, 'dataEndTime');
    const range = reportType === RETURNS_REPORT_TYPE ? returnsRange(start, finish, now) : undefined;
    data.sequence += 1;
    const reportId = String(60000000000 + data.sequence * 7);
    const outcome = takeReportOutcome(data, reportType);
    reportsOf(data).reports.set(reportId, {
      reportId,
      reportType,
      marketplaceIds,
      createdTime: now,
      ...(range ? { dataStartTime: range.start, dataEndTime: range.end } : {}),
      ...(outcome ? { outcome } : {}),
      status: 'IN_QUEUE',
    });
    ctx.changed();
    return reply.code(202).send({ reportId });
  });

  app.get<{ Params: { reportId: string } }>(
    `${BASE}/reports/:reportId`,
    { config: { amazonOperation: 'getReport' } },
    (request) => {
      const data = account(request);
      const report = reportsOf(data).reports.get(request.params.reportId);
      if (!report) throw notFound(`Report ${request.params.reportId} not found`);
      const shown = serializeReport(report);
      advance(ctx, data, report);
      return shown;
    },
  );

  app.get<{ Params: { id: string } }>(
    `${BASE}/documents/:id`,
    { config: { amazonOperation: 'getReportDocument' } },
    (request) => {
      const doc = reportsOf(account(request)).documents.get(request.params.id);
      if (!doc) throw notFound(`Report document ${request.params.id} not found`);
      return {
        reportDocumentId: doc.reportDocumentId,
        url: downloadUrl(request, doc.reportDocumentId),
        compressionAlgorithm: 'GZIP',
      };
    },
  );

  // The presigned download URL Amazon would hand out (S3 in production): no SP-API token, valid five minutes.
  app.get<{ Params: { id: string } }>('/_reports/:id', { config: { noAuth: true } }, (request, reply) => {
    for (const data of ctx.store.accounts.values()) {
      const doc = reportsOf(data).documents.get(request.params.id);
      if (!doc) continue;
      if (ctx.clock.now() - doc.createdAt > URL_TTL_MS)
        return reply
          .code(403)
          .type('application/xml')
          .send('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
      return reply.type('application/octet-stream').send(doc.gzipped);
    }
    return reply.code(404).type('application/xml').send('<Error><Code>NoSuchKey</Code></Error>');
  });
}
