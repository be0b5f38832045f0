import type { CarrierDataStatusView } from '../api/compliance.graphql';
import { reportCarrierData } from '../lib/metric-format';

/** Under the report's "As of": how fresh the carrier scans behind it are, or that there are none. */
export function CarrierDataLine({ status, timeZone }: { status: CarrierDataStatusView; timeZone?: string }) {
  const line = reportCarrierData(status, timeZone);
  return (
    <p
      className={`carrier-data-line carrier-data-${line.tone}`}
      data-testid="compliance-carrier-data"
      data-tone={line.tone}
      data-as-of={status.asOf ?? ''}
    >
      {line.text}
      {line.error && (
        <span data-testid="compliance-carrier-error">
          {' '}
          · the tracking provider’s last answer was an error: {line.error}
        </span>
      )}
    </p>
  );
}
