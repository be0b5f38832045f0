import type { ShipmentInput, Violation } from '@order-hub/types';
import { violation } from '../violations/catalogue';

const AMAZON_NAME = /amazon|amzl|amzn/i;
/** TBA/TBC/TBM numbers anywhere, including inside exports like `AMZL_US(TBA303012345678)`. */
const AMAZON_TRACKING = /TB[ACM]\d{12}|AMZ[LN]/;
/** The host of a URL (after any scheme and user info), without port. */
const URL_HOST = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^/?#@]*@)?([^/?#:]*)/i;
/**
 * Amazon's hosts: amazon.<tld> or amazon.<2nd-level>.<cc> (amazon.com, amazon.de, amazon.co.uk, amazon.com.mx),
 * amzn.to, amzn.com and swiship.com (Amazon Shipping's tracking site), and any subdomain of these.
 */
const AMAZON_HOST = /(?:^|\.)(?:amazon\.(?:[a-z]{2,3}|(?:co|com)\.[a-z]{2})|amzn\.(?:to|com)|swiship\.com)\.?$/i;
/** `amazon.com` as a name of its own anywhere in the link (path, query, user info): not `notamazon.com`, not `amazon.company`. */
const AMAZON_COM = /(?<![a-z0-9-])amazon\.com(?![a-z0-9-])/i;

/** The link with percent-encoding undone (twice at most: `%252E` is `.` encoded twice); as typed where it is malformed. */
function decoded(url: string): string {
  let text = url;
  for (let i = 0; i < 2 && text.includes('%'); i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Whether a tracking link points to Amazon or carries amazon.com anywhere: a link with amazon.com "will almost
 * inevitably lead to a suspension" on Walmart (seller story, seed 000).
 */
export function isAmazonLink(url: string): boolean {
  const text = decoded(url.trim());
  const host = URL_HOST.exec(text)?.[1] ?? '';
  return AMAZON_HOST.test(host) || AMAZON_COM.test(text);
}

/**
 * Walmart forbids Amazon Logistics as the delivering carrier and any Amazon identifier the customer would
 * see: the carrier or its name, the service, TBA numbers and Amazon tracking links.
 */
export function amazonLogisticsOnWalmart(
  input: Pick<ShipmentInput, 'carrier' | 'carrierName' | 'service' | 'trackingUrl'>,
  normalizedTracking: string,
): Violation[] {
  const found: Violation[] = [];
  const flag = (field: string, what: string) =>
    found.push(
      violation(
        'AMAZON_LOGISTICS_ON_WALMART',
        field,
        `${what}: Walmart orders may not be delivered or tracked by Amazon Logistics.`,
      ),
    );
  if (input.carrier === 'AMAZON_LOGISTICS') flag('carrier', 'The carrier is Amazon Logistics');
  if (input.carrierName && AMAZON_NAME.test(input.carrierName))
    flag('carrierName', `The carrier name "${input.carrierName}" is Amazon's`);
  if (input.service && AMAZON_NAME.test(input.service)) flag('service', `The service "${input.service}" is Amazon's`);
  if (AMAZON_TRACKING.test(normalizedTracking)) flag('trackingNumber', 'This is an Amazon Logistics tracking number');
  if (input.trackingUrl && isAmazonLink(input.trackingUrl))
    flag('trackingUrl', 'The tracking link points to Amazon or carries amazon.com');
  return found;
}
