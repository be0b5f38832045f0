import { createHash, randomInt } from 'node:crypto';

/** Lower-case letters and digits without the look-alikes (0/o, 1/l/i): easy to read off paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const COUNT = 10;
const HALF = 4;

/** Ten new single-use codes `xxxx-xxxx` (about 40 bits each) and the SHA-256 hashes kept in their place. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: COUNT }, () => `${randomChars(HALF)}-${randomChars(HALF)}`);
  return { codes, hashes: codes.map((code) => sha256(code.replace('-', ''))) };
}

/** The stored hash a typed code would have ("ABCD EFGH", "abcd-efgh"), or null when it cannot be a recovery code. */
export function recoveryCodeHash(typed: string): string | null {
  const plain = typed.toLowerCase().replace(/[\s-]+/g, '');
  if (plain.length !== HALF * 2 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return sha256(plain);
}

function randomChars(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
