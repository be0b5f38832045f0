import type { AccountHealthSnapshot } from '@order-hub/types';
import { ChannelError } from 'src/modules/channels/channel-error';
import type { AmazonClient } from './amazon-client';
import { mapAccountHealthReport, type AmazonAccountHealthDocument } from './amazon-account-health.mapper';
import { AmazonReportRunner, DEFAULT_POLL, type PollOptions } from './amazon-report-runner';

export const ACCOUNT_HEALTH_REPORT_TYPE = 'GET_V2_SELLER_PERFORMANCE_REPORT';
export { DEFAULT_POLL, type PollOptions };

/** The seller's account health through the Reports API: one report run, its JSON document, the domain snapshot. */
export class AmazonAccountHealth {
  private readonly runner: AmazonReportRunner;

  constructor(
    client: AmazonClient,
    private readonly marketplaceId: string,
    poll: PollOptions = DEFAULT_POLL,
  ) {
    this.runner = new AmazonReportRunner(client, marketplaceId, poll);
  }

  async fetch(): Promise<{ snapshot: AccountHealthSnapshot; document: AmazonAccountHealthDocument }> {
    const { reportId, text } = await this.runner.run({
      reportType: ACCOUNT_HEALTH_REPORT_TYPE,
      label: 'account health report',
    });
    let document: AmazonAccountHealthDocument;
    try {
      document = JSON.parse(text ?? '') as AmazonAccountHealthDocument;
    } catch {
      throw new ChannelError('AMAZON', 'SERVER', 'The account health report is not JSON', {
        operation: 'downloadReportDocument',
      });
    }
    return { snapshot: mapAccountHealthReport(reportId, this.marketplaceId, document), document };
  }
}
