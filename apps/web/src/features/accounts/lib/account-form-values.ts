import { channelProfile } from '@order-hub/rules/channels';
import { CHANNELS } from '@order-hub/types';
import type {
  Channel,
  ChannelCredentialsInput,
  ChannelEnvironment,
  CreateChannelAccountInput,
  UpdateChannelAccountInput,
} from '@/gql/graphql';
import type { ChannelAccountRow } from '../api/accounts.graphql';

/** What the account form holds: strings as typed, secrets included (never pre-filled). */
export interface AccountFormValues {
  channel: Channel;
  name: string;
  environment: ChannelEnvironment;
  baseUrl: string;
  marketplace: string;
  timeZone: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  sellerId: string;
  lwaEndpoint: string;
  /** Confirm shipments to the channel only after the first carrier scan (or the deadline before ship-by). */
  holdTrackingUntilScan: boolean;
}

export type AccountFormField = keyof AccountFormValues;
export type AccountTextField = Exclude<AccountFormField, 'holdTrackingUntilScan'>;

/** Where the api's `extensions.field` points in this form (both mutations name their input `input`). */
export const ACCOUNT_INPUT_PATHS: Readonly<Record<string, AccountFormField>> = {
  'input.channel': 'channel',
  'input.name': 'name',
  'input.environment': 'environment',
  'input.baseUrl': 'baseUrl',
  'input.marketplace': 'marketplace',
  'input.timeZone': 'timeZone',
  'input.credentials.clientId': 'clientId',
  'input.credentials.clientSecret': 'clientSecret',
  'input.credentials.refreshToken': 'refreshToken',
  'input.credentials.sellerId': 'sellerId',
  'input.credentials.lwaEndpoint': 'lwaEndpoint',
  'input.holdTrackingUntilScan': 'holdTrackingUntilScan',
};

const NO_CREDENTIALS = { clientId: '', clientSecret: '', refreshToken: '', sellerId: '', lwaEndpoint: '' };

export function newAccountValues(channel: Channel = CHANNELS[0]): AccountFormValues {
  return {
    channel,
    name: '',
    environment: 'PRODUCTION',
    baseUrl: '',
    marketplace: '',
    timeZone: '',
    ...NO_CREDENTIALS,
    holdTrackingUntilScan: false,
  };
}

/** An existing account in the form: its settings as stored, the credentials empty (they are write-only). */
export function accountValues(account: ChannelAccountRow): AccountFormValues {
  const { channel, name, environment, baseUrl, marketplace, timeZone, holdTrackingUntilScan } = account;
  return { channel, name, environment, baseUrl, marketplace, timeZone, ...NO_CREDENTIALS, holdTrackingUntilScan };
}

/** The channel's credentials the user filled in, trimmed; other channels' fields are left out. */
function filledCredentials(values: AccountFormValues): ChannelCredentialsInput {
  const credentials: ChannelCredentialsInput = {};
  for (const { field } of channelProfile(values.channel).credentials) {
    const value = values[field].trim();
    if (value) credentials[field] = value;
  }
  return credentials;
}

/**
 * The create input: empty optional settings are left out so the api applies its defaults, and empty
 * credentials too, so the api names the missing one (`input.credentials.refreshToken`).
 */
export function toCreateInput(values: AccountFormValues): CreateChannelAccountInput {
  const optional = (value: string) => value.trim() || undefined;
  const input: CreateChannelAccountInput = {
    channel: values.channel,
    name: values.name.trim(),
    environment: values.environment,
    credentials: filledCredentials(values),
  };
  const baseUrl = optional(values.baseUrl);
  const marketplace = optional(values.marketplace);
  const timeZone = optional(values.timeZone);
  if (baseUrl) input.baseUrl = baseUrl;
  if (marketplace) input.marketplace = marketplace;
  if (timeZone) input.timeZone = timeZone;
  return input;
}

/**
 * The update input: only the settings that changed, and `credentials` only when the user typed some,
 * since credentials replace the stored ones whole and leaving them empty means "keep them".
 */
export function toUpdateInput(values: AccountFormValues, account: ChannelAccountRow): UpdateChannelAccountInput {
  const input: UpdateChannelAccountInput = {};
  for (const field of ['name', 'baseUrl', 'marketplace', 'timeZone'] as const) {
    const value = values[field].trim();
    if (value !== account[field]) input[field] = value;
  }
  if (values.environment !== account.environment) input.environment = values.environment;
  if (values.holdTrackingUntilScan !== account.holdTrackingUntilScan) {
    input.holdTrackingUntilScan = values.holdTrackingUntilScan;
  }
  const credentials = filledCredentials(values);
  if (Object.keys(credentials).length > 0) input.credentials = credentials;
  return input;
}
