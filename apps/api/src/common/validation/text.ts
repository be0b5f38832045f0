const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one rule every string from outside must pass before it goes further: PostgreSQL refuses U+0000 in text,
 * and a lone UTF-16 surrogate is not Unicode (it cannot be encoded as UTF-8 without loss). Returns the broken
 * rule as a message for BadUserInputError, or null when the text is fine.
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (U+0000).';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone UTF-16 surrogate).';
  return null;
}

/**
 * Walks a decoded value (JSON from a request: strings, numbers, arrays, objects) and returns the first string,
 * key included, that breaks the text rule, with its path below `root` (`input.lines.0.sku`).
 */
export function findTextProblem(value: unknown, root: string): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: root, problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findTextProblem(value[i], `${root}.${i}`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    if (keyProblem) return { field: root, problem: `has a key that ${keyProblem}` };
    const found = findTextProblem(item, `${root}.${key}`);
    if (found) return found;
  }
  return null;
}
