import type { Channel, ChannelWarningState, LogChannelWarningInput } from '@/gql/graphql';

/** The metrics a channel warning is usually about (the compliance report's keys). */
export const WARNING_METRICS = [
  'VALID_TRACKING_RATE',
  'LATE_SHIPMENT_RATE_10D',
  'LATE_SHIPMENT_RATE_30D',
  'PRE_FULFILLMENT_CANCEL_RATE',
  'CANCELLATION_RATE',
  'ON_TIME_SHIPMENT_RATE',
  'ON_TIME_DELIVERY_RATE',
  'REFUND_RATE',
  'ACKNOWLEDGEMENT_RATE',
] as const;

function duration(seconds: number): string {
  const minutes = Math.floor(Math.abs(seconds) / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/**
 * "3 h 12 min left", "overdue by 2 h 5 min" or "answered", from the seconds left when the list was served
 * minus the time since (`elapsedMs`), so the clock keeps running between refetches.
 */
export function timeLeftLabel(
  warning: { state: ChannelWarningState; secondsLeft?: number | null },
  elapsedMs = 0,
): string {
  if (warning.state === 'ANSWERED' || warning.secondsLeft == null) return 'answered';
  const left = warning.secondsLeft - Math.floor(elapsedMs / 1000);
  return left > 0 ? `${duration(left)} left` : `overdue by ${duration(left)}`;
}

/** The state once `elapsedMs` have passed since the server said `secondsLeft` (4 h or less left is DUE_SOON). */
export function currentState(
  warning: { state: ChannelWarningState; secondsLeft?: number | null },
  elapsedMs = 0,
): ChannelWarningState {
  if (warning.state === 'ANSWERED' || warning.secondsLeft == null) return 'ANSWERED';
  const left = warning.secondsLeft - Math.floor(elapsedMs / 1000);
  return left <= 0 ? 'OVERDUE' : left <= 4 * 3600 ? 'DUE_SOON' : 'OPEN';
}

export interface WarningFormValues {
  accountId: string;
  metric: string;
  subject: string;
  /** A datetime-local value (the operator's time zone). */
  receivedAt: string;
  message: string;
}

export type WarningFormField = 'accountId' | 'metric' | 'subject' | 'receivedAt' | 'message';

/** "2026-11-24T09:05" for a datetime-local input, in the browser's time zone. */
export function datetimeLocalOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The mutation input, or the first problem per field (the server checks the same and names the field too). */
export function warningFormToInput(
  values: WarningFormValues,
  accounts: readonly { id: string; channel: Channel }[],
):
  { input: LogChannelWarningInput; errors: null } | { input: null; errors: Partial<Record<WarningFormField, string>> } {
  const errors: Partial<Record<WarningFormField, string>> = {};
  const account = accounts.find((a) => a.id === values.accountId);
  if (!account) errors.accountId = 'Choose the account that received it.';
  const received = values.receivedAt ? new Date(values.receivedAt) : null;
  if (!received || Number.isNaN(received.getTime())) errors.receivedAt = 'When was it received?';
  if (!values.message.trim()) errors.message = 'Paste the text the channel sent.';
  if (!values.metric && !values.subject.trim()) errors.subject = 'Name the metric or say what it is about.';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      channel: account!.channel,
      accountId: account!.id,
      metric: values.metric || null,
      subject: values.subject.trim() || null,
      receivedAt: received!.toISOString(),
      message: values.message.trim(),
    },
    errors: null,
  };
}

/** Server field paths to the form's inputs. */
export const WARNING_FORM_FIELDS: Readonly<Record<string, WarningFormField>> = {
  'input.accountId': 'accountId',
  'input.channel': 'accountId',
  'input.metric': 'metric',
  'input.subject': 'subject',
  'input.receivedAt': 'receivedAt',
  'input.message': 'message',
};
