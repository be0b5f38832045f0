import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'benchmarks.md');
const TITLE = '# Benchmarks\n\nFigures written by `npm run bench`; each section is replaced by its own script.\n';

/** Replaces (or appends) one `## heading` section of docs/benchmarks.md, keeping the others. */
export function writeBenchmarkSection(heading: string, body: string): void {
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : TITLE;
  const sections = current.split(/^(?=## )/m);
  const section = `## ${heading}\n\n${body.trim()}\n\n`;
  const index = sections.findIndex((s) => s.startsWith(`## ${heading}\n`));
  if (index >= 0) sections[index] = section;
  else sections.push(section);
  writeFileSync(DOC, `${sections.map((s) => s.trim()).join('\n\n')}\n`);
}
