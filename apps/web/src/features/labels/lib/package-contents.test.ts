import { nextPackageIndex, openUnits, parseContents } from './package-contents';

const lines = [
  { lineNumber: '1', quantityOrdered: 3, quantityShipped: 1, quantityCancelled: 0 },
  { lineNumber: '2', quantityOrdered: 1, quantityShipped: 0, quantityCancelled: 0 },
  { lineNumber: '3', quantityOrdered: 2, quantityShipped: 0, quantityCancelled: 2 },
];

test('open units leave out shipped and cancelled ones, and lines with none', () => {
  expect(openUnits(lines)).toEqual([
    { lineNumber: '1', open: 2 },
    { lineNumber: '2', open: 1 },
  ]);
});

test('every open unit is the whole order (no lines sent); fewer name each line with units', () => {
  const open = openUnits(lines);
  expect(parseContents(open, {})).toEqual({ ok: true, lines: null });
  expect(parseContents(open, { '1': '1', '2': '0' })).toEqual({ ok: true, lines: [{ lineNumber: '1', quantity: 1 }] });
  expect(parseContents(open, { '1': '2', '2': '0' })).toEqual({ ok: true, lines: [{ lineNumber: '1', quantity: 2 }] });
});

test('a quantity outside the open units, or an empty package, is said in words', () => {
  const open = openUnits(lines);
  expect(parseContents(open, { '1': '3' })).toEqual({ ok: false, errors: { '1': 'A whole number from 0 to 2.' } });
  expect(parseContents(open, { '1': '1.5', '2': '' })).toEqual({
    ok: false,
    errors: { '1': 'A whole number from 0 to 2.', '2': 'A whole number from 0 to 1.' },
  });
  expect(parseContents(open, { '1': '0', '2': '0' })).toEqual({
    ok: false,
    errors: { '': 'Put at least one unit in the package.' },
  });
});

test('the next package is the first number no bought or pending label holds', () => {
  expect(nextPackageIndex([])).toBe(0);
  expect(nextPackageIndex([{ status: 'PURCHASED', packageIndex: 0 }])).toBe(1);
  expect(
    nextPackageIndex([
      { status: 'VOIDED', packageIndex: 0 },
      { status: 'PURCHASED', packageIndex: 1 },
    ]),
  ).toBe(0);
});
