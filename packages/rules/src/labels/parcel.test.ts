import { parcelFor, type PackagePresetFacts, type ParcelLine } from './parcel';

const preset = (id: string, skus: string[], isDefault = false, size = 10, boxWeightOz = 4): PackagePresetFacts => ({
  id,
  name: `Box ${id}`,
  lengthIn: size,
  widthIn: size,
  heightIn: size / 2,
  boxWeightOz,
  skus,
  isDefault,
});

const presets = [
  preset('small', ['MUG-1', 'CUP-2'], false, 6, 3),
  preset('large', ['LAMP-9'], false, 16, 12),
  preset('default', [], true, 12, 6),
];
const weights = { 'MUG-1': 14, 'CUP-2': 8, 'LAMP-9': 40.5, 'SOCK-3': 2 };

describe('parcelFor', () => {
  test.each<[string, ParcelLine[], string, 'SKU' | 'DEFAULT', number | null, string[]]>([
    ['one SKU a preset names', [{ sku: 'MUG-1', quantity: 2 }], 'small', 'SKU', 3 + 14 * 2, []],
    [
      'two SKUs of the same preset',
      [
        { sku: 'MUG-1', quantity: 1 },
        { sku: 'CUP-2', quantity: 3 },
      ],
      'small',
      'SKU',
      3 + 14 + 8 * 3,
      [],
    ],
    ['no preset names the SKU: the default', [{ sku: 'SOCK-3', quantity: 5 }], 'default', 'DEFAULT', 6 + 10, []],
    [
      'SKUs of two presets: the one naming most units',
      [
        { sku: 'MUG-1', quantity: 1 },
        { sku: 'LAMP-9', quantity: 2 },
      ],
      'large',
      'SKU',
      12 + 14 + 81,
      [],
    ],
    [
      'a SKU without a weight: no parcel weight, the SKU named',
      [
        { sku: 'MUG-1', quantity: 1 },
        { sku: 'NEW-7', quantity: 1 },
      ],
      'small',
      'SKU',
      null,
      ['NEW-7'],
    ],
    ['SKUs compared without surrounding spaces', [{ sku: ' MUG-1 ', quantity: 1 }], 'small', 'SKU', 17, []],
    [
      'a line with nothing left to ship does not count',
      [
        { sku: 'LAMP-9', quantity: 0 },
        { sku: 'CUP-2', quantity: 1 },
      ],
      'small',
      'SKU',
      11,
      [],
    ],
  ])('%s', (_, lines, presetId, matchedBy, weightOz, missing) => {
    const choice = parcelFor(lines, presets, weights);
    expect(choice?.preset.id).toBe(presetId);
    expect(choice?.matchedBy).toBe(matchedBy);
    expect(choice?.parcel?.weightOz ?? null).toBe(weightOz);
    expect(choice?.missingWeights).toEqual(missing);
    if (choice?.parcel) {
      expect(choice.parcel).toMatchObject({
        lengthIn: choice.preset.lengthIn,
        widthIn: choice.preset.widthIn,
        heightIn: choice.preset.heightIn,
      });
    }
  });

  test.each<[string, number | null | undefined]>([
    ['null', null],
    ['missing', undefined],
    ['negative', -3],
    ['not a number', Number.NaN],
  ])('a %s weight is not a weight', (_, weight) => {
    const choice = parcelFor([{ sku: 'X', quantity: 1 }], presets, { X: weight });
    expect(choice?.parcel).toBeNull();
    expect(choice?.missingWeights).toEqual(['X']);
  });

  test('a SKU weighing nothing (a digital insert) is a known weight', () => {
    expect(parcelFor([{ sku: 'CARD', quantity: 1 }], presets, { CARD: 0 })?.parcel?.weightOz).toBe(6);
  });

  test('same units named by two presets: the larger box, then the one listed first', () => {
    const tied = [preset('a', ['MUG-1'], false, 8), preset('b', ['MUG-1'], false, 9), preset('c', ['MUG-1'], false, 9)];
    expect(parcelFor([{ sku: 'MUG-1', quantity: 1 }], tied, weights)?.preset.id).toBe('b');
  });

  test('fractional ounces are kept to two decimals', () => {
    expect(parcelFor([{ sku: 'P', quantity: 3 }], presets, { P: 0.1 })?.parcel?.weightOz).toBe(6.3);
  });

  test('no preset names the SKUs and none is the default: null', () => {
    expect(parcelFor([{ sku: 'SOCK-3', quantity: 1 }], presets.slice(0, 2), weights)).toBeNull();
    expect(parcelFor([{ sku: 'SOCK-3', quantity: 1 }], [], weights)).toBeNull();
  });
});
