import { safeHttpUrl } from '@order-hub/rules';
import type { Channel, NotificationMode } from '@order-hub/types';
import type { NotificationRuleView, Severity } from './notification-views';

/** What the rule form holds, as typed. */
export interface RuleFormValues {
  name: string;
  enabled: boolean;
  kinds: string[];
  minSeverity: Severity;
  channel: Channel | '';
  accountId: string;
  emails: string;
  userIds: string[];
  webhookUrl: string;
  mode: NotificationMode;
  digestHour: string;
  quietFrom: string;
  quietTo: string;
  timeZone: string;
}

export type RuleFormField = keyof RuleFormValues;

export const RULE_INPUT_PATHS: Readonly<Record<string, RuleFormField>> = Object.fromEntries(
  (
    [
      'name',
      'enabled',
      'kinds',
      'minSeverity',
      'channel',
      'accountId',
      'emails',
      'userIds',
      'webhookUrl',
      'mode',
      'digestHour',
      'quietFrom',
      'quietTo',
      'timeZone',
    ] as const
  ).flatMap((field) => [
    [`input.${field}`, field],
    [field, field],
  ]),
);

export function newRuleValues(timeZone: string): RuleFormValues {
  return {
    name: '',
    enabled: true,
    kinds: [],
    minSeverity: 'HIGH',
    channel: '',
    accountId: '',
    emails: '',
    userIds: [],
    webhookUrl: '',
    mode: 'IMMEDIATE',
    digestHour: '8',
    quietFrom: '',
    quietTo: '',
    timeZone,
  };
}

export function ruleValues(rule: NotificationRuleView): RuleFormValues {
  return {
    name: rule.name,
    enabled: rule.enabled,
    kinds: [...rule.kinds],
    minSeverity: rule.minSeverity,
    channel: rule.channel ?? '',
    accountId: rule.accountId ?? '',
    emails: rule.emails.join(', '),
    userIds: [...rule.userIds],
    webhookUrl: rule.webhookUrl ?? '',
    mode: rule.mode,
    digestHour: String(rule.digestHour),
    quietFrom: rule.quietFrom ?? '',
    quietTo: rule.quietTo ?? '',
    timeZone: rule.timeZone,
  };
}

/** The addresses typed, one per comma, semicolon, space or line. */
export function emailList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What the browser can say before the server does (which checks again, and checks the URL it would call). */
export function checkRuleValues(values: RuleFormValues): Partial<Record<RuleFormField, string>> {
  const errors: Partial<Record<RuleFormField, string>> = {};
  if (!values.name.trim()) errors.name = 'Give the rule a name, e.g. Late shipments to the warehouse lead.';
  const bad = emailList(values.emails).filter((address) => !EMAIL.test(address));
  if (bad.length > 0) errors.emails = `Not an e-mail address: ${bad.join(', ')}.`;
  const url = values.webhookUrl.trim();
  if (url && safeHttpUrl(url) === null)
    errors.webhookUrl =
      'A webhook URL starts with https:// and names a host, e.g. https://hooks.example.com/order-hub.';
  else if (url && values.mode === 'DAILY_DIGEST')
    errors.webhookUrl = 'A webhook gets each alert as it opens: the daily digest goes by e-mail only.';
  if (emailList(values.emails).length === 0 && values.userIds.length === 0 && !url)
    errors.emails = 'Say who hears of it: people, e-mail addresses or a webhook URL.';
  if (values.mode === 'DAILY_DIGEST') {
    const hour = Number(values.digestHour);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) errors.digestHour = 'The digest hour is from 0 to 23.';
  }
  if (values.quietFrom || values.quietTo) {
    if (!TIME.test(values.quietFrom)) errors.quietFrom = 'Quiet hours start at a time like 22:00.';
    if (!TIME.test(values.quietTo)) errors.quietTo = 'Quiet hours end at a time like 07:00.';
    if (values.quietFrom && values.quietFrom === values.quietTo)
      errors.quietTo = 'Quiet hours end at another time than they start.';
  }
  if (!values.timeZone.trim()) errors.timeZone = 'The time zone the hours are in, e.g. America/New_York.';
  return errors;
}

export interface RuleInputValues {
  name: string;
  enabled: boolean;
  kinds: string[];
  minSeverity: Severity;
  channel: Channel | null;
  accountId: string | null;
  emails: string[];
  userIds: string[];
  webhookUrl: string | null;
  mode: NotificationMode;
  digestHour: number;
  quietFrom: string | null;
  quietTo: string | null;
  timeZone: string;
}

export function toRuleInput(values: RuleFormValues): RuleInputValues {
  return {
    name: values.name.trim(),
    enabled: values.enabled,
    kinds: values.kinds,
    minSeverity: values.minSeverity,
    channel: values.channel || null,
    accountId: values.accountId || null,
    emails: emailList(values.emails),
    userIds: values.userIds,
    webhookUrl: values.webhookUrl.trim() || null,
    mode: values.mode,
    digestHour: Number(values.digestHour),
    quietFrom: values.quietFrom || null,
    quietTo: values.quietTo || null,
    timeZone: values.timeZone.trim(),
  };
}
