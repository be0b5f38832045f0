import { checkPasswordRules, hashPassword, isCommonPassword, verifyPassword, verifyWithoutUser } from './password';

describe('passwords', () => {
  it('hashes with argon2id at the OWASP parameters and verifies only the right password', async () => {
    const hash = await hashPassword('Trombone-Lantern-93');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Trombone-Lantern-93')).toBe(true);
    expect(await verifyPassword(hash, 'trombone-lantern-93')).toBe(false);
    expect(await verifyPassword('not a hash', 'Trombone-Lantern-93')).toBe(false);
    expect(await verifyWithoutUser('Trombone-Lantern-93')).toBe(false);
  });

  it.each([
    ['Password2024!', true],
    ['qwertyqwerty', true],
    ['123456789012', true],
    ['aaaaaaaaaaaa', true],
    ['MASTERBATING', true],
    ['!!!football!!!', true],
    ['Trombone-Lantern-93', false],
    ['correct horse battery staple', false],
  ])('%s is common: %s', (password, common) => {
    expect(isCommonPassword(password)).toBe(common);
  });

  it('refuses short, long, common and e-mail-based passwords, naming the field and the rule', () => {
    const rule = (p: string, email?: string) => {
      try {
        checkPasswordRules(p, 'input.password', email);
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(rule('short-one')).toBe('input.password: must be at least 12 characters (got 9).');
    expect(rule('x'.repeat(60) + 'y'.repeat(69))).toBe('input.password: must be at most 128 characters (got 129).');
    expect(rule('Password2024!')).toBe(
      'input.password: is one of the most common passwords: choose a less guessable one.',
    );
    expect(rule('my alice.smith key', 'Alice.Smith@example.com')).toBe(
      'input.password: must not contain your e-mail address: choose something else.',
    );
    expect(rule('abababababa1')).toBe('input.password: must use more than 3 different characters.');
    expect(rule('Trombone-Lantern-93', 'alice@example.com')).toBeNull();
  });
});
