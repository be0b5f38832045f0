import type { TrackingProviderView } from '../api/tracking-provider.graphql';
import { toUpdateTrackingProviderInput, trackingProviderValues, webhookUrl } from './tracking-provider-form';

const stored: TrackingProviderView = {
  provider: 'EasyPost',
  enabled: true,
  baseUrl: 'https://api.easypost.com/v2/',
  hasApiKey: true,
  hasWebhookSecret: false,
  webhookPath: '/webhooks/easypost',
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
};

test('an untouched form changes nothing: the stored secrets are kept', () => {
  expect(toUpdateTrackingProviderInput(trackingProviderValues(stored), stored)).toEqual({});
});

test('sends what changed: on/off, the base URL trimmed, a replaced secret, a cleared one as ""', () => {
  const values = {
    enabled: false,
    baseUrl: ' http://127.0.0.1:4010/easypost/v2/ ',
    apiKey: { mode: 'clear' as const },
    webhookSecret: { mode: 'replace' as const, value: ' whsec ' },
  };
  expect(toUpdateTrackingProviderInput(values, stored)).toEqual({
    enabled: false,
    baseUrl: 'http://127.0.0.1:4010/easypost/v2/',
    apiKey: '',
    webhookSecret: 'whsec',
  });
});

test('"Replace" left empty keeps the stored secret instead of clearing it by accident', () => {
  const values = { ...trackingProviderValues(stored), apiKey: { mode: 'replace' as const, value: '  ' } };
  expect(toUpdateTrackingProviderInput(values, stored)).toEqual({});
});

test('the webhook URL to give EasyPost is this origin and the api’s path', () => {
  expect(webhookUrl('https://hub.example.com', '/webhooks/easypost')).toBe('https://hub.example.com/webhooks/easypost');
  expect(webhookUrl('http://127.0.0.1:3000/', 'webhooks/easypost')).toBe('http://127.0.0.1:3000/webhooks/easypost');
});
