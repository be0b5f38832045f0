/** Shown before anyone types; the server checks the same rules and has the last word. */
export const PASSWORD_RULES = 'At least 12 characters, and not one of the most common passwords.';
export const PASSWORD_MIN_LENGTH = 12;

export interface PasswordProblems {
  password?: string;
  confirm?: string;
}

/** What can be told before asking the server: length and a matching confirmation. */
export function passwordProblems(password: string, confirm: string): PasswordProblems {
  const problems: PasswordProblems = {};
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.password = `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (confirm !== password) problems.confirm = 'The two passwords differ.';
  return problems;
}
