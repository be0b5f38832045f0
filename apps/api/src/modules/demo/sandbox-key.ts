import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the demo keeps its sandbox's control API key: `<DATA_DIR>/sandbox-key`. */
export function sandboxKeyFile(dataDir: string): string {
  return join(dataDir, 'sandbox-key');
}

/**
 * The key the demo's sandbox asks of every control API call (header `x-sandbox-key`): generated once into the data
 * directory (mode 600, like the admin token), so it stays the same across restarts and only the hub's OS user can
 * read it.
 */
export function demoSandboxKey(dataDir: string): string {
  return keptSecret(sandboxKeyFile(dataDir));
}

/**
 * The secret the demo's sandbox signs its EasyPost webhooks with and the hub checks them against: kept in
 * `<DATA_DIR>/easypost-webhook-secret` (mode 600), since the sandbox keeps its webhook registration across restarts.
 */
export function demoEasyPostWebhookSecret(dataDir: string): string {
  return keptSecret(join(dataDir, 'easypost-webhook-secret'));
}

function keptSecret(file: string): string {
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) {
      chmodSync(file, 0o600);
      return stored;
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
