import { parseBins } from './parse-bins';

describe('parseBins', () => {
  it('reads SKU and bin per line, with any common separator, skipping a header and blank lines', () => {
    expect(parseBins('sku,bin\nMUG-1, A-3\n\nCUP-2;B-1\nTEA-3\tC-9\nOLD-4,')).toEqual({
      rows: [
        { sku: 'MUG-1', bin: 'A-3' },
        { sku: 'CUP-2', bin: 'B-1' },
        { sku: 'TEA-3', bin: 'C-9' },
        { sku: 'OLD-4', bin: '' },
      ],
    });
  });

  it('names the line of the first problem', () => {
    expect(parseBins('MUG-1,A-3\n,B-2')).toEqual({ error: 'Line 2: the SKU is missing.' });
    expect(parseBins('MUG-1,A-3,extra')).toEqual({ error: 'Line 1: expected “SKU, bin”, found more columns.' });
    expect(parseBins(`MUG-1,${'x'.repeat(33)}`)).toEqual({ error: 'Line 1: the bin is longer than 32 characters.' });
    expect(parseBins('  \n')).toEqual({ error: 'Nothing to save: write one “SKU, bin” per line.' });
  });
});
