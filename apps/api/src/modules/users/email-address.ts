import { BadUserInputError } from 'src/common/errors/app-error';

/** One account per address whatever its case or surrounding spaces. */
export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A deliverable-looking address: one `@`, a local part, a domain with a dot, no spaces, at most 320 characters.
 * Returns it trimmed (its case kept, as typed); throws naming `field` otherwise.
 */
export function checkEmailAddress(email: string, field: string): string {
  const trimmed = email.trim();
  if (trimmed.length === 0) throw new BadUserInputError(field, 'is required.');
  if (trimmed.length > 320) throw new BadUserInputError(field, 'must be at most 320 characters.');
  if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(trimmed)) {
    throw new BadUserInputError(field, `must be an e-mail address such as name@example.com (got "${trimmed}").`);
  }
  return trimmed;
}

/** A person's name as shown in the console: 1 to 120 characters once trimmed. */
export function checkPersonName(name: string, field: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 120) throw new BadUserInputError(field, 'must be 1 to 120 characters.');
  return trimmed;
}
