import type { ReturnPage } from '@order-hub/types';
import type { ChangeWindow } from 'src/modules/channels/channel-adapter';
import type { ReturnsReader } from 'src/modules/channels/returns-reader';
import type { AmazonClient } from './amazon-client';
import { mapAmazonReturnsReport, RETURNS_REPORT_TYPE } from './amazon-return.mapper';
import { AmazonReportRunner, DEFAULT_POLL, type PollOptions } from './amazon-report-runner';

type ReturnsList = ReturnsReader['returns'];

const DAY_MS = 24 * 3600_000;
/** Amazon's returns reports cover at most 60 days between dataStartTime and dataEndTime (report type values page). */
export const RETURNS_REPORT_MAX_DAYS = 60;

/**
 * The seller's returns through the Reports API: GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE for the window, the only
 * returns report carrying "Return delivery date" (when the refund is owed) and "Refunded Amount". One report answers
 * the whole window, so it is one page: nextCursor null, windowEnd the report's dataEndTime.
 */
export class AmazonReturnsReport implements ReturnsList {
  private readonly runner: AmazonReportRunner;

  constructor(client: AmazonClient, marketplaceId: string, poll: PollOptions = DEFAULT_POLL) {
    this.runner = new AmazonReportRunner(client, marketplaceId, poll);
  }

  /**
   * The hub names both ends (its own clock when the window is open-ended) so the range it records is the one Amazon
   * used; a window longer than Amazon allows is shortened to the latest 60 days instead of being refused. A report
   * Amazon cancels for want of data is an empty page.
   */
  async list(window: ChangeWindow, _cursor: string | null): Promise<ReturnPage> {
    const end = window.changedBefore ?? new Date();
    const earliest = end.getTime() - RETURNS_REPORT_MAX_DAYS * DAY_MS;
    const start = new Date(Math.max(window.changedAfter.getTime(), earliest));
    const { text } = await this.runner.run({
      reportType: RETURNS_REPORT_TYPE,
      label: 'returns report',
      dataStartTime: start.toISOString(),
      dataEndTime: end.toISOString(),
      cancelledMeansNoData: true,
    });
    const mapped = text === null ? { returns: [], rejected: [] } : mapAmazonReturnsReport(text);
    return { ...mapped, nextCursor: null, windowEnd: end };
  }
}
