import { gunzipSync } from 'node:zlib';
import { ChannelError } from 'src/modules/channels/channel-error';
import type { AmazonClient } from './amazon-client';

const REPORTS = '/reports/2021-06-30';

export interface PollOptions {
  /** First wait between getReport calls; doubled each time up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Give up (a ChannelError the operator sees) after this long. */
  timeoutMs: number;
}

/** Amazon processes a report in seconds to minutes; getReport's plan allows 2 a second, so polling is cheap. */
export const DEFAULT_POLL: PollOptions = { firstDelayMs: 1_000, maxDelayMs: 30_000, timeoutMs: 10 * 60_000 };

/** What to ask for: the createReport body, and the report's name in words for the operator's messages. */
export interface ReportRequest {
  reportType: string;
  /** "account health report", "returns report". */
  label: string;
  dataStartTime?: string;
  dataEndTime?: string;
  /**
   * Amazon cancels a report on its own when there is no data to return (the Reports API's CANCELLED); a report the
   * hub never cancels then means "nothing in the range" rather than a failure.
   */
  cancelledMeansNoData?: boolean;
}

export interface ReportDownload {
  reportId: string;
  /** The document, unzipped when Amazon said GZIP; null when Amazon cancelled the report for want of data. */
  text: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "300 milliseconds", "45 seconds", "10 minutes": how long the hub waited, in words. */
function duration(ms: number): string {
  if (ms < 2_000) return `${ms} milliseconds`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} seconds`;
  return `${Math.round(ms / 60_000)} minutes`;
}

/**
 * One report through the Reports API 2021-06-30: createReport → getReport until DONE (backing off) →
 * getReportDocument → download (GZIP when compressionAlgorithm says so). Every failure is a ChannelError in words.
 */
export class AmazonReportRunner {
  constructor(
    private readonly client: AmazonClient,
    private readonly marketplaceId: string,
    private readonly poll: PollOptions = DEFAULT_POLL,
  ) {}

  async run(request: ReportRequest): Promise<ReportDownload> {
    const { label, cancelledMeansNoData, ...rest } = request;
    const created = await this.client.post('createReport', `${REPORTS}/reports`, {
      ...rest,
      marketplaceIds: [this.marketplaceId],
    });
    const reportId = (created.body as { reportId?: string }).reportId ?? '';
    if (!reportId) throw this.refused('createReport', `Amazon accepted the ${label} request without a reportId`);
    const documentId = await this.waitUntilDone(reportId, label, cancelledMeansNoData ?? false);
    if (documentId === null) return { reportId, text: null };
    return { reportId, text: await this.document(documentId, label) };
  }

  private async document(documentId: string, label: string): Promise<string> {
    const doc = (await this.client.get('getReportDocument', `${REPORTS}/documents/${encodeURIComponent(documentId)}`))
      .body as { url?: string; compressionAlgorithm?: string };
    if (!doc.url) throw this.refused('getReportDocument', `Report document ${documentId} came without a download URL`);
    return this.download(doc.url, doc.compressionAlgorithm, label);
  }

  /**
   * A FATAL report may carry a document explaining why (its `errorDetails`): Amazon's words are added to the
   * failure when they can be read; otherwise the failure stands without them.
   */
  private async fatalDetails(documentId: string | undefined, label: string): Promise<string> {
    if (!documentId) return '';
    try {
      const text = await this.document(documentId, label);
      let details: unknown = text;
      try {
        details = (JSON.parse(text) as { errorDetails?: unknown }).errorDetails ?? text;
      } catch {
        // Not JSON: the text itself is Amazon's explanation.
      }
      const words = String(details).replace(/\s+/g, ' ').trim().slice(0, 300);
      return words ? `: ${words}` : '';
    } catch {
      return '';
    }
  }

  private async waitUntilDone(reportId: string, label: string, cancelledMeansNoData: boolean): Promise<string | null> {
    const started = Date.now();
    let delay = this.poll.firstDelayMs;
    for (;;) {
      const report = (await this.client.get('getReport', `${REPORTS}/reports/${encodeURIComponent(reportId)}`))
        .body as { processingStatus?: string; reportDocumentId?: string };
      if (report.processingStatus === 'DONE' && report.reportDocumentId) return report.reportDocumentId;
      if (report.processingStatus === 'CANCELLED' && cancelledMeansNoData) return null;
      if (report.processingStatus === 'CANCELLED')
        throw this.refused('getReport', `Amazon ended the ${label} ${reportId} as cancelled`);
      if (report.processingStatus === 'FATAL')
        throw this.refused(
          'getReport',
          `Amazon ended the ${label} ${reportId} as failed${await this.fatalDetails(report.reportDocumentId, label)}`,
        );
      if (Date.now() - started > this.poll.timeoutMs)
        throw this.refused(
          'getReport',
          `Amazon had not finished the ${label} ${reportId} after ${duration(this.poll.timeoutMs)}`,
        );
      await sleep(delay);
      delay = Math.min(delay * 2, this.poll.maxDelayMs);
    }
  }

  /** The presigned URL needs no SP-API token. */
  private async download(url: string, compression: string | undefined, label: string): Promise<string> {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) }).catch((err: Error) => {
      throw new ChannelError('AMAZON', 'NETWORK', `Could not download the ${label}: ${err.message}`, {
        operation: 'downloadReportDocument',
      });
    });
    if (!res.ok)
      throw new ChannelError(
        'AMAZON',
        res.status >= 500 ? 'SERVER' : 'INVALID_REQUEST',
        `Downloading the ${label} failed: HTTP ${res.status}`,
        { status: res.status, operation: 'downloadReportDocument' },
      );
    const bytes = Buffer.from(await res.arrayBuffer());
    try {
      return (compression === 'GZIP' ? gunzipSync(bytes) : bytes).toString('utf8');
    } catch {
      throw this.refused('downloadReportDocument', `The ${label} said GZIP but is not gzipped`);
    }
  }

  private refused(operation: string, message: string): ChannelError {
    return new ChannelError('AMAZON', 'SERVER', message, { operation });
  }
}
