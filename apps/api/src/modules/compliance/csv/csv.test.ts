import { csvField, toCsv } from './csv';

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
