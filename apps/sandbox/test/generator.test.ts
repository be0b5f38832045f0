import { trackingFor } from '../src/generator/tracking';
import { Random } from '../src/random';

/** Check digits as shared/docs/reference/tracking-formats.md describes them, computed independently of the generator. */
function upsValid(n: string): boolean {
  const body = n.slice(2, 17);
  let sum = 0;
  [...body].forEach((ch, i) => {
    const v = /\d/.test(ch) ? Number(ch) : (ch.charCodeAt(0) - 3) % 10;
    sum += i % 2 === 0 ? v : 2 * v;
  });
  return (10 - (sum % 10)) % 10 === Number(n[17]);
}

function fedex12Valid(n: string): boolean {
  const w = [3, 1, 7];
  const sum = [...n.slice(0, 11)].reduce((s, d, i) => s + Number(d) * w[i % 3], 0);
  return (sum % 11) % 10 === Number(n[11]);
}

function uspsValid(n: string): boolean {
  const digits = [...n.slice(0, -1)].reverse();
  const sum = digits.reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === Number(n[n.length - 1]);
}

describe('generated tracking numbers', () => {
  const random = new Random(5);
  it.each(Array.from({ length: 25 }, (_, i) => i))('carry valid layouts and check digits (%i)', () => {
    const ups = trackingFor('UPS', random);
    expect(ups).toMatch(/^1Z[0-9A-Z]{16}$/);
    expect(upsValid(ups)).toBe(true);
    const fedex = trackingFor('FedEx', random);
    expect(fedex).toMatch(/^\d{12}$/);
    expect(fedex12Valid(fedex)).toBe(true);
    const usps = trackingFor('USPS', random);
    expect(usps).toMatch(/^94\d{20}$/);
    expect(uspsValid(usps)).toBe(true);
    expect(trackingFor('AMZL_US', random)).toMatch(/^TBA\d{12}$/);
  });
});
