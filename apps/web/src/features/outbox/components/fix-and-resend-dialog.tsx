import { useState } from 'react';
import { channelLabel } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { ErrorState } from '@/components/error-state';
import type { OutboxFixInput } from '@/gql/graphql';
import { formErrorsOf } from '@/lib/field-errors';
import { Dialog } from '@/components/dialog';
import { TrackingFields } from '@/features/actions/components/tracking-fields';
import { ViolationList } from '@/features/actions/components/violation-list';
import { cancellationReasons, refundReasons } from '@/features/actions/lib/line-actions';
import { violationsOfError, type ViolationLike } from '@/features/actions/lib/violation-fields';
import type { OutboxEntryView } from '@/features/shared/api/outbox-entry.graphql';
import { useRetryOutboxEntry } from '../api/outbox.hooks';
import { fixFormOf, fixKindOf, operationLabel, refusalWords, type FixForm } from '../lib/outbox-format';

/** Where a BAD_USER_INPUT names a field of the fix, the message goes beside that input. */
const FIX_INPUTS = {
  'fix.carrier': 'carrier',
  'fix.carrierName': 'carrierName',
  'fix.trackingNumber': 'trackingNumber',
  'fix.trackingUrl': 'trackingUrl',
  'fix.service': 'service',
  'fix.reason': 'reason',
} as const;

interface FixAndResendDialogProps {
  entry: Pick<OutboxEntryView, 'id' | 'operation' | 'payload' | 'channel' | 'lastError' | 'refusal'>;
  onClose: () => void;
}

/**
 * Corrects what the channel refused — carrier, tracking, ship method, the buyer's-cancel override, or the reason —
 * and sends it again. The server runs the channel's rules on the fix; what they block is shown beside its input.
 */
export function FixAndResendDialog({ entry, onClose }: FixAndResendDialogProps) {
  const kind = fixKindOf(entry.operation);
  const [form, setForm] = useState<FixForm>(() => fixFormOf(entry.payload));
  const retry = useRetryOutboxEntry();
  const violations = violationsOfError(retry.error);
  const errors = formErrorsOf(violations.length > 0 ? null : retry.error, FIX_INPUTS);
  const byField = groupByFixField(violations);
  const fieldErrors: Record<string, ViolationLike[]> = Object.fromEntries(
    Object.entries(errors.fields).map(([field, message]) => [field, [inputError(field, message)]]),
  );
  const message = entry.refusal ?? entry.lastError;

  const change = (patch: Partial<FixForm>) => {
    if (retry.isError) retry.reset();
    setForm((current) => ({ ...current, ...patch }));
  };
  const submit = () => retry.mutate({ id: entry.id, fix: fixInputOf(kind, form) }, { onSuccess: onClose });

  return (
    <Dialog
      title={`Fix and resend ${operationLabel(entry.operation).toLowerCase()}`}
      testId="fix-resend-dialog"
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {message && (
          <p className="refusal-message" data-testid="fix-resend-refusal">
            <strong>{channelLabel(entry.channel)} refused it:</strong>{' '}
            <span title={message}>{refusalWords(message)}</span>
          </p>
        )}
        <div className="form-grid">
          {kind === 'shipment' && (
            <TrackingFields
              channel={entry.channel}
              values={form}
              onChange={change}
              violations={{ ...fieldErrors, ...byField }}
            />
          )}
          {kind === 'reason' && (
            <label className="field">
              <span>Reason</span>
              <select
                value={form.reason}
                onChange={(event) => change({ reason: event.target.value })}
                aria-invalid={Boolean(byField.reason ?? fieldErrors.reason)}
                autoFocus
                data-testid="field-reason"
              >
                {reasonsFor(entry.operation, entry.channel, form.reason).map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
              <ViolationList
                violations={[...(byField.reason ?? []), ...(fieldErrors.reason ?? [])]}
                testId="violations-reason"
              />
            </label>
          )}
        </div>
        {kind === 'shipment' && entry.operation === 'SHIP' && (
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={form.intentToCancelOverride}
              onChange={(event) => change({ intentToCancelOverride: event.target.checked })}
              data-testid="field-intentToCancelOverride"
            />
            <span>Ship even though the buyer asked to cancel</span>
          </label>
        )}
        {kind === 'none' && <p className="muted">This call is sent again as it was.</p>}
        <ViolationList violations={byField.form} testId="violations-form" />
        {errors.form && <ErrorState title="Not resent" error={errors.form} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={retry.isPending} data-testid="fix-resend-submit">
            {retry.isPending ? 'Sending…' : 'Resend'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Only the fields the call has: the server refuses a reason on a shipment, and tracking on a cancellation. */
export function fixInputOf(kind: ReturnType<typeof fixKindOf>, form: FixForm): OutboxFixInput | null {
  if (kind === 'reason') return { reason: form.reason };
  if (kind === 'none') return null;
  return {
    carrier: form.carrier,
    carrierName: form.carrier === 'OTHER' ? form.carrierName.trim() || null : null,
    trackingNumber: form.trackingNumber.trim(),
    trackingUrl: form.trackingUrl.trim() || null,
    service: form.service.trim() || null,
    intentToCancelOverride: form.intentToCancelOverride,
  };
}

/** A message the server gave for one input (BAD_USER_INPUT), shown as the rules' are. */
const inputError = (field: string, message: string | undefined): ViolationLike => ({
  code: 'INVALID',
  severity: 'BLOCK',
  field,
  message: message ?? '',
});

function groupByFixField(violations: readonly ViolationLike[]): Record<string, ViolationLike[]> {
  const grouped: Record<string, ViolationLike[]> = {};
  for (const v of violations) {
    const key = v.field.startsWith('fix.') ? v.field.slice(4) : 'form';
    (grouped[key] ??= []).push(v);
  }
  return grouped;
}

/** The channel's current reasons for the call, and the one it was sent with first even if no longer current. */
function reasonsFor(operation: OutboxEntryView['operation'], channel: Channel, current: string): string[] {
  const reasons = operation === 'REFUND' ? [...refundReasons(channel)] : cancellationReasons(channel, true);
  return current && !reasons.includes(current) ? [current, ...reasons] : reasons;
}
