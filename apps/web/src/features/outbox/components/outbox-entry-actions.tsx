import { useState } from 'react';
import { CARRIER_CODES, type CarrierCode } from '@order-hub/types';
import { CARRIER_LABELS } from '@order-hub/rules';
import { ErrorState } from '../../../components/error-state';
import type { ShipmentFixInput } from '../../../gql/graphql';
import { formErrorsOf } from '../../../lib/field-errors';
import type { OutboxEntryView } from '../api/outbox.graphql';
import { useDiscardOutboxEntry, useRetryOutboxEntry } from '../api/outbox.hooks';
import { ViolationList } from '../../actions/components/violation-list';
import { violationsOfError } from '../../actions/lib/violation-fields';
import { fixFormOf } from '../lib/outbox-format';

type Mode = 'idle' | 'fix' | 'discard';
const FIX_INPUTS = {
  'fix.carrier': 'carrier',
  'fix.carrierName': 'carrierName',
  'fix.trackingNumber': 'trackingNumber',
  'fix.trackingUrl': 'trackingUrl',
  'fix.service': 'service',
  trackingNumber: 'trackingNumber',
  trackingUrl: 'trackingUrl',
  carrier: 'carrier',
  carrierName: 'carrierName',
} as const;

/** Retry, Fix & retry (shipments: carrier, tracking, URL, service) and Discard with a reason, for one FAILED or DEAD entry. */
export function OutboxEntryActions({ entry, deniedReason }: { entry: OutboxEntryView; deniedReason: string | null }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [fix, setFix] = useState(() => fixFormOf(entry.payload));
  const [reason, setReason] = useState('');
  const retry = useRetryOutboxEntry();
  const discard = useDiscardOutboxEntry();
  const actionable = entry.status === 'FAILED' || entry.status === 'DEAD';
  const fixable = entry.operation === 'SHIP' || entry.operation === 'UPDATE_TRACKING';
  const disabled = deniedReason !== null || retry.isPending || discard.isPending;
  const violations = violationsOfError(retry.error);
  const errors = formErrorsOf(violations.length > 0 ? null : retry.error, FIX_INPUTS);

  if (!actionable) return null;
  const sendFix = () => {
    const input: ShipmentFixInput = {
      carrier: fix.carrier as CarrierCode,
      carrierName: fix.carrier === 'OTHER' ? fix.carrierName.trim() || null : null,
      trackingNumber: fix.trackingNumber.trim(),
      trackingUrl: fix.trackingUrl.trim() || null,
      service: fix.service.trim() || null,
    };
    retry.mutate({ id: entry.id, fix: input }, { onSuccess: () => setMode('idle') });
  };
  const set = (key: keyof typeof fix) => (event: { target: { value: string } }) => {
    if (retry.isError) retry.reset();
    setFix((current) => ({ ...current, [key]: event.target.value }));
  };

  return (
    <div className="entry-actions" data-testid="outbox-entry-actions">
      <div className="buttons">
        <button type="button" disabled={disabled} title={deniedReason ?? undefined} onClick={() => retry.mutate({ id: entry.id })} data-testid="outbox-retry">
          {retry.isPending && mode === 'idle' ? 'Retrying…' : 'Retry'}
        </button>
        {fixable && (
          <button type="button" disabled={disabled} title={deniedReason ?? undefined} onClick={() => setMode(mode === 'fix' ? 'idle' : 'fix')} data-testid="outbox-fix">
            Fix & retry
          </button>
        )}
        <button type="button" className="danger" disabled={disabled} title={deniedReason ?? undefined} onClick={() => setMode(mode === 'discard' ? 'idle' : 'discard')} data-testid="outbox-discard">
          Discard
        </button>
      </div>
      {mode === 'fix' && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            sendFix();
          }}
          data-testid="outbox-fix-form"
        >
          <select value={fix.carrier} onChange={set('carrier')} aria-label="Carrier" data-testid="fix-carrier">
            {CARRIER_CODES.map((code) => (
              <option key={code} value={code}>
                {code === 'OTHER' ? 'Other' : CARRIER_LABELS[code]}
              </option>
            ))}
          </select>
          {fix.carrier === 'OTHER' && <input value={fix.carrierName} onChange={set('carrierName')} placeholder="Carrier name" aria-label="Carrier name" />}
          <input className="mono" value={fix.trackingNumber} onChange={set('trackingNumber')} placeholder="Tracking number" aria-label="Tracking number" data-testid="fix-trackingNumber" />
          <input value={fix.trackingUrl} onChange={set('trackingUrl')} placeholder="Tracking URL" aria-label="Tracking URL" />
          <input value={fix.service} onChange={set('service')} placeholder="Service" aria-label="Service" />
          <button type="submit" className="primary" disabled={disabled} data-testid="fix-submit">
            {retry.isPending ? 'Sending…' : 'Save and retry'}
          </button>
          {Object.entries(errors.fields).map(([field, message]) => (
            <div key={field} className="field-error">
              {field}: {message}
            </div>
          ))}
        </form>
      )}
      {mode === 'discard' && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) discard.mutate({ id: entry.id, reason: reason.trim() }, { onSuccess: () => setMode('idle') });
          }}
          data-testid="outbox-discard-form"
        >
          <input value={reason} onChange={(event) => setReason(event.target.value)} placeholder="Why give it up? (required)" aria-label="Discard reason" data-testid="discard-reason" />
          <button type="submit" className="danger" disabled={disabled || reason.trim() === ''} data-testid="discard-submit">
            {discard.isPending ? 'Discarding…' : 'Discard entry'}
          </button>
        </form>
      )}
      <ViolationList violations={violations} testId="retry-violations" />
      {errors.form && <ErrorState title="Not retried" error={errors.form} />}
      {discard.isError && <ErrorState title="Not discarded" error={discard.error} />}
    </div>
  );
}
