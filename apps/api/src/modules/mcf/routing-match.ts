import type { RoutingRuleEntity } from './routing-rule.entity';

export interface RoutableOrder {
  countryCode: string | null;
  skus: string[];
}

/** `MUG-*` style globs: `*` any run of characters, `?` one; everything else literal, case-insensitive. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** Whether every criterion the rule sets holds for the order (stock is Amazon's to say, at routing time). */
export function routingRuleMatches(
  rule: Pick<RoutingRuleEntity, 'enabled' | 'skus' | 'skuPattern' | 'countries'>,
  order: RoutableOrder,
): boolean {
  if (!rule.enabled || order.skus.length === 0) return false;
  if (rule.countries.length && !rule.countries.some((c) => c.toUpperCase() === (order.countryCode ?? '').toUpperCase()))
    return false;
  if (rule.skus.length && !order.skus.every((s) => rule.skus.includes(s))) return false;
  if (rule.skuPattern) {
    const pattern = globToRegExp(rule.skuPattern);
    if (!order.skus.every((s) => pattern.test(s))) return false;
  }
  return true;
}
