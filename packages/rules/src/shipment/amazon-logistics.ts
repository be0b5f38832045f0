import type { ShipmentInput, Violation } from '@order-hub/types';
import { violation } from '../violations/catalogue';

const AMAZON_NAME = /amazon|amzl|amzn/i;
/** TBA/TBC/TBM numbers anywhere, including inside exports like `AMZL_US(TBA303012345678)`. */
const AMAZON_TRACKING = /TB[ACM]\d{12}|AMZ[LN]/;
/** The host of an http(s) URL: any amazon.* domain or subdomain. */
const AMAZON_URL = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:[^/?#:]*\.)?amazon\.[^/?#]*/i;

/**
 * Walmart forbids Amazon Logistics as the delivering carrier and any Amazon identifier the customer would
 * see: the carrier or its name, the service, TBA numbers and amazon.* tracking links.
 */
export function amazonLogisticsOnWalmart(input: ShipmentInput, normalizedTracking: string): Violation[] {
  const found: Violation[] = [];
  const flag = (field: string, what: string) =>
    found.push(violation('AMAZON_LOGISTICS_ON_WALMART', field, `${what}: Walmart orders may not be delivered or tracked by Amazon Logistics.`));
  if (input.carrier === 'AMAZON_LOGISTICS') flag('carrier', 'The carrier is Amazon Logistics');
  if (input.carrierName && AMAZON_NAME.test(input.carrierName)) flag('carrierName', `The carrier name "${input.carrierName}" is Amazon's`);
  if (input.service && AMAZON_NAME.test(input.service)) flag('service', `The service "${input.service}" is Amazon's`);
  if (AMAZON_TRACKING.test(normalizedTracking)) flag('trackingNumber', 'This is an Amazon Logistics tracking number');
  if (input.trackingUrl && AMAZON_URL.test(input.trackingUrl.trim())) flag('trackingUrl', 'The tracking link points to Amazon');
  return found;
}
