import type { RoutingRuleEntity } from './routing-rule.entity';

export interface RoutableOrder {
  countryCode: string | null;
  skus: string[];
}

/** Longest `skuPattern` a rule may have (the matcher is linear-time anyway; this keeps rules readable). */
export const SKU_PATTERN_MAX_LENGTH = 200;

/**
 * `MUG-*` style globs: `*` any run of characters, `?` one; everything else literal, case-insensitive.
 *
 * Matched by the two-pointer wildcard walk (on a mismatch, go back to the last `*` and let it swallow one more
 * character) instead of a RegExp: a regex built from `*` → `.*` backtracks exponentially on patterns such as
 * `*a*a*a…b` (18 stars took 18 s and blocked the process). This walk never revisits a star once it has moved past
 * it, so it takes at most pattern length × SKU length steps.
 */
export function globMatches(glob: string, text: string): boolean {
  return compileGlob(glob)(text);
}

/** Compiles a glob once into a matcher, for testing many SKUs against one rule. */
export function compileGlob(glob: string): (text: string) => boolean {
  const pattern = fold(glob.replace(/\*{2,}/g, '*'));
  return (text) => wildcardMatch(pattern, fold(text));
}

/** Code points, each lower-cased, so `?` is one character (not one UTF-16 unit) and case does not matter. */
function fold(value: string): string[] {
  return Array.from(value, (c) => c.toLowerCase());
}

function wildcardMatch(p: string[], s: string[]): boolean {
  let pi = 0;
  let si = 0;
  let star = -1; // position of the last `*` seen in p
  let resume = 0; // where in s that star's run currently ends
  while (si < s.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === s[si]))) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = si;
    } else if (star >= 0) {
      pi = star + 1;
      si = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
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
    const matches = compileGlob(rule.skuPattern);
    if (!order.skus.every(matches)) return false;
  }
  return true;
}
