import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** apps/api, found from here whether this file runs from src/ (tests) or dist/src/ (built). */
function findApiRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'tsconfig.build.json'))) return dir;
  }
  throw new Error(`apps/api not found above ${from}`);
}

export const API_ROOT = findApiRoot(__dirname);

export const HUB_VERSION: string = (
  JSON.parse(readFileSync(join(API_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
