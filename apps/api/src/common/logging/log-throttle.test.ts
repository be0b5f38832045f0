import { LogThrottle, type Suppressed } from './log-throttle';

describe('LogThrottle', () => {
  it('writes at most N lines of one cause per minute, then one count of what it suppressed', () => {
    let now = 0;
    const throttle = new LogThrottle(3, 60_000, () => now);
    const reported: Suppressed[] = [];
    const admitted = Array.from({ length: 200 }, () => throttle.admit('UNAUTHENTICATED me', (s) => reported.push(s)));
    expect(admitted.filter(Boolean)).toHaveLength(3);
    expect(reported).toEqual([]);
    // Another cause has its own budget.
    expect(throttle.admit('NOT_FOUND order')).toBe(true);
    now = 60_000;
    expect(throttle.admit('UNAUTHENTICATED me', (s) => reported.push(s))).toBe(true);
    expect(reported).toEqual([{ cause: 'UNAUTHENTICATED me', count: 197 }]);
  });

  it('reports a flood that stopped when its minute is swept, and forgets quiet causes', () => {
    let now = 0;
    const throttle = new LogThrottle(1, 60_000, () => now);
    for (let i = 0; i < 5; i++) throttle.admit('a');
    const reported: Suppressed[] = [];
    throttle.sweep(59_999, (s) => reported.push(s));
    expect(reported).toEqual([]);
    throttle.sweep(60_000, (s) => reported.push(s));
    expect(reported).toEqual([{ cause: 'a', count: 4 }]);
    now = 60_001;
    expect(throttle.admit('a')).toBe(true);
  });

  it('keeps at most a thousand causes in memory, however many distinct ones arrive', () => {
    const throttle = new LogThrottle(1, 60_000, () => 0);
    let admitted = 0;
    for (let i = 0; i < 5_000; i++) if (throttle.admit(`cause ${i}`)) admitted++;
    // A thousand causes, then one shared bucket for the rest.
    expect(admitted).toBe(1_001);
  });

  it('0 turns the limit off', () => {
    const throttle = new LogThrottle(0);
    expect(Array.from({ length: 100 }, () => throttle.admit('x')).every(Boolean)).toBe(true);
  });
});
