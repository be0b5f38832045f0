import { channelLabel } from '@order-hub/rules';
import type { CarrierCode, Channel } from '@order-hub/types';
import { carrierOptions, trackingFormatHint } from '../lib/shipment-form';
import type { ViolationLike } from '../lib/violation-fields';
import { ViolationList } from './violation-list';

export interface TrackingValues {
  carrier: CarrierCode;
  carrierName: string;
  service: string;
  trackingNumber: string;
  trackingUrl: string;
}

interface TrackingFieldsProps {
  channel: Channel;
  values: TrackingValues;
  onChange: (patch: Partial<TrackingValues>) => void;
  /** Violations by input key (see violationsByField). */
  violations: Record<string, ViolationLike[]>;
}

const invalid = (list: ViolationLike[] | undefined) => Boolean(list?.some((v) => v.severity === 'BLOCK'));

/** Carrier, its name for Other, service, tracking number and URL, each with the rules it breaks beneath it. */
export function TrackingFields({ channel, values, onChange, violations }: TrackingFieldsProps) {
  const hint = trackingFormatHint(values.trackingNumber, values.carrier);
  return (
    <>
      <label className="field">
        <span>Carrier</span>
        <select
          value={values.carrier}
          onChange={(event) => onChange({ carrier: event.target.value as CarrierCode })}
          aria-invalid={invalid(violations.carrier)}
          data-testid="field-carrier"
        >
          {carrierOptions(channel).map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
              {option.accepted ? '' : ` (not accepted by ${channelLabel(channel)})`}
            </option>
          ))}
        </select>
        <ViolationList violations={violations.carrier} testId="violations-carrier" />
      </label>
      {values.carrier === 'OTHER' && (
        <label className="field">
          <span>Carrier name</span>
          <input
            value={values.carrierName}
            onChange={(event) => onChange({ carrierName: event.target.value })}
            aria-invalid={invalid(violations.carrierName)}
            data-testid="field-carrierName"
          />
          <ViolationList violations={violations.carrierName} testId="violations-carrierName" />
        </label>
      )}
      <label className="field">
        <span>Service</span>
        <input
          value={values.service}
          placeholder="Ground, Priority…"
          onChange={(event) => onChange({ service: event.target.value })}
          data-testid="field-service"
        />
        <ViolationList violations={violations.service} testId="violations-service" />
      </label>
      <label className="field">
        <span>Tracking number</span>
        <input
          className="mono"
          value={values.trackingNumber}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange({ trackingNumber: event.target.value })}
          aria-invalid={invalid(violations.trackingNumber)}
          data-testid="field-trackingNumber"
        />
        {hint && (
          <small className="hint" data-testid="tracking-format-hint">
            {hint}
          </small>
        )}
        <ViolationList violations={violations.trackingNumber} testId="violations-trackingNumber" />
      </label>
      <label className="field">
        <span>Tracking URL</span>
        <input
          value={values.trackingUrl}
          placeholder="https://…"
          onChange={(event) => onChange({ trackingUrl: event.target.value })}
          aria-invalid={invalid(violations.trackingUrl)}
          data-testid="field-trackingUrl"
        />
        <ViolationList violations={violations.trackingUrl} testId="violations-trackingUrl" />
      </label>
    </>
  );
}
