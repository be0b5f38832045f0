import { blocks, carrierChoices, clientTrackingViolations, mergeLinkViolations, shipToWords } from './link-checks';

test('a UPS number with a wrong check digit is refused in the rules words; a good one passes', () => {
  const bad = clientTrackingViolations('UPS', '1Z999AA10123456785');
  expect(bad.length).toBeGreaterThan(0);
  expect(blocks(bad)).toBe(true);
  expect(bad[0].message).toMatch(/check digit|UPS/i);
  expect(clientTrackingViolations('UPS', '1Z999AA10123456784')).toEqual([]);
  expect(clientTrackingViolations('UPS', '  ')).toEqual([]);
});

test('carriers come from the server when it names them, else every named hub carrier', () => {
  expect(carrierChoices({ carriers: ['UPS', { code: 'USPS', label: 'USPS' }] })).toEqual([
    { code: 'UPS', label: 'UPS' },
    { code: 'USPS', label: 'USPS' },
  ]);
  const all = carrierChoices({});
  expect(all.map((c) => c.code)).toContain('FEDEX');
  expect(all.map((c) => c.code)).not.toContain('OTHER');
});

test('server and browser findings merge, each once, blocks first', () => {
  const warn = { code: 'W', message: 'Reused', severity: 'WARN' };
  const block = { code: 'B', message: 'Bad digit', severity: 'BLOCK' };
  expect(mergeLinkViolations([warn], [block, { ...block, code: 'X' }])).toEqual([block, warn]);
});

test('ship-to shows city, state and the ZIP prefix only', () => {
  expect(shipToWords({ city: 'Austin', state: 'TX', zip3: '787' })).toBe('Austin, TX 787··');
  expect(shipToWords({ city: null, state: null })).toBe('not given');
});
