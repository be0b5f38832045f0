import { checkTrackingNumber } from '@order-hub/rules';
import type { CarrierCode } from '@order-hub/types';

let counter = 0;

/** A tracking number the rules accept for the carrier (right check digit), different on every call. */
export function validTrackingNumber(carrier: Extract<CarrierCode, 'UPS' | 'USPS'> = 'UPS'): string {
  for (;;) {
    counter += 1;
    const n = (counter * 7_919 + 104_729) % 1_000_000_000;
    const body =
      carrier === 'UPS'
        ? `1ZA4W7E9${String(n % 100).padStart(2, '0')}${String(n % 10_000_000).padStart(7, '0')}`
        : `9400${String(n).padStart(9, '3')}${String(counter).padStart(8, '7')}`;
    for (let d = 0; d < 10; d++) {
      if (checkTrackingNumber(body + d, carrier).valid) return body + d;
    }
  }
}
