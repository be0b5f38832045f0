import { parseAddress, addressFormValues } from './address-form';
import { parseParcel, parcelFormValues } from './parcel-form';
import { parsePreset, parseSkuList, presetFormValues } from './preset-form';

describe('parseParcel', () => {
  const filled = { lengthIn: '12', widthIn: '9', heightIn: '4', weightOz: '36' };

  test('numbers typed become the parcel', () => {
    expect(parseParcel(filled)).toEqual({ ok: true, parcel: { lengthIn: 12, widthIn: 9, heightIn: 4, weightOz: 36 } });
  });

  test.each([
    [{ weightOz: '' }, 'weightOz', 'Weight is required.'],
    [{ lengthIn: 'abc' }, 'lengthIn', 'Length must be a number.'],
    [{ heightIn: '0' }, 'heightIn', 'Height must be more than 0.'],
    [{ widthIn: '-2' }, 'widthIn', 'Width must be more than 0.'],
    [{ lengthIn: '109' }, 'lengthIn', 'Length must be at most 108 in.'],
    [{ weightOz: '2401' }, 'weightOz', 'Weight must be at most 2400 oz.'],
  ])('%j → %s: %s', (patch, field, message) => {
    const result = parseParcel({ ...filled, ...patch });
    expect(result).toEqual({ ok: false, errors: { [field]: message } });
  });

  test('the form shows a quote’s parcel and starts empty without one', () => {
    expect(parcelFormValues({ lengthIn: 12, widthIn: 9, heightIn: 4, weightOz: 36.5 })).toEqual({
      ...filled,
      weightOz: '36.5',
    });
    expect(parcelFormValues(null)).toEqual({ lengthIn: '', widthIn: '', heightIn: '', weightOz: '' });
  });
});

describe('parseAddress', () => {
  const filled = {
    ...addressFormValues(null),
    name: 'Acme Shipping',
    line1: ' 12 Main St ',
    city: 'Newark',
    stateOrRegion: 'nj',
    postalCode: '07102',
  };

  test('trims, uppercases the state and country, and leaves empty optionals null', () => {
    expect(parseAddress({ ...filled, countryCode: 'us' })).toEqual({
      ok: true,
      address: {
        name: 'Acme Shipping',
        line1: '12 Main St',
        line2: null,
        city: 'Newark',
        stateOrRegion: 'NJ',
        postalCode: '07102',
        countryCode: 'US',
        phone: null,
      },
    });
  });

  test.each([
    [{ name: '' }, 'name', 'Name or company is required.'],
    [{ line1: ' ' }, 'line1', 'Street is required.'],
    [{ city: '' }, 'city', 'City is required.'],
    [{ postalCode: '7102' }, 'postalCode', 'ZIP code must be 5 digits, or ZIP+4 (12345-6789).'],
    [{ stateOrRegion: 'New Jersey' }, 'stateOrRegion', 'State must be its two-letter code, e.g. NJ.'],
    [{ countryCode: 'USA' }, 'countryCode', 'Country must be a two-letter code, e.g. US.'],
  ])('%j → %s: %s', (patch, field, message) => {
    expect(parseAddress({ ...filled, ...patch })).toEqual({ ok: false, errors: { [field]: message } });
  });

  test('ZIP+4 is accepted; outside the US the postal code is free-form', () => {
    expect(parseAddress({ ...filled, postalCode: '07102-1234' }).ok).toBe(true);
    expect(parseAddress({ ...filled, countryCode: 'CA', stateOrRegion: 'Ontario', postalCode: 'M5V 2T6' }).ok).toBe(
      true,
    );
  });
});

describe('parsePreset', () => {
  const filled = {
    ...presetFormValues(null),
    name: 'Small box',
    lengthIn: '10',
    widthIn: '8',
    heightIn: '4',
    boxWeightOz: '0',
  };

  test('a preset with SKUs typed in any separator, each once', () => {
    expect(parsePreset({ ...filled, skus: 'A-1, B-2\nA-1;C-3', isDefault: true })).toEqual({
      ok: true,
      preset: {
        name: 'Small box',
        lengthIn: 10,
        widthIn: 8,
        heightIn: 4,
        boxWeightOz: 0,
        skus: ['A-1', 'B-2', 'C-3'],
        isDefault: true,
      },
    });
  });

  test.each([
    [{ name: ' ' }, 'name', 'Name is required.'],
    [{ lengthIn: '0' }, 'lengthIn', 'Length must be more than 0.'],
    [{ boxWeightOz: '-1' }, 'boxWeightOz', 'Box weight must be 0 or more.'],
    [{ heightIn: 'x' }, 'heightIn', 'Height must be a number.'],
  ])('%j → %s: %s', (patch, field, message) => {
    expect(parsePreset({ ...filled, ...patch })).toEqual({ ok: false, errors: { [field]: message } });
  });

  test('an empty SKU list is no SKUs; a stored preset fills the form', () => {
    expect(parseSkuList('  ')).toEqual([]);
    expect(
      presetFormValues({ name: 'B', lengthIn: 1, widthIn: 2, heightIn: 3, boxWeightOz: 4, skus: ['X', 'Y'] }),
    ).toEqual({
      name: 'B',
      lengthIn: '1',
      widthIn: '2',
      heightIn: '3',
      boxWeightOz: '4',
      skus: 'X, Y',
      isDefault: false,
    });
  });
});
