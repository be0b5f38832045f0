import type { RoutingRuleInput } from '@/gql/graphql';
import { GraphQLRequestError } from '@/lib/graphql-client';
import type { RoutingRuleView } from '../api/routing.graphql';

/** What the rule form holds, as typed. */
export interface RuleFormValues {
  name: string;
  accountId: string;
  mcfAccountId: string;
  priority: string;
  /** Exact SKUs, separated by commas or new lines. */
  skus: string;
  skuPattern: string;
  /** ISO alpha-2 codes, separated by commas, spaces or new lines. */
  countries: string;
  requireStock: boolean;
  applyOnImport: boolean;
  enabled: boolean;
}

export type RuleFormField = 'name' | 'accountId' | 'mcfAccountId' | 'priority' | 'skus' | 'skuPattern' | 'countries';

/** `extensions.field` of a BAD_USER_INPUT → the input it names. */
export const RULE_INPUT_PATHS: Readonly<Record<string, RuleFormField>> = {
  'input.name': 'name',
  'input.accountId': 'accountId',
  'input.mcfAccountId': 'mcfAccountId',
  'input.priority': 'priority',
  'input.skus': 'skus',
  'input.skuPattern': 'skuPattern',
  'input.countries': 'countries',
};

export const EMPTY_RULE_FORM: RuleFormValues = {
  name: '',
  accountId: '',
  mcfAccountId: '',
  priority: '100',
  skus: '',
  skuPattern: '',
  countries: '',
  requireStock: true,
  applyOnImport: true,
  enabled: true,
};

/** "A, B\nC,,  D " → ["A", "B", "C", "D"]: split on commas and new lines, trimmed, empties and repeats dropped. */
export function parseSkuList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n\r]+/)
        .map((sku) => sku.trim())
        .filter((sku) => sku !== ''),
    ),
  ];
}

/** "us ca\nmx" → ["US", "CA", "MX"]: also spaces, since country codes never contain one. */
export function parseCountryList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((code) => code.trim().toUpperCase())
        .filter((code) => code !== ''),
    ),
  ];
}

/**
 * The `RoutingRuleInput` for save and preview. An empty priority is the default 100; localRuleErrors
 * refuses one that is not a whole number before anything is sent.
 */
export function toRoutingRuleInput(values: RuleFormValues): RoutingRuleInput {
  const priority = values.priority.trim() === '' ? 100 : Number(values.priority);
  const pattern = values.skuPattern.trim();
  return {
    name: values.name.trim(),
    accountId: values.accountId,
    mcfAccountId: values.mcfAccountId,
    priority: Number.isFinite(priority) ? Math.trunc(priority) : 100,
    skus: parseSkuList(values.skus),
    skuPattern: pattern === '' ? null : pattern,
    countries: parseCountryList(values.countries),
    requireStock: values.requireStock,
    applyOnImport: values.applyOnImport,
    enabled: values.enabled,
  };
}

/** A saved rule back into the form, SKUs one a line. */
export function ruleFormValuesOf(rule: RoutingRuleView): RuleFormValues {
  return {
    name: rule.name,
    accountId: rule.accountId,
    mcfAccountId: rule.mcfAccountId,
    priority: String(rule.priority),
    skus: rule.skus.join('\n'),
    skuPattern: rule.skuPattern ?? '',
    countries: rule.countries.join(', '),
    requireStock: rule.requireStock,
    applyOnImport: rule.applyOnImport,
    enabled: rule.enabled,
  };
}

/** Problems the browser can see before asking the server (which checks everything again). */
export function localRuleErrors(values: RuleFormValues): Partial<Record<RuleFormField, string>> {
  const errors: Partial<Record<RuleFormField, string>> = {};
  if (values.name.trim() === '') errors.name = 'Give the rule a name.';
  if (values.accountId === '') errors.accountId = 'Choose the Walmart account whose orders it routes.';
  if (values.mcfAccountId === '') errors.mcfAccountId = 'Choose the Amazon account whose MCF stock fulfils them.';
  if (values.priority.trim() !== '' && !/^-?\d+$/.test(values.priority.trim()))
    errors.priority = 'A whole number; lower runs first.';
  const badCountry = parseCountryList(values.countries).find((code) => !/^[A-Z]{2}$/.test(code));
  if (badCountry) errors.countries = `${badCountry} is not a two-letter country code.`;
  return errors;
}

/**
 * The same error with list positions dropped from `extensions.field` (`input.countries[1]` → `input.countries`):
 * the form has one input per list, so a message about one entry belongs beside it.
 */
export function withListFields(error: unknown): unknown {
  if (!(error instanceof GraphQLRequestError)) return error;
  const errors = error.errors.map((payload) => {
    const field = payload.extensions?.field ?? '';
    const entry = /^(.*)\[(\d+)\]$/.exec(field);
    if (!entry) return payload;
    const list = entry[1] ?? field;
    const position = Number(entry[2]) + 1;
    const message = payload.message.startsWith(`${field}: `)
      ? `entry ${position}: ${payload.message.slice(field.length + 2)}`
      : payload.message;
    return { ...payload, message, extensions: { ...payload.extensions, field: list } };
  });
  return new GraphQLRequestError(error.message, error.code, errors);
}
