import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARRIER_FORMATS } from './tracking/carrier-formats';
import { VIOLATION_CODES } from './violations/catalogue';

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
});
