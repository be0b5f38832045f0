/** The marketplaces the hub connects to. */
export const Channel = {
  WALMART: 'WALMART',
  AMAZON: 'AMAZON',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
export const CHANNELS: readonly Channel[] = Object.values(Channel);

/** Whether an account talks to the channel's sandbox (or the hub's simulator) or to production. */
export const ChannelEnvironment = {
  SANDBOX: 'SANDBOX',
  PRODUCTION: 'PRODUCTION',
} as const;
export type ChannelEnvironment = (typeof ChannelEnvironment)[keyof typeof ChannelEnvironment];

export interface ChannelAccountSummary {
  id: string;
  channel: Channel;
  name: string;
  /** Walmart market code (`US`) or Amazon marketplace id (`ATVPDKIKX0DER`). */
  marketplace: string;
  environment: ChannelEnvironment;
  baseUrl: string;
  /** IANA time zone the seller's day is counted in (due-today, cut-offs). */
  timeZone: string;
}
