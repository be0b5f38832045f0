import { generateSecret, generateURI, verify } from 'otplib';
import { toString as qrToString } from 'qrcode';

/** What authenticator apps show as the account's issuer. */
const ISSUER = 'Order hub';
/** One 30-second step either side of now: a phone's clock a little off, or a code typed as it turned over. */
const TOLERANCE_SECONDS = 30;

/** A new base32 secret of 20 random bytes (160 bits, RFC 4226's recommendation). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** `otpauth://totp/Order%20hub:<email>?secret=…&issuer=Order%20hub`: SHA-1, 6 digits, 30 s (the apps' defaults). */
export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** The otpauth URI as an SVG QR code the console shows inline. */
export function qrSvg(uri: string): Promise<string> {
  return qrToString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** A code as people type it: "123 456" or "123456". */
export function normaliseTotpCode(code: string): string | null {
  const digits = code.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step a 6-digit code matched within ±1 step of `now`, or null. A step at or before `afterStep` (the
 * last one accepted) is refused, so a code seen once cannot be used again.
 */
export async function matchTotp(
  secret: string,
  code: string,
  afterStep: number | null,
  now: Date = new Date(),
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  // The functional verify types TOTP and HOTP results together; only TOTP's carry the step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
