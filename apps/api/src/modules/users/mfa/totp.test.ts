import { generate } from 'otplib';
import { matchTotp, newTotpSecret, normaliseTotpCode, qrSvg, totpUri } from './totp';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes';

const NOW = new Date('2026-12-03T15:00:10Z');
/** A fixed secret, so the refusal of another secret's code cannot pass or fail by chance. */
const FIXED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (offsetSeconds: number) => Math.floor(NOW.getTime() / 1000) + offsetSeconds;

describe('TOTP', () => {
  const secret = newTotpSecret();

  it('accepts the current code and those one step either side, not two', async () => {
    const step = Math.floor(at(0) / 30);
    for (const offset of [-30, 0, 30]) {
      const code = await generate({ secret, epoch: at(offset) });
      expect(await matchTotp(secret, code, null, NOW)).toBe(step + offset / 30);
    }
    for (const offset of [-60, 60]) {
      const code = await generate({ secret, epoch: at(offset) });
      expect(await matchTotp(secret, code, null, NOW)).toBeNull();
    }
  });

  it('refuses a code whose step is not after the last accepted one (no replay)', async () => {
    const code = await generate({ secret, epoch: at(0) });
    const step = (await matchTotp(secret, code, null, NOW))!;
    expect(await matchTotp(secret, code, step, NOW)).toBeNull();
    const previous = await generate({ secret, epoch: at(-30) });
    expect(await matchTotp(secret, previous, step, NOW)).toBeNull();
    const next = await generate({ secret, epoch: at(30) });
    expect(await matchTotp(secret, next, step, NOW)).toBe(step + 1);
  });

  it('refuses another secret’s code', async () => {
    const other = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const code = await generate({ secret: other, epoch: at(0) });
    expect(await matchTotp(FIXED, code, null, NOW)).toBeNull();
    expect(await matchTotp(FIXED, await generate({ secret: FIXED, epoch: at(0) }), null, NOW)).not.toBeNull();
  });

  it('reads typed codes with spaces and refuses anything but six digits', () => {
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
    expect(normaliseTotpCode('12345')).toBeNull();
    expect(normaliseTotpCode('12345a')).toBeNull();
  });

  it('writes the otpauth URI with the issuer and e-mail, and an SVG QR code of it', async () => {
    const uri = totpUri('ops@example.com', secret);
    expect(uri).toBe(`otpauth://totp/Order%20hub:ops%40example.com?secret=${secret}&issuer=Order%20hub`);
    const svg = await qrSvg(uri);
    expect(svg.startsWith('<svg')).toBe(true);
  });
});

describe('recovery codes', () => {
  it('makes ten distinct xxxx-xxxx codes whose hashes match however they are typed', () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const [i, code] of codes.entries()) {
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(recoveryCodeHash(code)).toBe(hashes[i]);
      expect(recoveryCodeHash(` ${code.toUpperCase().replace('-', ' ')} `)).toBe(hashes[i]);
    }
  });

  it('refuses text that cannot be a recovery code', () => {
    expect(recoveryCodeHash('abcd-efg')).toBeNull();
    expect(recoveryCodeHash('abcd-efg0')).toBeNull();
    expect(recoveryCodeHash('123456')).toBeNull();
  });
});
