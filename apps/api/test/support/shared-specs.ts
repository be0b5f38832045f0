import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `shared/` beside the checkout (CI always has it); tests that need it fail loudly without it. */
export const SHARED_SPECS_DIR = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'specs');

export function readSharedSpec<T = unknown>(...parts: string[]): T {
  const path = join(SHARED_SPECS_DIR, ...parts);
  if (!existsSync(path)) throw new Error(`${path} is missing: these tests read the official models from shared/specs beside the checkout`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
