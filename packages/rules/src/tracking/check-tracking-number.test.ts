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
  ['UPS_WAYBILL', 'H4839201757', 'UPS_MAIL_INNOVATIONS', 'H4839201757', ['UPS', 'UPS_MAIL_INNOVATIONS']],
  ['UPS_WAYBILL', 'T9023174560', 'UPS', 'T9023174560', ['UPS', 'UPS_MAIL_INNOVATIONS']],
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
  ['USPS_IMPB_92', '9261290100123456789032', 'FEDEX_SMARTPOST', '9261290100123456789032', ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE']],
  ['USPS_IMPB_92', '92021902240178305274810382', 'DHL_ECOMMERCE', '92021902240178305274810382', ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE']],
  ['USPS_IMPB_92_ZIP5', '420902109261290100123456789032', 'UPS_MAIL_INNOVATIONS', '9261290100123456789032', ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE']],
  ['USPS_IMPB_92_ZIP9', '4209021012349261290100123456789032', 'USPS', '9261290100123456789032', ['UPS_MAIL_INNOVATIONS', 'USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE']],
  ['USPS_20', '71969001234567123455', 'USPS', '71969001234567123455', ['USPS']],
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
    expect(checkTrackingNumber('TBA304958172634', 'USPS').violations[0].message).toBe('This is an Amazon Logistics number, not USPS.');
  });

  it('flags the order’s own number, whatever the carrier and spacing', () => {
    expect(codes('108829135472', 'OTHER', ['108829135472'])).toEqual(['TRACKING_EQUALS_ORDER_NUMBER']);
    expect(codes('798412530617', 'FEDEX', ['PO-1', '7984 1253 0617'])).toEqual(['TRACKING_EQUALS_ORDER_NUMBER']);
    expect(codes('798412530617', 'FEDEX', ['798412530618'])).toEqual([]);
  });

  it('lets Other carry any clean number, warning when it is a listed carrier’s', () => {
    expect(checkTrackingNumber('XYZ7730218845', 'OTHER')).toMatchObject({ valid: true, violations: [], hasCheckDigit: false });
    const listed = checkTrackingNumber('1Z999AA10123456784', 'OTHER');
    expect(listed.valid).toBe(true);
    expect(listed.violations).toEqual([expect.objectContaining({ code: 'TRACKING_MATCHES_LISTED_CARRIER', severity: 'WARN' })]);
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
