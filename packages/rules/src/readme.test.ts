import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARRIER_FORMATS } from './tracking/carrier-formats';
import { VIOLATION_CODES } from './violations/catalogue';
import * as labels from './labels';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it.each(CARRIER_FORMATS.map((f) => f.id))('lists format %s in the conformance table', (id) => {
    const row = readme
      .split('\n')
      .find(
        (line) =>
          line.startsWith('| `') &&
          (line.includes(`\`${id}\``) ||
            line.includes(`\`${id.replace(/_ZIP[59]$/, '')}_ZIP5\``) ||
            line.includes(`\`${id.replace(/_1[01]$/, '')}_10\``)),
      );
    expect(row).toBeDefined();
  });
  it.each(VIOLATION_CODES)('lists violation code %s', (code) => {
    expect(readme).toContain(`\`${code}\``);
  });
  it.each(
    Object.entries(labels)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name),
  )('lists the label rule %s in the public API table', (name) => {
    expect(readme).toContain(`\`${name}(`);
  });
  it('lists the label figures with their sources', () => {
    expect(readme).toContain('## Labels');
    expect(readme).toContain('docs.easypost.com/docs/shipments/shipping-refund');
  });
});
