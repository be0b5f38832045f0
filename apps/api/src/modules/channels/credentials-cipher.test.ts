import { randomBytes } from 'node:crypto';
import { CredentialsCipher } from './credentials-cipher';

describe('CredentialsCipher', () => {
  const cipher = new CredentialsCipher(randomBytes(32));
  const credentials = { clientId: 'abc', clientSecret: 's3cr3t-value' };

  it('round-trips credentials, with a fresh IV each time', () => {
    const a = cipher.encrypt(credentials);
    const b = cipher.encrypt(credentials);
    expect(a.equals(b)).toBe(false);
    expect(a.toString('utf8')).not.toContain('s3cr3t-value');
    expect(cipher.decrypt(a)).toEqual(credentials);
  });

  it('refuses a tampered ciphertext and a wrong key', () => {
    const blob = cipher.encrypt(credentials);
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => new CredentialsCipher(randomBytes(32)).decrypt(blob)).toThrow();
  });

  it('needs a 32-byte key', () => {
    expect(() => new CredentialsCipher(randomBytes(16))).toThrow(/32-byte/);
  });
});
