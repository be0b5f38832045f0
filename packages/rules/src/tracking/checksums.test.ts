import {
  checkDigitFor,
  luhnCheckDigit,
  mod10CheckDigit,
  mod11CheckDigit,
  mod7CheckDigit,
  s10CheckDigit,
  type ChecksumSpec,
} from './checksums';

/**
 * An independent oracle, written from the published rules (see shared/docs/reference/tracking-formats.md)
 * in the plainest way, so the optimised implementations are compared against something other than themselves.
 */
const value = (c: string) => (/\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10);
const oracle: Record<ChecksumSpec['algorithm'], (spec: ChecksumSpec, s: string) => number> = {
  mod10: (spec, s) => {
    const { weights, from } = spec as Extract<ChecksumSpec, { algorithm: 'mod10' }>;
    const chars = from === 'left' ? [...s] : [...s].reverse();
    const sum = chars.reduce((acc, c, i) => acc + value(c) * weights[i % weights.length], 0);
    return (10 - (sum % 10)) % 10;
  },
  luhn: (_spec, s) => {
    const sum = [...s].reverse().reduce((acc, c, i) => {
      const p = Number(c) * (i % 2 === 0 ? 2 : 1);
      return acc + Math.floor(p / 10) + (p % 10);
    }, 0);
    return (10 - (sum % 10)) % 10;
  },
  mod11: (spec, s) => {
    const { weights } = spec as Extract<ChecksumSpec, { algorithm: 'mod11' }>;
    return ([...s].reduce((acc, c, i) => acc + Number(c) * weights[i % weights.length], 0) % 11) % 10;
  },
  mod7: (_spec, s) => Number(BigInt(s) % 7n),
  s10: (_spec, s) => {
    const r = 11 - ([...s].reduce((acc, c, i) => acc + Number(c) * [8, 6, 4, 2, 3, 5, 9, 7][i], 0) % 11);
    return r === 10 ? 0 : r === 11 ? 5 : r;
  },
};

const UPS: ChecksumSpec = { algorithm: 'mod10', weights: [1, 2], from: 'left' };
const GS1: ChecksumSpec = { algorithm: 'mod10', weights: [3, 1], from: 'right' };
const FEDEX: ChecksumSpec = { algorithm: 'mod11', weights: [3, 1, 7] };

/** [name, spec, lead, checked characters, check digit]: check digits worked out by hand and by the oracle. */
const CASES: [string, ChecksumSpec, string, string, number][] = [
  // UPS's published sample 1Z999AA10123456784: A → (65−3) mod 10 = 2.
  ['UPS sample', UPS, '', '999AA1012345678', 4],
  ['UPS letters', UPS, '', '1X2Y3Z45678912A', 1],
  ['UPS mixed', UPS, '', 'V4W5880T2K31942', 9],
  // Waybill K1506235620: only the 9 digits after the letter, 1·1+5·2+0·1+6·2+2·1+3·2+5·1+6·2+2·1 = 50 → 0.
  ['UPS waybill', UPS, '', '150623562', 0],
  ['OnTrac C (lead 4)', { algorithm: 'mod10', weights: [1, 2], from: 'left' }, '4', '4973105826419', 5],
  ['OnTrac D (lead 5)', { algorithm: 'mod10', weights: [1, 2], from: 'left' }, '5', '7364019285731', 1],
  ['FedEx Ground 15', GS1, '', '61293081740528', 8],
  ['FedEx Ground 15 leading zero', GS1, '', '02841936570143', 3],
  ['SSCC-18', GS1, '', '00740213986503412', 7],
  ['USPS IMpb 22 (published sample 9400111202555842332669)', GS1, '', '940011120255584233266', 9],
  ['USPS IMpb 26', GS1, '', '9505512345678901234567890', 8],
  ['USPS 20 (genuine 03071790000523483741)', GS1, '', '0307179000052348374', 1],
  ['USPS legacy 20 read as 91… (genuine 71969010756003077385)', GS1, '91', '7196901075600307738', 5],
  // FedEx's sample 986578788855: 9·3+8·1+6·7+5·3+7·1+8·7+7·3+8·1+8·7+8·3+5·1 = 269; 269 mod 11 = 5.
  ['FedEx Express sample', FEDEX, '', '98657878885', 5],
  ['FedEx Express', FEDEX, '', '79841253061', 7],
  ['FedEx Express 2', FEDEX, '', '39570214678', 1],
  ['FedEx Express remainder 10 → 0', FEDEX, '', '78698198463', 0],
  ['DHL Express 10', { algorithm: 'mod7' }, '', '359274018', 5],
  ['DHL Express 11', { algorithm: 'mod7' }, '', '4102987365', 1],
  // 4·8+7·6+3·4+5·2+2·3+9·5+1·9+8·7 = 212; 212 mod 11 = 3; 11 − 3 = 8.
  ['S10', { algorithm: 's10' }, '', '47352918', 8],
  ['S10 r = 11 → 5', { algorithm: 's10' }, '', '80617253', 5],
  // The textbook Luhn example 79927398713.
  ['Luhn', { algorithm: 'luhn' }, '', '7992739871', 3],
];

describe.each(CASES)('%s', (_name, spec, lead, body, check) => {
  it('computes the check digit', () => {
    expect(checkDigitFor(spec, body, lead)).toBe(check);
    expect(oracle[spec.algorithm](spec, lead + body)).toBe(check);
  });

  it('agrees with the oracle on every single-digit change of the number', () => {
    const number = body + String(check);
    let changes = 0;
    for (let i = 0; i < number.length; i++) {
      if (!/\d/.test(number[i])) continue;
      for (let d = 0; d <= 9; d++) {
        if (String(d) === number[i]) continue;
        const changed = number.slice(0, i) + String(d) + number.slice(i + 1);
        const [b, c] = [changed.slice(0, -1), Number(changed.at(-1))];
        const accepted = checkDigitFor(spec, b, lead) === c;
        expect({ changed, accepted }).toEqual({ changed, accepted: oracle[spec.algorithm](spec, lead + b) === c });
        changes++;
      }
    }
    expect(changes).toBeGreaterThanOrEqual(9 * [...number].filter((ch) => /\d/.test(ch)).length);
  });
});

/** How many single-digit changes of a number the algorithm fails to notice. */
function missed(spec: ChecksumSpec, body: string, lead = ''): string[] {
  const number = body + String(checkDigitFor(spec, body, lead));
  const out: string[] = [];
  for (let i = 0; i < number.length; i++) {
    if (!/\d/.test(number[i])) continue;
    for (let d = 0; d <= 9; d++) {
      const changed = number.slice(0, i) + String(d) + number.slice(i + 1);
      if (changed !== number && checkDigitFor(spec, changed.slice(0, -1), lead) === Number(changed.at(-1)))
        out.push(changed);
    }
  }
  return out;
}

describe('what each algorithm can and cannot catch', () => {
  it('GS1 weights 3, 1 catch every single-digit change', () => {
    expect(missed(GS1, '61293081740528')).toEqual([]);
  });
  /** The position and the two digits where a changed number differs from the original. */
  const diff = (a: string, b: string) => {
    const i = [...a].findIndex((c, k) => c !== b[k]);
    return { i, delta: Math.abs(Number(a[i]) - Number(b[i])) };
  };
  it('UPS misses exactly the ±5 changes at doubled positions', () => {
    const original = '184759023610571' + String(mod10CheckDigit('184759023610571', [1, 2], 'left'));
    const misses = missed(UPS, '184759023610571');
    expect(misses.length).toBeGreaterThan(0);
    for (const m of misses)
      expect({ odd: diff(m, original).i % 2, delta: diff(m, original).delta }).toEqual({ odd: 1, delta: 5 });
  });
  it('mod 7 misses changes of ±7 and nothing else', () => {
    const misses = missed({ algorithm: 'mod7' }, '359274018');
    expect(misses.length).toBeGreaterThan(0);
    for (const m of misses) expect(diff(m, '3592740185').delta).toBe(7);
  });
  it('the exported helpers match the table-driven entry point', () => {
    expect(mod11CheckDigit('98657878885', [3, 1, 7])).toBe(5);
    expect(mod7CheckDigit('359274018')).toBe(5);
    expect(s10CheckDigit('47352918')).toBe(8);
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });
});
