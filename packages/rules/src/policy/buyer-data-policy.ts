import type { Channel } from '@order-hub/types';

/** How long the hub may keep a channel's buyer PII (name, address lines, phone, e-mail) and who may see it. */
export interface BuyerDataPolicy {
  channel: Channel;
  /** Buyer PII is redacted this many days after the order's delivery. */
  piiRetentionDaysAfterDelivery: number;
  /** People who can see this channel's buyer PII must sign in with a second factor. */
  requiresMfa: boolean;
  /**
   * An order without a recorded delivery counts as delivered this many days after its last ship confirmation
   * (a parcel with no delivery scan after that long is lost, and a claim or reship has had time to use the address).
   */
  assumedDeliveryDaysAfterShipment: number;
  /**
   * Keys of the channel's raw order payload whose values are buyer PII (compared lower-cased without `_` and `-`);
   * the purge removes them whole, objects under them too.
   */
  piiPayloadKeys: readonly string[];
  source: string;
  /** Why the fallbacks for orders without a delivery are what they are. */
  fallbackSource: string;
  effectiveFrom: Date;
}

const FALLBACK =
  'No delivery recorded: a cancelled order counts as delivered when it was cancelled (nothing will be shipped, so the address is no longer needed to fulfil it; the same point eshopbox.com and other Amazon integrators purge from: "30 days after an Amazon order is fulfilled or canceled"); a shipped order with no delivery scan counts as delivered 30 days after its last ship confirmation (hub default: the older DPP text measured the 30 days from shipment, so PII is gone at most 60 days after shipping)';

/** Every order the hub holds is under the current text: the earlier text (30 days after shipment) is not tracked separately. */
const SINCE_ALWAYS = new Date(0);

export const BUYER_DATA_POLICIES: Readonly<Record<Channel, BuyerDataPolicy>> = {
  AMAZON: {
    channel: 'AMAZON',
    piiRetentionDaysAfterDelivery: 30,
    requiresMfa: true,
    assumedDeliveryDaysAfterShipment: 30,
    // Orders API v0 Address (Name, AddressLine1-3, Phone, CompanyName), BuyerInfo (BuyerEmail, BuyerName,
    // BuyerTaxInfo), BuyerTaxInformation, gift messages; MCF DestinationAddress (name, addressLine1-3, phone).
    piiPayloadKeys: [
      'name',
      'companyname',
      'addressline1',
      'addressline2',
      'addressline3',
      'phone',
      'buyerinfo',
      'buyeremail',
      'buyername',
      'buyertaxinfo',
      'buyertaxinformation',
      'giftmessagetext',
    ],
    source:
      'Amazon Services API Data Protection Policy (DPP): "Data Retention and Recovery" — PII is retained only as long as necessary to fulfil orders, no longer than 30 days after order delivery (unless required by law for tax or regulatory purposes, then as encrypted offline archive); "Access Management" — a unique ID per person with access, no shared or generic accounts, multi-factor authentication for access to PII. shared/docs/reference records only the Restricted Data Token rules (amazon-detail.md §1.4), not the DPP; the text cited is the public DPP (copies e.g. stockkonnect.co/data-protection-policy). Its effective date is not recorded: the hub applies it to every order',
    fallbackSource: FALLBACK,
    effectiveFrom: SINCE_ALWAYS,
  },
  WALMART: {
    channel: 'WALMART',
    piiRetentionDaysAfterDelivery: 30,
    requiresMfa: false,
    assumedDeliveryDaysAfterShipment: 30,
    // Orders API shippingInfo: phone, customerEmailId, postalAddress (name, address1-2); the buyer name fields.
    piiPayloadKeys: [
      'name',
      'phone',
      'customeremailid',
      'address1',
      'address2',
      'address3',
      'recipientname',
      // The Returns API's ReturnOrder.customerName {firstName, lastName}.
      'customername',
    ],
    source:
      'No Walmart retention figure found: shared/docs/reference/walmart.md records the buyer fields (customerEmailId is a relay address, postalAddress name/address/phone) but no rule on how long a seller keeps them or on MFA. 30 days after delivery is the hub default, the same as Amazon; MFA is not required by Walmart (the hub still requires it for ADMIN)',
    fallbackSource: FALLBACK,
    effectiveFrom: SINCE_ALWAYS,
  },
};

export function buyerDataPolicy(channel: Channel): BuyerDataPolicy {
  return BUYER_DATA_POLICIES[channel];
}

/** True when any of the given channels asks for MFA on access to its buyer data. */
export function anyChannelRequiresMfa(channels: Iterable<Channel>): boolean {
  for (const channel of channels) if (BUYER_DATA_POLICIES[channel].requiresMfa) return true;
  return false;
}

/** When an order delivered (or counted as delivered) at `deliveredAt` must have lost its buyer PII. */
export function buyerDataRedactAfter(channel: Channel, deliveredAt: Date): Date {
  const days = BUYER_DATA_POLICIES[channel].piiRetentionDaysAfterDelivery;
  return new Date(deliveredAt.getTime() + days * 86_400_000);
}

/**
 * Payload keys that hold buyer PII in any channel's raw order, plus the hub's own address fields (line1-3, email,
 * phonenumber, dayphone/eveningphone of older payloads): the purge scrubs every stored copy with the union, since a
 * copy (an audit row, an outbox body) does not say which channel's shape it has.
 */
export function buyerPiiPayloadKeys(): ReadonlySet<string> {
  const hub = [
    'line1',
    'line2',
    'line3',
    'email',
    'emailid',
    'phonenumber',
    'dayphone',
    'eveningphone',
    'recipientname',
  ];
  return new Set([...hub, ...Object.values(BUYER_DATA_POLICIES).flatMap((p) => p.piiPayloadKeys)]);
}
