import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'ohk_';

/** A new secret: 256 random bits, recognisable by its prefix in logs and secret scanners. */
export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** Secrets are high-entropy, so a fast unsalted hash is enough to make a stolen table useless. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 6);
}
