// The compliance page's summary band in words: how many metrics fail or are at risk, and the channel's own
// account health (Amazon's Account Health Rating and Order Defect Rate) where the channel publishes it.
import { countByStatus, sortMetricsBySeverity, type SeverityInput } from '@order-hub/rules';
import { formatPercent } from './metric-format';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 metrics failing, 1 at risk", "All 5 measured metrics meet their standards", "Nothing to measure yet". */
export function metricsSentence(metrics: readonly Pick<SeverityInput, 'status'>[]): string {
  const counts = countByStatus(metrics);
  const parts: string[] = [];
  if (counts.failing > 0) parts.push(`${plural(counts.failing, 'metric', 'metrics')} failing`);
  if (counts.atRisk > 0)
    parts.push(
      counts.failing > 0 ? `${counts.atRisk} at risk` : `${plural(counts.atRisk, 'metric', 'metrics')} at risk`,
    );
  if (parts.length > 0) return parts.join(', ');
  if (counts.ok === 0) return 'Nothing to measure yet';
  return counts.ok === 1
    ? 'The measured metric meets its standard'
    : `All ${counts.ok} measured metrics meet their standards`;
}

/** Amazon's words for its rating and account status (the report's codes stay in the API and a tooltip). */
const RATING_WORDS: Record<string, string> = { GREAT: 'Great', WARNED: 'Warned' };
const ACCOUNT_STATUS_WORDS: Record<string, string> = {
  NORMAL: 'Normal',
  AT_RISK: 'At risk of deactivation',
  DEACTIVATED: 'Deactivated',
};
const DEFECT_STATUS_WORDS: Record<string, string> = { GOOD: 'Good', BAD: 'Failing', NONE: 'No target' };

export const ratingWords = (status: string | null | undefined) =>
  status ? (RATING_WORDS[status] ?? status.toLowerCase()) : 'not reported';
export const accountStatusWords = (status: string | null | undefined) =>
  status ? (ACCOUNT_STATUS_WORDS[status] ?? status.toLowerCase()) : 'not reported';
export const defectStatusWords = (status: string) => DEFECT_STATUS_WORDS[status] ?? status.toLowerCase();

export interface AccountHealthSummaryInput {
  accountName: string;
  rating?: string | null;
}

/**
 * The sentence opening the band: "2 metrics failing, 1 at risk; Account Health Rating: Great." With several
 * accounts each rating names its account; accounts not fetched yet are left out of the sentence.
 */
export function healthSentence(
  metrics: readonly Pick<SeverityInput, 'status'>[],
  accountHealth: readonly AccountHealthSummaryInput[] | null,
): string {
  const first = metricsSentence(metrics);
  if (!accountHealth || accountHealth.length === 0) return `${first}.`;
  const ratings =
    accountHealth.length === 1
      ? ratingWords(accountHealth[0].rating)
      : accountHealth.map((a) => `${ratingWords(a.rating)} (${a.accountName})`).join(', ');
  return `${first}; Account Health Rating: ${ratings}.`;
}

/** The failing and at-risk metrics, the most urgent first: what the band lists. */
export function metricsNeedingAttention<T extends SeverityInput>(metrics: readonly T[]): T[] {
  return sortMetricsBySeverity(metrics).filter((m) => m.status === 'FAILING' || m.status === 'AT_RISK');
}

/** "0.42% (target: below 1%)": rate and target in percent, as the API serves them. */
export function defectRateLine(rate: number, target: number, condition: string): string {
  const words: Record<string, string> = { LESS_THAN: 'below', GREATER_THAN: 'above', EQUALS: 'exactly' };
  return `${formatPercent(rate)} (target: ${words[condition] ?? condition.toLowerCase()} ${formatPercent(target)})`;
}
