/**
 * `carrierCode` values Amazon accepts (the feed XSD's CarrierCode list, exact case and spaces).
 * For the integrated carriers the tracking number must also have that carrier's shape.
 */
export const AMAZON_CARRIER_CODES: readonly string[] = [
  'USPS', 'UPS', 'UPSMI', 'FedEx', 'DHL', 'Fastway', 'GLS', 'GO!', 'Hermes Logistik Gruppe', 'Royal Mail', 'Parcelforce',
  'City Link', 'TNT', 'Target', 'SagawaExpress', 'NipponExpress', 'YamatoTransport', 'DHL Global Mail', 'UPS Mail Innovations',
  'FedEx SmartPost', 'OSM', 'OnTrac', 'Streamlite', 'Newgistics', 'Canada Post', 'Blue Package', 'Chronopost', 'Deutsche Post',
  'DPD', 'La Poste', 'Parcelnet', 'Poste Italiane', 'SDA', 'Smartmail', 'FEDEX_JP', 'JP_EXPRESS', 'NITTSU', 'SAGAWA', 'YAMATO',
  'BlueDart', 'AFL/Fedex', 'Aramex', 'India Post', 'Professional', 'DTDC', 'Overnite Express', 'First Flight', 'Delhivery',
  'Lasership', 'Yodel', 'Other',
];

const USPS = /^(420\d{5}(\d{4})?)?(9[1-5]\d{18,24}|\d{20})$|^[A-Z]{2}\d{9}US$/;

export const TRACKING_SHAPES: Readonly<Record<string, RegExp>> = {
  UPS: /^1Z[0-9A-Z]{16}$|^[AHJKTV]\d{10}$/,
  USPS,
  FedEx: /^(\d{12}|\d{15}|\d{20}|96\d{20}|\d{34})$/,
  'FedEx SmartPost': /^(92\d{20}|\d{20,22})$/,
  DHL: /^\d{10,11}$|^J[A-Z]{2,3}\d{9,10}$/,
  'DHL Global Mail': /^(GM\d{16,18}|\d{16,22}|[A-Z]{2}\d{9}[A-Z]{2})$/,
  OnTrac: /^[CD]\d{14}$/,
  Lasership: /^(1LS\d{12,15}|L[A-Z]\d{8})$/,
  UPSMI: /^(9[1-5]\d{18,24}|[A-Z0-9]{10,34})$/,
  'UPS Mail Innovations': /^(9[1-5]\d{18,24}|[A-Z0-9]{10,34})$/,
  'Canada Post': /^(\d{12}|\d{16}|[A-Z]{2}\d{9}CA)$/,
};

/** Any carrier: letters and digits only, no spaces or punctuation, no single-character runs. */
export const GENERIC_TRACKING = /^[A-Za-z0-9]{6,40}$/;
