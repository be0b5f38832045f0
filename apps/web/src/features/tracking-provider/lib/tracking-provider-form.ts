import type { UpdateTrackingProviderInput } from '@/gql/graphql';
import type { TrackingProviderView } from '../api/tracking-provider.graphql';

/** A write-only secret in the form: kept as stored, replaced by what was typed, or cleared. */
export type SecretEdit = { mode: 'keep' } | { mode: 'replace'; value: string } | { mode: 'clear' };

export interface TrackingProviderFormValues {
  enabled: boolean;
  baseUrl: string;
  apiKey: SecretEdit;
  webhookSecret: SecretEdit;
}

export type TrackingProviderField = 'enabled' | 'baseUrl' | 'apiKey' | 'webhookSecret';

/** Where the api's `extensions.field` points in this form. */
export const TRACKING_PROVIDER_INPUT_PATHS: Readonly<Record<string, TrackingProviderField>> = {
  'input.enabled': 'enabled',
  'input.baseUrl': 'baseUrl',
  'input.apiKey': 'apiKey',
  'input.webhookSecret': 'webhookSecret',
};

export function trackingProviderValues(settings: TrackingProviderView): TrackingProviderFormValues {
  return {
    enabled: settings.enabled,
    baseUrl: settings.baseUrl,
    apiKey: { mode: 'keep' },
    webhookSecret: { mode: 'keep' },
  };
}

function secretInput(edit: SecretEdit): string | undefined {
  switch (edit.mode) {
    case 'keep':
      return undefined;
    case 'clear':
      return '';
    case 'replace':
      // An empty replacement would clear the secret: the api refuses to clear by accident, so keep it instead.
      return edit.value.trim() || undefined;
  }
}

/** Only what changed: an absent field stays as stored, "" clears a secret. */
export function toUpdateTrackingProviderInput(
  values: TrackingProviderFormValues,
  settings: TrackingProviderView,
): UpdateTrackingProviderInput {
  const input: UpdateTrackingProviderInput = {};
  if (values.enabled !== settings.enabled) input.enabled = values.enabled;
  const baseUrl = values.baseUrl.trim();
  if (baseUrl !== settings.baseUrl) input.baseUrl = baseUrl;
  const apiKey = secretInput(values.apiKey);
  if (apiKey !== undefined) input.apiKey = apiKey;
  const webhookSecret = secretInput(values.webhookSecret);
  if (webhookSecret !== undefined) input.webhookSecret = webhookSecret;
  return input;
}

/** The address to give EasyPost for its webhooks: this console's origin and the api's webhook path. */
export function webhookUrl(origin: string, webhookPath: string): string {
  return `${origin.replace(/\/+$/, '')}/${webhookPath.replace(/^\/+/, '')}`;
}
