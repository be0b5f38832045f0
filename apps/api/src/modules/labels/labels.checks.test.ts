import { AppError } from 'src/common/errors/app-error';
import { toAppError } from './label-errors';
import { labelKey } from './label-purchase.service';
import { checkParcel } from './label-rates.service';
import { LabelError, type LabelErrorCode } from './label-seller';
import { checkShipFrom } from './ship-from.service';

const ADDRESS = {
  name: 'Warehouse',
  line1: '100 Main St',
  city: 'Columbus',
  stateOrRegion: 'OH',
  postalCode: '43215',
  countryCode: 'us',
};

test.each<[LabelErrorCode, string]>([
  ['RATE_EXPIRED', 'CONFLICT'],
  ['PURCHASE_REFUSED', 'CHANNEL_ERROR'],
  ['ADDRESS_UNSERVICEABLE', 'BAD_USER_INPUT'],
  ['DOCUMENT_FAILED', 'CHANNEL_ERROR'],
  ['VOID_REFUSED', 'CONFLICT'],
  ['UNAVAILABLE', 'CHANNEL_ERROR'],
  ['NOT_CONFIGURED', 'CONFLICT'],
])('a %s label refusal reaches the caller as %s with its words', (code, appCode) => {
  const err = toAppError(new LabelError(code, 'The carrier said no.', 'raw provider text'));
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).message).toBe('The carrier said no.');
  expect((err as AppError).extensions).toMatchObject({ code: appCode, labelError: code });
});

test('other errors pass through unchanged', () => {
  const err = new Error('boom');
  expect(toAppError(err)).toBe(err);
});

test('the purchase key is the same for the same click and differs by order, package, request and rate', () => {
  const key = labelKey('o1', 0, 'token', 'rate');
  expect(labelKey('o1', 0, 'token', 'rate')).toBe(key);
  expect(key).toMatch(/^label:[0-9a-f]{64}$/);
  for (const other of [
    labelKey('o2', 0, 'token', 'rate'),
    labelKey('o1', 1, 'token', 'rate'),
    labelKey('o1', 0, 'token2', 'rate'),
    labelKey('o1', 0, 'token', 'rate2'),
  ])
    expect(other).not.toBe(key);
});

test.each([
  [{ lengthIn: 0, widthIn: 8, heightIn: 4, weightOz: 10 }, 'parcel.lengthIn: must be a number greater than 0.'],
  [
    { lengthIn: 10, widthIn: Number.NaN, heightIn: 4, weightOz: 10 },
    'parcel.widthIn: must be a number greater than 0.',
  ],
  [{ lengthIn: 10, widthIn: 8, heightIn: 109, weightOz: 10 }, 'parcel.heightIn: must be at most 108 (inches)'],
  [{ lengthIn: 10, widthIn: 8, heightIn: 4, weightOz: 2401 }, 'parcel.weightOz: must be at most 2400 (ounces, 150 lb)'],
])('a parcel out of bounds is refused naming the measure: %j', (parcel, message) => {
  expect(() => checkParcel(parcel, 'parcel')).toThrow(message);
});

test('a ship-from is trimmed and its country upper-cased', () => {
  expect(checkShipFrom({ ...ADDRESS, name: '  Warehouse ', line2: '  ' })).toEqual({
    ...ADDRESS,
    countryCode: 'US',
    line2: null,
    phone: null,
  });
});

test.each([
  [{ line1: ' ' }, 'address.line1: is required.'],
  [{ countryCode: 'USA' }, 'address.countryCode: must be a two-letter ISO 3166-1 country code'],
  [{ postalCode: '4321' }, 'address.postalCode: must be a US ZIP code'],
  [{ city: 'x'.repeat(101) }, 'address.city: must be at most 100 characters.'],
])('a ship-from breaking a rule is refused naming the field: %j', (change, message) => {
  expect(() => checkShipFrom({ ...ADDRESS, ...change })).toThrow(message);
});
