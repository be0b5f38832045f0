import type { CarrierCode } from '@order-hub/types';
import { CARRIER_FORMATS } from './carrier-formats';
import { checkDigitFor } from './checksums';
import { checkTrackingNumber, detectCarriers } from './check-tracking-number';

/**
 * One or more valid numbers per format, check digits computed by hand / by the oracle in checksums.test.ts:
 * [format, number as typed, carrier named, normalized, every carrier it matches].
 */
const VALID: [string, string, CarrierCode, string, CarrierCode[]][] = [
  ['UPS_1Z', '1Z999AA10123456784', 'UPS', '1Z999AA10123456784', ['UPS']],
  ['UPS_1Z', '1Z1X2Y3Z45678912A1', 'UPS', '1Z1X2Y3Z45678912A1', ['UPS']],
  ['UPS_1Z', '1ZV4W5880T2K319429', 'UPS', '1ZV4W5880T2K319429', ['UPS']],
  // Genuine waybill numbers (tracking_number_data, couriers/ups.json).
  ['UPS_WAYBILL', 'K1506235620', 'UPS', 'K1506235620', ['UPS', 'UPS_MAIL_INNOVATIONS']],
  ['UPS_WAYBILL', 'K2479825491', 'UPS', 'K2479825491', ['UPS', 'UPS_MAIL_INNOVATIONS']],
  ['UPS_WAYBILL', 'J4603636537', 'UPS', 'J4603636537', ['UPS', 'UPS_MAIL_INNOVATIONS']],
  ['UPS_WAYBILL', 'V0490119172', 'UPS_MAIL_INNOVATIONS', 'V0490119172', ['UPS', 'UPS_MAIL_INNOVATIONS']],
  ['UPS_WAYBILL', 'V0431105627', 'UPS', 'V0431105627', ['UPS', 'UPS_MAIL_INNOVATIONS']],
  ['FEDEX_EXPRESS_12', '986578788855', 'FEDEX', '986578788855', ['FEDEX']],
  ['FEDEX_EXPRESS_12', '798412530617', 'FEDEX', '798412530617', ['FEDEX']],
  ['FEDEX_EXPRESS_12', '786981984630', 'FEDEX', '786981984630', ['FEDEX']],
  ['FEDEX_GROUND_15', '612930817405288', 'FEDEX', '612930817405288', ['FEDEX', 'FEDEX_SMARTPOST']],
  ['FEDEX_GROUND_15', '028419365701433', 'FEDEX_SMARTPOST', '028419365701433', ['FEDEX', 'FEDEX_SMARTPOST']],
  ['FEDEX_GROUND_96', '9612019720394816523073', 'FEDEX', '720394816523073', ['FEDEX', 'FEDEX_SMARTPOST']],
  ['FEDEX_EXPRESS_34', '1001290400000000012345798412530617', 'FEDEX', '798412530617', ['FEDEX']],
  ['FEDEX_ASTRA_32', '42198703015274307984125306170201', 'FEDEX', '798412530617', ['FEDEX']],
  ['FEDEX_SSCC_18', '007402139865034127', 'FEDEX', '007402139865034127', ['FEDEX']],
  ['USPS_IMPB', '9400111202555842332669', 'USPS', '9400111202555842332669', ['USPS']],
  ['USPS_IMPB', '9400111899223857104938', 'USPS', '9400111899223857104938', ['USPS']],
  ['USPS_IMPB', '95055123456789012345678908', 'USPS', '95055123456789012345678908', ['USPS']],
  ['USPS_IMPB', '940553689784610257304918830656', 'USPS', '940553689784610257304918830656', ['USPS']],
  ['USPS_IMPB_ZIP5', '420902109400111899223857104938', 'USPS', '9400111899223857104938', ['USPS']],
  ['USPS_IMPB_ZIP9', '4209021012349400111899223857104938', 'USPS', '9400111899223857104938', ['USPS']],
  [
    'USPS_IMPB_92',
    '9261290100123456789032',
    'FEDEX_SMARTPOST',
    '9261290100123456789032',
    ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE'],
  ],
  [
    'USPS_IMPB_92',
    '92021902240178305274810382',
    'DHL_ECOMMERCE',
    '92021902240178305274810382',
    ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE'],
  ],
  [
    'USPS_IMPB_92_ZIP5',
    '420902109261290100123456789032',
    'UPS_MAIL_INNOVATIONS',
    '9261290100123456789032',
    ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE'],
  ],
  [
    'USPS_IMPB_92_ZIP9',
    '4209021012349261290100123456789032',
    'USPS',
    '9261290100123456789032',
    ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE'],
  ],
  // Genuine 20-digit numbers (tracking_number_data, couriers/usps.json: "USPS 20" and "USPS Legacy").
  ['USPS_20', '03071790000523483741', 'USPS', '03071790000523483741', ['USPS']],
  ['USPS_20', '71123456789123456787', 'USPS', '71123456789123456787', ['USPS']],
  ['USPS_20_AI91', '71969010756003077385', 'USPS', '71969010756003077385', ['USPS']],
  ['USPS_20_AI91', '71969001234567123455', 'USPS', '71969001234567123455', ['USPS']],
  ['USPS_S10', 'EA473529188US', 'USPS', 'EA473529188US', ['USPS']],
  ['USPS_S10', 'EA806172535US', 'USPS', 'EA806172535US', ['USPS']],
  ['DHL_EXPRESS_10', '3592740185', 'DHL', '3592740185', ['DHL']],
  ['DHL_EXPRESS_10', '7351029464', 'DHL', '7351029464', ['DHL']],
  ['DHL_EXPRESS_11', '41029873651', 'DHL', '41029873651', ['DHL']],
  ['DHL_PIECE_ID', 'JVGL0284719365', 'DHL', 'JVGL0284719365', ['DHL']],
  ['DHL_PIECE_ID', 'JJD028471936', 'DHL', 'JJD028471936', ['DHL']],
  ['DHL_ECOMMERCE', 'GM2951173225174494', 'DHL_ECOMMERCE', 'GM2951173225174494', ['DHL_ECOMMERCE']],
  ['DHL_ECOMMERCE_14', '42039576120384', 'DHL_ECOMMERCE', '42039576120384', ['DHL_ECOMMERCE']],
  ['ONTRAC', 'C49731058264195', 'ONTRAC', 'C49731058264195', ['ONTRAC']],
  ['ONTRAC', 'C03827164950275', 'ONTRAC', 'C03827164950275', ['ONTRAC']],
  ['ONTRAC', 'D73640192857311', 'ONTRAC', 'D73640192857311', ['ONTRAC']],
  ['LASERSHIP_L', 'LX29384756', 'LASERSHIP', 'LX29384756', ['ONTRAC', 'LASERSHIP']],
  ['LASERSHIP_L', 'LA19384756', 'ONTRAC', 'LA19384756', ['ONTRAC', 'LASERSHIP']],
  ['LASERSHIP_1LS7', '1LS712039485726', 'ONTRAC', '1LS712039485726', ['ONTRAC', 'LASERSHIP']],
  ['LASERSHIP_1LS7', '1LS7220394857261-1', 'LASERSHIP', '1LS7220394857261-1', ['ONTRAC', 'LASERSHIP']],
  ['LASERSHIP_1LSCX', '1LSCX4G7H2K9P3M', 'LASERSHIP', '1LSCX4G7H2K9P3M', ['ONTRAC', 'LASERSHIP']],
  ['AMAZON_TBA', 'TBA304958172634', 'AMAZON_LOGISTICS', 'TBA304958172634', ['AMAZON_LOGISTICS']],
  ['AMAZON_TBA', 'TBC304958172634', 'AMAZON_LOGISTICS', 'TBC304958172634', ['AMAZON_LOGISTICS']],
  ['AMAZON_SHIPPING_INTL', 'F4827361950', 'AMAZON_LOGISTICS', 'F4827361950', ['AMAZON_LOGISTICS']],
];

const codes = (n: string, c: CarrierCode, orderNumbers?: string[]) =>
  checkTrackingNumber(n, c, orderNumbers ? { orderNumbers } : undefined).violations.map((v) => v.code);

describe.each(CARRIER_FORMATS.map((f) => [f.id, f] as const))('format %s', (id, format) => {
  const cases = VALID.filter(([f]) => f === id);

  it('has at least one valid test number', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: %s is a valid %s number', (_f, number, carrier, normalized, matching) => {
    const check = checkTrackingNumber(number, carrier);
    expect(check).toEqual({
      valid: true,
      normalized,
      format: id,
      hasCheckDigit: format.checksum !== null,
      matchingCarriers: matching,
      violations: [],
    });
    expect(detectCarriers(number)).toEqual(matching);
    expect(number.length).toBeGreaterThanOrEqual(Math.min(...format.lengths));
  });

  if (!format.checksum) return;
  const spec = format.checksum;
  const re = new RegExp(format.pattern);

  it.each(cases)('%s: every single-digit change of %s is judged by its check digit', (_f, number, carrier) => {
    let rejected = 0;
    for (let i = 0; i < number.length; i++) {
      if (!/\d/.test(number[i])) continue;
      for (let d = 0; d <= 9; d++) {
        const changed = number.slice(0, i) + String(d) + number.slice(i + 1);
        if (changed === number) continue;
        const groups = re.exec(changed)?.groups;
        const lead = typeof spec.lead === 'object' ? spec.lead.map[groups?.[spec.lead.group] ?? ''] : (spec.lead ?? '');
        const arithmetic = groups ? checkDigitFor(spec, groups.body, lead) === Number(groups.check) : false;
        const check = checkTrackingNumber(changed, carrier);
        const placeholder = check.violations.some((v) => v.code === 'TRACKING_PLACEHOLDER');
        if (arithmetic && !placeholder) {
          expect({ changed, valid: check.valid }).toEqual({ changed, valid: true });
        } else if (!arithmetic) {
          // The layout may still belong to another of the carrier's formats; it may never pass as this one.
          expect({ changed, format: check.valid ? check.format : undefined }).not.toEqual({ changed, format: id });
          if (groups && !check.valid) expect(check.violations.map((v) => v.code)).toContain('TRACKING_CHECK_DIGIT');
          rejected++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });
});

describe('normalising', () => {
  it.each([
    [' 1z 999 aa1 012 345 6784 ', 'UPS', '1Z999AA10123456784'],
    ['7984 1253 0617', 'FEDEX', '798412530617'],
    ['9400 1112 0255 5842 3326 69', 'USPS', '9400111202555842332669'],
    ['420 90210 9400 1118 9922 3857 1049 38', 'USPS', '9400111899223857104938'],
    ['96 12 019 72039481652307 3', 'FEDEX', '720394816523073'],
    ['tba304958172634', 'AMAZON_LOGISTICS', 'TBA304958172634'],
  ] as const)('%j for %s becomes %s', (typed, carrier, normalized) => {
    expect(checkTrackingNumber(typed, carrier)).toMatchObject({ valid: true, normalized });
  });
});

describe('rejections', () => {
  it.each([
    ['', 'UPS', ['TRACKING_REQUIRED']],
    ['   ', 'FEDEX', ['TRACKING_REQUIRED']],
    ['1Z999AA10123456785', 'UPS', ['TRACKING_CHECK_DIGIT']],
    ['986578788856', 'FEDEX', ['TRACKING_CHECK_DIGIT']],
    ['9400111202555842332660', 'USPS', ['TRACKING_CHECK_DIGIT']],
    ['C49731058264196', 'ONTRAC', ['TRACKING_CHECK_DIGIT']],
    ['EA473529189US', 'USPS', ['TRACKING_CHECK_DIGIT']],
    ['1Z999AA1012345678', 'UPS', ['TRACKING_FORMAT']],
    ['ABCDEFGHJK', 'FEDEX', ['TRACKING_FORMAT']],
    ['1Z999AA10123456784', 'FEDEX', ['TRACKING_CARRIER_MISMATCH']],
    ['9400111202555842332669', 'FEDEX', ['TRACKING_CARRIER_MISMATCH']],
    ['9261290100123456789032', 'UPS', ['TRACKING_CARRIER_MISMATCH']],
    ['TBA304958172634', 'USPS', ['TRACKING_CARRIER_MISMATCH']],
    ['C49731058264195', 'LASERSHIP', ['TRACKING_CARRIER_MISMATCH']],
    ['612930817405288', 'UPS', ['TRACKING_CARRIER_MISMATCH']],
    ['1Z999AA1-0123456784', 'UPS', ['TRACKING_SPECIAL_CHARACTERS']],
    ['#986578788855', 'FEDEX', ['TRACKING_SPECIAL_CHARACTERS']],
    ['1Z999AA10123456784, 1ZV4W5880T2K319429', 'UPS', ['TRACKING_MULTIPLE_NUMBERS']],
    ['1Z999AA10123456784 1ZV4W5880T2K319429', 'UPS', ['TRACKING_MULTIPLE_NUMBERS']],
    ['986578788855/798412530617', 'FEDEX', ['TRACKING_MULTIPLE_NUMBERS']],
    ['9400111202555842332669\n9400111899223857104938', 'USPS', ['TRACKING_MULTIPLE_NUMBERS']],
    ['1Z999AA10123456784,', 'UPS', ['TRACKING_SPECIAL_CHARACTERS']],
    ['1Z999AA10123456784 X', 'UPS', ['TRACKING_FORMAT']],
    ['000000000000', 'FEDEX', ['TRACKING_PLACEHOLDER']],
    ['1Z0000000000000000', 'UPS', ['TRACKING_PLACEHOLDER']],
    ['12345', 'USPS', ['TRACKING_FORMAT', 'TRACKING_PLACEHOLDER']],
    ['12345', 'OTHER', ['TRACKING_PLACEHOLDER']],
    ['11111111', 'OTHER', ['TRACKING_PLACEHOLDER']],
    ['9876543210', 'OTHER', ['TRACKING_PLACEHOLDER']],
    ['1234567890123', 'OTHER', ['TRACKING_PLACEHOLDER']],
  ] as [string, CarrierCode, string[]][])('%j for %s: %j', (number, carrier, expected) => {
    const check = checkTrackingNumber(number, carrier);
    expect(check.violations.map((v) => v.code)).toEqual(expected);
    expect(check.valid).toBe(false);
    for (const v of check.violations) expect(v).toMatchObject({ severity: 'BLOCK', field: 'trackingNumber' });
  });

  it('names the carriers a mismatched number belongs to', () => {
    const check = checkTrackingNumber('1Z999AA10123456784', 'FEDEX');
    expect(check.matchingCarriers).toEqual(['UPS']);
    expect(check.violations[0].message).toBe('This is a UPS number, not FedEx.');
    expect(checkTrackingNumber('TBA304958172634', 'USPS').violations[0].message).toBe(
      'This is an Amazon Logistics number, not USPS.',
    );
  });

  it('flags the order’s own number, whatever the carrier and spacing', () => {
    expect(codes('108829135472', 'OTHER', ['108829135472'])).toEqual(['TRACKING_EQUALS_ORDER_NUMBER']);
    expect(codes('798412530617', 'FEDEX', ['PO-1', '7984 1253 0617'])).toEqual(['TRACKING_EQUALS_ORDER_NUMBER']);
    expect(codes('798412530617', 'FEDEX', ['798412530618'])).toEqual([]);
  });

  it('lets Other carry any clean number, warning when it is a listed carrier’s', () => {
    expect(checkTrackingNumber('XYZ7730218845', 'OTHER')).toMatchObject({
      valid: true,
      violations: [],
      hasCheckDigit: false,
    });
    const listed = checkTrackingNumber('1Z999AA10123456784', 'OTHER');
    expect(listed.valid).toBe(true);
    expect(listed.violations).toEqual([
      expect.objectContaining({ code: 'TRACKING_MATCHES_LISTED_CARRIER', severity: 'WARN' }),
    ]);
  });

  it('reports shape-only formats as having no check digit', () => {
    expect(checkTrackingNumber('TBA304958172634', 'AMAZON_LOGISTICS').hasCheckDigit).toBe(false);
    expect(checkTrackingNumber('1Z999AA10123456784', 'UPS').hasCheckDigit).toBe(true);
  });
});

describe('detectCarriers', () => {
  it.each([
    ['', []],
    ['not a number', []],
    ['1z999aa10123456784', ['UPS']],
    ['4209021012349261290100123456789032', ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE']],
    ['x'.repeat(80), []],
  ] as [string, CarrierCode[]][])('%j → %j', (number, expected) => {
    expect(detectCarriers(number)).toEqual(expected);
  });
});

/**
 * Conformance with an outside suite: the valid and invalid UPS and USPS test numbers of tracking_number_data
 * (github.com/jkeen/tracking_number_data, couriers/ups.json and couriers/usps.json, MIT), which encodes the
 * carriers' published layouts and check digits.
 */
describe('conformance with tracking_number_data (UPS, USPS)', () => {
  const VALID_OUTSIDE: [CarrierCode, string][] = [
    ['UPS', '1Z5R89390357567127'],
    ['UPS', '1Z879E930346834440'],
    ['UPS', '1Z410E7W0392751591'],
    ['UPS', '1Z8V92A70367203024'],
    ['UPS', '1ZXX3150YW44070023'],
    ['UPS', 'K1506235620'],
    ['UPS', 'K 150 623 562 0'],
    ['UPS', 'K2479825491'],
    ['UPS', 'J4603636537'],
    ['UPS', 'V0490119172'],
    ['UPS', 'V0431105627'],
    ['USPS', '0307 1790 0005 2348 3741'],
    ['USPS', '7112 3456 7891 2345 6787'],
    ['USPS', '420787459400111206206406260787'],
    ['USPS', '9400111206206406260787'],
    ['USPS', '9400 1112 0108 0805 4830 16'],
    ['USPS', '9405803699300124287899'],
    ['USPS', '9434611206206406227577'],
    ['USPS', '9434611206206407667136'],
    ['USPS', '420 22153 9101026837331000039521'],
    ['USPS', '9101 1234 5678 9000 0000 13'],
    ['USPS', '7196 9010 7560 0307 7385'],
    ['USPS', '4201002334249200190132607600833457'],
    ['USPS', '4201028200009261290113185417468510'],
    ['USPS', '9505 5110 6960 5048 6006 24'],
    ['USPS', '92748931507708513018050063'],
    ['USPS', '92001903060085300042901077'],
    ['USPS', '9361 2898 7870 0317 6337 95'],
    ['USPS', '9261292700768711948021'],
    ['USPS', '420 11213 92 6129098349792366623 8'],
    ['USPS', '420902459261290336128704042634'],
  ];
  const INVALID_OUTSIDE: [CarrierCode, string][] = [
    ['UPS', '2Z5R89390357567127'],
    ['UPS', '1A5R89390357567127'],
    ['UPS', 'K1506235622'],
    ['UPS', 'K2479825492'],
    ['UPS', 'J4603636538'],
    ['UPS', 'V0411335627'],
    ['UPS', 'V0423305841'],
    ['USPS', '0307 1790 0005 2348 3742'],
    ['USPS', '9434611206206407667131'],
    ['USPS', '9434611306206407667222'],
    ['USPS', '9101 1234 5678 9000 0000 14'],
    ['USPS', '7196 9010 7560 0307 7386'],
    ['USPS', '4201028200009261290113185417468511'],
  ];

  it.each(VALID_OUTSIDE)('accepts the genuine %s number %s', (carrier, number) => {
    expect(checkTrackingNumber(number, carrier)).toMatchObject({ valid: true, violations: [] });
  });

  it.each(INVALID_OUTSIDE)('refuses the %s number %s', (carrier, number) => {
    expect(checkTrackingNumber(number, carrier).valid).toBe(false);
  });

  it('accepts genuine UPS waybill numbers (K, J, V series): the check covers the nine digits after the letter', () => {
    for (const n of ['K1506235620', 'J4603636537', 'V0490119172']) {
      expect(checkTrackingNumber(n, 'UPS')).toMatchObject({ valid: true, format: 'UPS_WAYBILL', hasCheckDigit: true });
    }
    // The letter is not part of the check: the same digits behind another series letter are as valid.
    expect(checkTrackingNumber('H1506235620', 'UPS').valid).toBe(true);
  });

  it('refuses every one-digit typo of a genuine UPS waybill number that the check digit catches', () => {
    const number = 'K1506235620';
    let refused = 0;
    let missed = 0;
    for (let i = 1; i < number.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = number.slice(0, i) + String(d) + number.slice(i + 1);
        if (changed === number) continue;
        const body = changed.slice(1, -1);
        const accepted =
          checkDigitFor({ algorithm: 'mod10', weights: [1, 2], from: 'left' }, body) === Number(changed.at(-1));
        expect({ changed, valid: checkTrackingNumber(changed, 'UPS').valid }).toEqual({ changed, valid: accepted });
        if (accepted) missed++;
        else refused++;
      }
    }
    // UPS's rule misses only ±5 at the doubled positions (4 of the 9 digits): 4 of 90 changes.
    expect({ refused, missed }).toEqual({ refused: 86, missed: 4 });
  });

  it('accepts genuine 20-digit USPS numbers (0307…, 7112…) and refuses a change exactly when neither 20-digit convention holds', () => {
    const GS1 = { algorithm: 'mod10', weights: [3, 1], from: 'right' } as const;
    let refused = 0;
    let acceptedByOtherConvention = 0;
    for (const number of ['03071790000523483741', '71123456789123456787', '71969010756003077385']) {
      expect(checkTrackingNumber(number, 'USPS').valid).toBe(true);
      for (let i = 0; i < number.length; i++) {
        for (let d = 0; d <= 9; d++) {
          const changed = number.slice(0, i) + String(d) + number.slice(i + 1);
          if (changed === number) continue;
          const [body, check] = [changed.slice(0, -1), Number(changed.at(-1))];
          const bare = checkDigitFor(GS1, body) === check;
          const behind91 = checkDigitFor(GS1, body, '91') === check;
          const result = checkTrackingNumber(changed, 'USPS');
          const placeholder = result.violations.some((v) => v.code === 'TRACKING_PLACEHOLDER');
          expect({ changed, valid: result.valid }).toEqual({ changed, valid: (bare || behind91) && !placeholder });
          if (!bare && !behind91) {
            expect(result.violations.map((v) => v.code)).toContain('TRACKING_CHECK_DIGIT');
            refused++;
          } else acceptedByOtherConvention++;
        }
      }
    }
    // The price of honouring both conventions: the `91` in front shifts the check by 8, so at each of the 20
    // positions exactly one change passes under the other convention (20 of 180 per number).
    expect({ refused, acceptedByOtherConvention }).toEqual({ refused: 480, acceptedByOtherConvention: 60 });
  });
});
