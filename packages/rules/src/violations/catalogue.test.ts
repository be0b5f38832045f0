import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasBlocking, VIOLATION_CATALOGUE, VIOLATION_CODES, violation } from './catalogue';

const SRC = join(__dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const sources = files(SRC).filter((f) => f.endsWith('.ts'));
const tests = sources
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const code = sources.filter((f) => !f.endsWith('.test.ts'));

describe('violation catalogue', () => {
  it.each(VIOLATION_CODES)('%s is stable SCREAMING_SNAKE, described, and expected by a test', (c) => {
    expect(c).toMatch(/^[A-Z]+(_[A-Z]+)+$/);
    expect(['BLOCK', 'WARN']).toContain(VIOLATION_CATALOGUE[c].severity);
    expect(VIOLATION_CATALOGUE[c].description).toMatch(/^[A-Z].*\.$/);
    const mentions = tests.split(`'${c}`).length - 1;
    expect({ code: c, expectedByTests: mentions > 0 }).toEqual({ code: c, expectedByTests: true });
  });

  it('builds violations with the catalogue severity', () => {
    expect(violation('TRACKING_MATCHES_LISTED_CARRIER', 'trackingNumber', 'x.')).toEqual({
      code: 'TRACKING_MATCHES_LISTED_CARRIER',
      severity: 'WARN',
      field: 'trackingNumber',
      message: 'x.',
    });
    expect(hasBlocking([violation('CARRIER_NOT_INTEGRATED', 'carrierName', 'x.')])).toBe(false);
    expect(hasBlocking([violation('TRACKING_REQUIRED', 'trackingNumber', 'x.')])).toBe(true);
  });

  // The console runs this package in the browser.
  it.each(code.map((f) => [f.slice(SRC.length + 1), f]))('%s uses no Node-only module or global', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/from '(node:|fs|path|crypto|os|util|buffer)'|require\(|process\.|Buffer\b|__dirname/);
  });
});
