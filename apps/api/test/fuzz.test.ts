import { runFuzz } from '../bench/fuzz';

/**
 * The CI's small version of `npm run fuzz`: 1,000 hostile requests from a fixed seed against the hub on PGlite with
 * the demo's sandbox channels. Hostile input must be refused with a code the client can act on, never INTERNAL or
 * HTTP 500. Counts only: no timing assertion (a generous per-request abort only stops a hang).
 */
describe('fuzz: 1,000 hostile requests at the edge', () => {
  it('answers none of them INTERNAL or HTTP 500, and none hangs', async () => {
    const result = await runFuzz({ requests: 1_000, seed: 14, concurrency: 2, settleMs: 0, timeoutMs: 60_000 });
    const total = Object.values(result.tally).reduce((a, b) => a + b, 0);
    expect(total).toBe(1_000);
    // Where any came from (kind, operation, one example), so a failure says what to fix.
    expect(result.failures).toEqual({});
    expect(result.internal).toBe(0);
    expect(result.http500).toBe(0);
    expect(result.timeouts).toBe(0);
    // Every answer carries a code: no GraphQL error without extensions.code, no non-JSON GraphQL answer.
    expect(Object.keys(result.tally).filter((k) => /no-code|non-json/.test(k))).toEqual([]);
  }, 600_000);
});
