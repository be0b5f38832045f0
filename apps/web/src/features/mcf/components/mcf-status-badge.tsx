import { mcfStatusTone } from '../lib/mcf-format';

export function McfStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge mcf-status mcf-${mcfStatusTone(status)}`} data-testid="mcf-status">
      {status.replace('_', ' ')}
    </span>
  );
}
