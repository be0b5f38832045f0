import { POLICY_TABLE, PolicyNotFoundError, policyFor } from './policy-table';

describe('policyFor', () => {
  it.each([
    ['WALMART', '2023-03-15T12:00:00Z', 'walmart-2023-01', 6],
    ['WALMART', '2023-06-05T23:59:59Z', 'walmart-2023-01', 6],
    ['WALMART', '2023-06-06T00:00:00Z', 'walmart-2023-06-06', 4],
    ['WALMART', '2026-11-22T00:00:00Z', 'walmart-2023-06-06', 4],
    ['AMAZON', '2026-11-22T00:00:00Z', 'amazon-2020-09-30', 7],
  ] as const)('%s on %s is %s (auto-cancel after %i days)', (channel, iso, version, days) => {
    const policy = policyFor(channel, 'US', new Date(iso));
    expect(policy.version).toBe(version);
    expect(policy.autoCancel?.days).toBe(days);
  });

  it('refuses a date before any version of the channel', () => {
    expect(() => policyFor('WALMART', 'US', new Date('2019-01-01T00:00:00Z'))).toThrow(PolicyNotFoundError);
  });

  it('keeps a source on every version and unique version ids', () => {
    for (const policy of POLICY_TABLE) expect(policy.sources.length).toBeGreaterThan(0);
    expect(new Set(POLICY_TABLE.map((p) => p.version)).size).toBe(POLICY_TABLE.length);
  });
});
