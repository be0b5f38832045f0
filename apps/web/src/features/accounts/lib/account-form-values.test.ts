import { account } from '../test/account-fixtures';
import {
  accountValues,
  newAccountValues,
  toCreateInput,
  toUpdateInput,
  type AccountFormValues,
} from './account-form-values';

const amazon: AccountFormValues = {
  ...newAccountValues('AMAZON'),
  name: '  Amazon US ',
  environment: 'SANDBOX',
  clientId: ' amzn1.client ',
  clientSecret: 'secret',
  refreshToken: 'Atzr|token',
};

describe('toCreateInput', () => {
  test('trims, and leaves empty optional settings out so the api applies its defaults', () => {
    expect(toCreateInput(amazon)).toEqual({
      channel: 'AMAZON',
      name: 'Amazon US',
      environment: 'SANDBOX',
      credentials: { clientId: 'amzn1.client', clientSecret: 'secret', refreshToken: 'Atzr|token' },
    });
  });

  test('sends the optional settings and LWA endpoint when given', () => {
    const input = toCreateInput({
      ...amazon,
      baseUrl: ' http://127.0.0.1:9/ ',
      marketplace: 'A2EUQ1WTGCTBG2',
      timeZone: 'America/Toronto',
      lwaEndpoint: 'http://127.0.0.1:9/auth/o2/token',
    });
    expect(input).toMatchObject({
      baseUrl: 'http://127.0.0.1:9/',
      marketplace: 'A2EUQ1WTGCTBG2',
      timeZone: 'America/Toronto',
    });
    expect(input.credentials.lwaEndpoint).toBe('http://127.0.0.1:9/auth/o2/token');
  });

  test('leaves a missing credential out, for the api to name it', () => {
    expect(toCreateInput({ ...amazon, refreshToken: '   ' }).credentials).toEqual({
      clientId: 'amzn1.client',
      clientSecret: 'secret',
    });
  });

  test('sends only the credentials of the chosen channel', () => {
    const walmart = toCreateInput({ ...amazon, channel: 'WALMART' });
    expect(walmart.credentials).toEqual({ clientId: 'amzn1.client', clientSecret: 'secret' });
  });
});

describe('toUpdateInput', () => {
  const stored = account();

  test('an untouched form changes nothing and keeps the stored credentials', () => {
    expect(toUpdateInput(accountValues(stored), stored)).toEqual({});
  });

  test('sends only what changed, and no credentials when they were left empty', () => {
    const values = {
      ...accountValues(stored),
      name: 'Amazon US (main)',
      environment: 'SANDBOX' as const,
      timeZone: 'America/New_York',
    };
    const input = toUpdateInput(values, stored);
    expect(input).toEqual({ name: 'Amazon US (main)', environment: 'SANDBOX', timeZone: 'America/New_York' });
    expect(input).not.toHaveProperty('credentials');
  });

  test('sends the credentials the user filled in, which replace the stored ones', () => {
    const input = toUpdateInput({ ...accountValues(stored), clientSecret: ' new-secret ' }, stored);
    expect(input).toEqual({ credentials: { clientSecret: 'new-secret' } });
  });

  test('"hold tracking until it scans" is sent only when it changes', () => {
    expect(toUpdateInput({ ...accountValues(stored), holdTrackingUntilScan: true }, stored)).toEqual({
      holdTrackingUntilScan: true,
    });
    const holding = account({ holdTrackingUntilScan: true });
    expect(toUpdateInput(accountValues(holding), holding)).toEqual({});
    expect(toUpdateInput({ ...accountValues(holding), holdTrackingUntilScan: false }, holding)).toEqual({
      holdTrackingUntilScan: false,
    });
  });

  test('an emptied setting is sent, for the api to refuse next to its input', () => {
    expect(toUpdateInput({ ...accountValues(stored), name: ' ' }, stored)).toEqual({ name: '' });
  });
});

test('an existing account fills the form without any credential', () => {
  const values = accountValues(account());
  expect(values).toMatchObject({
    channel: 'AMAZON',
    name: 'Amazon US',
    baseUrl: 'https://sellingpartnerapi-na.amazon.com',
  });
  expect([values.clientId, values.clientSecret, values.refreshToken, values.lwaEndpoint]).toEqual(['', '', '', '']);
});
