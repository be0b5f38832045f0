import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TITLE = '# Benchmarks\n\nFigures written by `npm run bench`; each section is replaced by its own script.\n';

/** The monorepo root: the nearest folder above this file holding turbo.json. */
function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'turbo.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`No turbo.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** Replaces (or appends) one `## heading` section of docs/benchmarks.md, keeping the others. */
export function writeBenchmarkSection(heading: string, body: string): string {
  const doc = join(repoRoot(), 'docs', 'benchmarks.md');
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : TITLE;
  const sections = current.split(/^(?=## )/m);
  const section = `## ${heading}\n\n${body.trim()}\n\n`;
  const index = sections.findIndex((s) => s.startsWith(`## ${heading}\n`));
  if (index >= 0) sections[index] = section;
  else sections.push(section);
  writeFileSync(doc, `${sections.map((s) => s.trim()).join('\n\n')}\n`);
  return doc;
}
