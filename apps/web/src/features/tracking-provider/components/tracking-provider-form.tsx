import { useState, type FormEvent } from 'react';
import { ErrorState } from '@/components/error-state';
import { trackingProviderName } from '@/lib/carrier-format';
import { formErrorsOf } from '@/lib/field-errors';
import type { TrackingProviderView } from '../api/tracking-provider.graphql';
import { useUpdateTrackingProvider } from '../api/tracking-provider.hooks';
import {
  TRACKING_PROVIDER_INPUT_PATHS,
  toUpdateTrackingProviderInput,
  trackingProviderValues,
  type TrackingProviderFormValues,
} from '../lib/tracking-provider-form';
import { SecretField } from './secret-field';

/** The provider's settings; secrets are write-only. A failed save keeps what was typed and names the field. */
export function TrackingProviderForm({ settings }: { settings: TrackingProviderView }) {
  const update = useUpdateTrackingProvider();
  const [values, setValues] = useState<TrackingProviderFormValues>(() => trackingProviderValues(settings));
  const [saved, setSaved] = useState(false);
  const { fields, form } = formErrorsOf(update.error, TRACKING_PROVIDER_INPUT_PATHS);
  const change = (next: Partial<TrackingProviderFormValues>) => {
    setSaved(false);
    setValues((current) => ({ ...current, ...next }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toUpdateTrackingProviderInput(values, settings);
    if (Object.keys(input).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(input, {
      onSuccess: (data) => {
        setValues(trackingProviderValues(data.updateTrackingProvider));
        setSaved(true);
      },
    });
  };

  return (
    <form
      className="account-form"
      onSubmit={submit}
      noValidate
      data-testid="tracking-provider-form"
      aria-busy={update.isPending}
    >
      <fieldset disabled={update.isPending}>
        <legend>{trackingProviderName(settings.provider)}</legend>
        <div className={fields.enabled ? 'form-field invalid' : 'form-field'}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.enabled}
              onChange={(event) => change({ enabled: event.target.checked })}
              data-testid="field-enabled"
            />{' '}
            Follow every shipment at {trackingProviderName(settings.provider)}
          </label>
          <span className="hint">
            Off: the hub checks tracking numbers by format only, and every scan-based figure says “no carrier data”.
          </span>
          {fields.enabled && (
            <span className="field-error" role="alert" data-testid="field-error-enabled">
              {fields.enabled}
            </span>
          )}
        </div>
        <div className={fields.baseUrl ? 'form-field invalid' : 'form-field'}>
          <label htmlFor="tracking-baseUrl">Base URL</label>
          <input
            id="tracking-baseUrl"
            value={values.baseUrl}
            onChange={(event) => change({ baseUrl: event.target.value })}
            aria-invalid={fields.baseUrl ? true : undefined}
            aria-describedby={fields.baseUrl ? 'tracking-baseUrl-error' : undefined}
            data-testid="field-baseUrl"
          />
          <span className="hint">EasyPost’s API, ending in /v2/.</span>
          {fields.baseUrl && (
            <span className="field-error" id="tracking-baseUrl-error" role="alert" data-testid="field-error-baseUrl">
              {fields.baseUrl}
            </span>
          )}
        </div>
        <SecretField
          id="apiKey"
          label="API key"
          stored={settings.hasApiKey}
          edit={values.apiKey}
          onChange={(apiKey) => change({ apiKey })}
          error={fields.apiKey}
          hint="Stored encrypted and never shown again."
        />
        <SecretField
          id="webhookSecret"
          label="Webhook secret"
          stored={settings.hasWebhookSecret}
          edit={values.webhookSecret}
          onChange={(webhookSecret) => change({ webhookSecret })}
          error={fields.webhookSecret}
          hint="The secret you give EasyPost with the webhook URL: it signs every event it sends."
        />
      </fieldset>
      {form && <ErrorState title="Not saved" error={form} />}
      {saved && !update.isPending && (
        <p className="ok" role="status" data-testid="tracking-provider-saved">
          Saved.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={update.isPending} data-testid="tracking-provider-save">
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
