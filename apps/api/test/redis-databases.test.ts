import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The api's test files run two at a time (jest.config.js): a Redis database two files share would be emptied by one
// while the other's queues run in it.
test('each test file that uses Redis has database numbers no other file uses, within the 16 Redis has', () => {
  const owners = new Map<number, string[]>();
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.ts'))) {
    const code = readFileSync(join(__dirname, file), 'utf8');
    const numbers = [
      ...[...code.matchAll(/freshRedis\((\d+)\)/g)].map((m) => Number(m[1])),
      ...[...code.matchAll(/startDriverApp\([^;]*?,\s*(\d+),?\s*\)/gs)].map((m) => Number(m[1])),
    ];
    for (const n of new Set(numbers)) owners.set(n, [...(owners.get(n) ?? []), file]);
  }
  expect(owners.size).toBeGreaterThanOrEqual(12);
  const shared = [...owners].filter(([, files]) => files.length > 1);
  expect(shared).toEqual([]);
  expect([...owners.keys()].every((n) => n >= 0 && n <= 15)).toBe(true);
});
