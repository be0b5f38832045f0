import { randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { BadUserInputError } from 'src/common/errors/app-error';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** OWASP's argon2id baseline (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** An argon2id PHC string (salted, parameters inside). */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2_OPTIONS);
}

/** Whether `plain` matches the PHC string; false (not an exception) for a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

/** A hash of a random password made with the same parameters, computed once: see `verifyWithoutUser`. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no user ${randomBytes(16).toString('hex')}`);
  return dummyHash;
}

/**
 * Spends the same time as checking a real account's password, so an unknown or unusable e-mail cannot be told
 * from a wrong password by how long the answer takes. Always false.
 */
export async function verifyWithoutUser(plain: string): Promise<false> {
  await verifyPassword(await dummyPasswordHash(), plain);
  return false;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    COMMON_PASSWORDS.split('\n')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/**
 * The password rules (NIST SP 800-63B: length and a blocklist, no composition rules): 12 to 128 characters, not a
 * common password (also with digits and symbols added around it, or repeated: "Password2024!", "qwertyqwerty"),
 * and not containing the e-mail's local part. Throws BadUserInputError naming `field`.
 */
export function checkPasswordRules(plain: string, field: string, email?: string): void {
  const length = [...plain].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new BadUserInputError(field, `must be at least ${PASSWORD_MIN_LENGTH} characters (got ${length}).`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new BadUserInputError(field, `must be at most ${PASSWORD_MAX_LENGTH} characters (got ${length}).`);
  }
  if (isCommonPassword(plain)) {
    throw new BadUserInputError(field, 'is one of the most common passwords: choose a less guessable one.');
  }
  const local = email?.split('@')[0]?.trim().toLowerCase() ?? '';
  if (local.length >= 3 && plain.toLowerCase().includes(local)) {
    throw new BadUserInputError(field, 'must not contain your e-mail address: choose something else.');
  }
  if (new Set(plain).size < 4) {
    throw new BadUserInputError(field, 'must use more than 3 different characters.');
  }
}

export function isCommonPassword(plain: string): boolean {
  const list = commonPasswords();
  const lower = plain.toLowerCase();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  if (core.length >= 4 && list.has(core)) return true;
  if (/^\d+$/.test(lower) && list.has(lower.slice(0, 6))) return true;
  return isRepeated(lower, list);
}

/** One common word or number said again and again ("qwertyqwerty", "123123123123"). */
function isRepeated(lower: string, list: Set<string>): boolean {
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size !== 0) continue;
    const unit = lower.slice(0, size);
    if (unit.repeat(lower.length / size) === lower && (size < 4 || list.has(unit))) return true;
  }
  return false;
}
