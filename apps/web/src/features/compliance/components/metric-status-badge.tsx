import type { MetricStatus } from '@/gql/graphql';
import { statusLabel } from '../lib/metric-format';

/** The status as a word and a colour: colour alone would not reach everyone. */
export function MetricStatusBadge({ status, testId = 'metric-status' }: { status: MetricStatus; testId?: string }) {
  return (
    <span className={`metric-status metric-${status.toLowerCase()}`} data-status={status} data-testid={testId}>
      {statusLabel(status)}
    </span>
  );
}
